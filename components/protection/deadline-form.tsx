"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC, withTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";

const KINDS = [
  { value: "answer", label: "起诉状副本（答辩期限）" },
  { value: "paymentOrderObjection", label: "支付令（异议期限）" },
  { value: "appeal", label: "一审判决书（上诉期限）" },
] as const;

/** 收到法院文书: the deadline is computed on the server from the date of receipt. */
function DeadlineFormWithoutProvider() {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(
    trpc.deadlines.create.mutationOptions({
      onSuccess: () => {
        setError(null);
        router.refresh();
      },
      onError: (e) => setError(e.message),
    }),
  );
  return (
    <form
      aria-label="记录收到的法院文书"
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        create.mutate({
          kind: String(data.get("kind")) as (typeof KINDS)[number]["value"],
          receivedOn: String(data.get("receivedOn") ?? ""),
          court: String(data.get("court") ?? ""),
          courtCaseNumber: String(data.get("courtCaseNumber") ?? ""),
        });
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="收到的文书" name="kind" options={KINDS} defaultValue="answer" />
        <Field label="收到日期" name="receivedOn" type="date" required hint="按实际签收那天填写，不是传票上的日期" />
        <Field label="法院（可不填）" name="court" maxLength={80} />
        <Field label="案号（可不填）" name="courtCaseNumber" maxLength={80} />
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button type="submit" variant="secondary" disabled={create.isPending}>
        计算期限
      </Button>
    </form>
  );
}

function DeadlineDoneButtonWithoutProvider({ id, done }: { id: string; done: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const setDone = useMutation(trpc.deadlines.setDone.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <Button variant="secondary" disabled={setDone.isPending} onClick={() => setDone.mutate({ id, done: !done })}>
      {done ? "改回未完成" : "标记为已完成"}
    </Button>
  );
}

export const DeadlineForm = withTRPC(DeadlineFormWithoutProvider);
export const DeadlineDoneButton = withTRPC(DeadlineDoneButtonWithoutProvider);
