"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/react";
import { Button } from "@/components/ui/button";

/** Deleting a payment (entered by mistake) asks first; its amount goes back onto the debt. */
export function PaymentDeleteButton({ id, label }: { id: string; label: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = useMutation(
    trpc.payments.delete.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: (e) => setError(e.message),
    }),
  );
  if (!confirming) {
    return (
      <Button variant="ghost" onClick={() => setConfirming(true)} aria-label={`删除还款记录：${label}`}>
        删除
      </Button>
    );
  }
  return (
    <div role="group" aria-label="确认删除还款记录" className="flex flex-wrap items-center gap-2">
      <span className="text-sm text-red-800">删除后这笔钱会加回剩余待还。确定删除“{label}”吗？</span>
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
