"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC, withTRPC } from "@/components/trpc/react";
import { ConfirmDelete } from "@/components/ui/confirm-delete";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField, TextAreaField } from "@/components/ui/field";

type AgreementKind = "stopCollection" | "installment" | "discount" | "extension";

/** 记录一份协议: what was agreed with the platform, for which debt, from when to when. */
function AgreementFormWithoutProvider({
  debts,
  kinds,
  today,
}: {
  debts: { id: string; platform: string }[];
  kinds: { id: AgreementKind; label: string }[];
  today: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const create = useMutation(
    trpc.agreements.create.mutationOptions({
      onSuccess: () => {
        setError(null);
        setSaved(true);
        router.refresh();
      },
      onError: (e) => {
        setSaved(false);
        setError(e.message);
      },
    }),
  );
  return (
    <form
      aria-label="记录一份协议"
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const data = new FormData(form);
        const value = (k: string) => String(data.get(k) ?? "");
        create.mutate(
          {
            debtId: value("debtId"),
            kind: value("kind") as AgreementKind,
            terms: value("terms"),
            amount: value("amount"),
            agreedOn: value("agreedOn"),
            startsOn: value("startsOn"),
            endsOn: value("endsOn"),
          },
          { onSuccess: () => form.reset() },
        );
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          className="min-w-0 [&_select]:max-w-full"
          label="哪一笔债务"
          name="debtId"
          required
          options={debts.map((d) => ({ value: d.id, label: d.platform }))}
        />
        <SelectField
          className="min-w-0 [&_select]:max-w-full"
          label="协议类型"
          name="kind"
          defaultValue="stopCollection"
          options={kinds.map((k) => ({ value: k.id, label: k.label }))}
        />
        <Field label="达成日期" name="agreedOn" type="date" required defaultValue={today} max={today} />
        <Field
          label="金额（可不填）"
          name="amount"
          inputMode="decimal"
          maxLength={40}
          hint="分期的每期金额、减免后应还的总额等"
        />
        <Field label="开始日期（可不填）" name="startsOn" type="date" />
        <Field label="结束日期（可不填）" name="endsOn" type="date" hint="到期前 7 天起会提醒你" />
      </div>
      <TextAreaField
        label="协议内容"
        name="terms"
        maxLength={2000}
        placeholder="例如：停催 3 个月，期间不计罚息；对方客服工号 1234"
        hint="写下双方答应的每一条，以及对方是谁、通过什么方式确认的"
      />
      {error ? <Alert tone="error">{error}</Alert> : null}
      {saved && !error ? <Alert tone="success">已记录这份协议。记得把对方确认的截图或录音关联上来。</Alert> : null}
      <Button type="submit" disabled={create.isPending}>
        保存协议
      </Button>
    </form>
  );
}

/** Deleting an agreement asks first; linked evidence stays and is only unlinked. */
function AgreementDeleteButtonWithoutProvider({ id, label }: { id: string; label: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const remove = useMutation(
    trpc.agreements.delete.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: (e) => setError(e.message),
    }),
  );
  return (
    <ConfirmDelete
      buttonLabel={`删除${label}`}
      groupLabel="确认删除协议"
      question="删除后无法恢复（关联的证据会保留），确定删除吗？"
      pending={remove.isPending}
      error={error}
      onConfirm={() => remove.mutate({ id })}
    />
  );
}

export const AgreementForm = withTRPC(AgreementFormWithoutProvider);
export const AgreementDeleteButton = withTRPC(AgreementDeleteButtonWithoutProvider);
