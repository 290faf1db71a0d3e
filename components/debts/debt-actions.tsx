"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useTRPC, withTRPC } from "@/components/trpc/react";
import type { DebtStatus } from "@/server/domain/legal";

/** Pause / resume, mark settled, archive / restore — each carries the version the page read. */
function DebtActionsWithoutProvider({
  id,
  version,
  status,
  archived,
}: {
  id: string;
  version: number;
  status: DebtStatus;
  archived: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const options = { onSuccess: () => router.refresh(), onError: (e: { message: string }) => setError(e.message) };
  const setStatus = useMutation(trpc.debts.setStatus.mutationOptions(options));
  const setArchived = useMutation(trpc.debts.setArchived.mutationOptions(options));
  const pending = setStatus.isPending || setArchived.isPending;

  return (
    <div className="flex flex-col gap-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        {status === "paused" ? (
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => setStatus.mutate({ id, version, status: "current" })}
          >
            恢复计入计划
          </Button>
        ) : (
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => setStatus.mutate({ id, version, status: "paused" })}
          >
            暂停（不计入每月应还）
          </Button>
        )}
        {status !== "settled" ? (
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => setStatus.mutate({ id, version, status: "settled" })}
          >
            标记为已结清
          </Button>
        ) : null}
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() => setArchived.mutate({ id, version, archived: !archived })}
        >
          {archived ? "从归档中恢复" : "归档"}
        </Button>
      </div>
    </div>
  );
}

export const DebtActions = withTRPC(DebtActionsWithoutProvider);
