"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC, withTRPC } from "@/components/trpc/react";
import { ConfirmDelete } from "@/components/ui/confirm-delete";

/** Deleting evidence asks first; the file and its record go together. */
function EvidenceDeleteButtonWithoutProvider({ id, name }: { id: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const remove = useMutation(
    trpc.evidence.delete.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: (e) => setError(e.message),
    }),
  );
  return (
    <ConfirmDelete
      buttonLabel={`删除 ${name}`}
      groupLabel="确认删除"
      question={`删除后无法恢复，确定删除“${name}”吗？`}
      pending={remove.isPending}
      error={error}
      onConfirm={() => remove.mutate({ id })}
    />
  );
}

export const EvidenceDeleteButton = withTRPC(EvidenceDeleteButtonWithoutProvider);
