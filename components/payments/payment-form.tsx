"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC, withTRPC } from "@/components/trpc/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";

type FieldName = "amount" | "paidOn" | "note" | "debtId";

/**
 * 记一笔还款: amount, day (today by default) and a note. With `debts`, the borrower picks the
 * debt; otherwise the payment goes to `debtId`. The balance shown on the page is the server's.
 */
function PaymentFormWithoutProvider({
  debtId,
  debts,
  today,
}: {
  debtId?: string;
  debts?: readonly { id: string; platform: string }[];
  today: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Partial<Record<FieldName, string>>>({});
  const [done, setDone] = useState<string | null>(null);
  const record = useMutation(
    trpc.payments.record.mutationOptions({
      onSuccess: (result, _vars) => {
        setError(null);
        setFields({});
        setDone(result.settled ? "已记录。这笔债务已经还清，恭喜！" : "已记录，剩余待还已更新。");
        router.refresh();
      },
      onError: (e) => {
        setDone(null);
        const raw = (e.data as { fieldErrors?: Record<string, string> | null } | undefined)?.fieldErrors ?? {};
        setFields(raw as Partial<Record<FieldName, string>>);
        setError(e.message);
      },
    }),
  );
  return (
    <form
      aria-label="记一笔还款"
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const data = new FormData(form);
        record.mutate(
          {
            debtId: debtId ?? String(data.get("debtId") ?? ""),
            amount: String(data.get("amount") ?? ""),
            paidOn: String(data.get("paidOn") ?? ""),
            note: String(data.get("note") ?? ""),
          },
          { onSuccess: () => form.reset() },
        );
      }}
    >
      <div className="grid gap-4 sm:grid-cols-3">
        {debts ? (
          <SelectField
            label="还的是哪笔债务"
            name="debtId"
            options={debts.map((d) => ({ value: d.id, label: d.platform }))}
            error={fields.debtId}
          />
        ) : null}
        <Field
          label="还款金额（元）"
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          required
          placeholder="例如 500"
          error={fields.amount}
        />
        <Field
          label="还款日期"
          name="paidOn"
          type="date"
          required
          defaultValue={today}
          max={today}
          error={fields.paidOn}
        />
        <Field label="备注（可不填）" name="note" maxLength={200} placeholder="例如 协商后首期" error={fields.note} />
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {done ? (
        <p role="status" className="text-green-800">
          {done}
        </p>
      ) : null}
      <Button type="submit" disabled={record.isPending} className="self-start">
        {record.isPending ? "正在记录…" : "记录这笔还款"}
      </Button>
    </form>
  );
}

export const PaymentForm = withTRPC(PaymentFormWithoutProvider);
