"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC, withTRPC } from "@/components/trpc/react";
import { ConfirmDelete } from "@/components/ui/confirm-delete";

/** Deleting a payment (entered by mistake) asks first; its amount goes back onto the debt. */
function PaymentDeleteButtonWithoutProvider({ id, label }: { id: string; label: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const remove = useMutation(
    trpc.payments.delete.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: (e) => setError(e.message),
    }),
  );
  return (
    <ConfirmDelete
      buttonLabel={`删除还款记录：${label}`}
      groupLabel="确认删除还款记录"
      question={`删除后这笔钱会加回剩余待还。确定删除“${label}”吗？`}
      pending={remove.isPending}
      error={error}
      onConfirm={() => remove.mutate({ id })}
    />
  );
}

export const PaymentDeleteButton = withTRPC(PaymentDeleteButtonWithoutProvider);
