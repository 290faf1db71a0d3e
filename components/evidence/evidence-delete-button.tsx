"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/react";
import { Button } from "@/components/ui/button";

/** Deleting evidence asks first; the file and its record go together. */
export function EvidenceDeleteButton({ id, name }: { id: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = useMutation(
    trpc.evidence.delete.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: (e) => setError(e.message),
    }),
  );
  if (!confirming) {
    return (
      <Button variant="ghost" onClick={() => setConfirming(true)} aria-label={`删除 ${name}`}>
        删除
      </Button>
    );
  }
  return (
    <div role="group" aria-label="确认删除" className="flex flex-wrap items-center gap-2">
      <span className="text-sm text-red-800">删除后无法恢复，确定删除“{name}”吗？</span>
      <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate({ id })}>
        确定删除
      </Button>
      <Button variant="secondary" onClick={() => setConfirming(false)}>
        取消
      </Button>
      {error ? <span className="text-sm text-red-800">{error}</span> : null}
    </div>
  );
}
