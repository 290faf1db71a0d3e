"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { useTRPC, withTRPC } from "@/components/trpc/react";
import { formatFenAmount } from "@/server/domain/money-format";

function fieldErrorsOf(err: unknown): Record<string, string> {
  if (err instanceof TRPCClientError) {
    const data = err.data as { fieldErrors?: Record<string, string> | null } | undefined;
    return data?.fieldErrors ?? {};
  }
  return {};
}

const DIRECTIONS = [
  { value: "deposit", label: "存入" },
  { value: "withdrawal", label: "取出" },
] as const;

/** 存入 / 取出 the emergency fund. */
function FundEntryFormWithoutProvider({ today }: { today: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const add = useMutation(
    trpc.recovery.addFundEntry.mutationOptions({
      onSuccess: (r, input) => {
        setError(null);
        setFields({});
        setSaved(
          `已${input.direction === "deposit" ? "存入" : "取出"}，应急基金现在有 ${formatFenAmount(r.balance)}。`,
        );
        form.current?.reset();
        router.refresh();
      },
      onError: (e) => {
        setSaved(null);
        setError(e.message);
        setFields(fieldErrorsOf(e));
      },
    }),
  );
  return (
    <form
      ref={form}
      aria-label="记录应急基金的存入或取出"
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(e: FormEvent<HTMLFormElement>) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        add.mutate({
          direction: String(data.get("direction")) === "withdrawal" ? "withdrawal" : "deposit",
          amount: String(data.get("amount") ?? ""),
          on: String(data.get("on") ?? ""),
          note: String(data.get("note") ?? ""),
        });
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="存入还是取出" name="direction" options={DIRECTIONS} defaultValue="deposit" />
        <Field
          label="金额（元）"
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          required
          error={fields.amount}
          hint="例如 500 或 1,200.50"
        />
        <Field label="日期" name="on" type="date" required defaultValue={today} max={today} error={fields.on} />
        <Field label="备注（可不填）" name="note" maxLength={100} error={fields.note} />
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {saved ? <Alert tone="success">{saved}</Alert> : null}
      <Button type="submit" disabled={add.isPending}>
        {add.isPending ? "正在保存…" : "记录"}
      </Button>
    </form>
  );
}

function FundEntryDeleteButtonWithoutProvider({ id, label }: { id: string; label: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const remove = useMutation(
    trpc.recovery.deleteFundEntry.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: (e) => setError(e.message),
    }),
  );
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        variant="ghost"
        aria-label={`删除${label}`}
        disabled={remove.isPending}
        onClick={() => remove.mutate({ id })}
      >
        删除
      </Button>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}

/** 今天已记账: one tap a day; tapping again after it is done takes it back. */
function CheckInButtonWithoutProvider({
  habit,
  doneLabel,
  todoLabel,
  loggedToday,
}: {
  habit: "spendingLogged" | "budgetKept";
  todoLabel: string;
  doneLabel: string;
  loggedToday: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const checkIn = useMutation(
    trpc.recovery.checkIn.mutationOptions({
      onSuccess: () => {
        setError(null);
        router.refresh();
      },
      onError: (e) => setError(e.message),
    }),
  );
  return (
    <div className="flex flex-col gap-2">
      {loggedToday ? (
        <div className="flex flex-wrap items-center gap-3">
          <p role="status" className="font-medium text-green-800">
            ✓ {doneLabel}
          </p>
          <Button variant="ghost" disabled={checkIn.isPending} onClick={() => checkIn.mutate({ habit, done: false })}>
            撤销今天的打卡
          </Button>
        </div>
      ) : (
        <Button disabled={checkIn.isPending} onClick={() => checkIn.mutate({ habit, done: true })}>
          {todoLabel}
        </Button>
      )}
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}

/** One item of the repayment-account checklist, saved as soon as it is ticked. */
function ChecklistItemWithoutProvider({
  itemId,
  title,
  detail,
  doneOn,
}: {
  itemId: string;
  title: string;
  detail: string;
  doneOn: string | null;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const [checked, setChecked] = useState(doneOn !== null);
  const [error, setError] = useState<string | null>(null);
  const set = useMutation(
    trpc.recovery.setChecklistItem.mutationOptions({
      onSuccess: () => {
        setError(null);
        router.refresh();
      },
      onError: (e) => {
        setChecked(doneOn !== null);
        setError(e.message);
      },
    }),
  );
  return (
    <li className="flex items-start gap-3 py-2">
      <input
        id={id}
        type="checkbox"
        className="mt-1 size-6 shrink-0 accent-brand-600"
        checked={checked}
        disabled={set.isPending}
        aria-describedby={`${id}-detail`}
        onChange={(e) => {
          setChecked(e.target.checked);
          set.mutate({ itemId, done: e.target.checked });
        }}
      />
      <div className="min-w-0 flex-1">
        <label htmlFor={id} className="font-medium">
          {title}
        </label>
        <p id={`${id}-detail`} className="text-sm text-slate-600">
          {detail}
          {doneOn ? `（完成于 ${doneOn}）` : ""}
        </p>
        {error ? <Alert tone="error">{error}</Alert> : null}
      </div>
    </li>
  );
}

const LICENSED = [
  { value: "unknown", label: "不确定" },
  { value: "yes", label: "是，银行或持牌消费金融公司" },
  { value: "no", label: "不是" },
] as const;

interface CheckResult {
  ok: boolean;
  warnings: { code: string; message: string; source: { citation: string; markLabel: string } }[];
}

/** 新借款检查: is this loan a risk of a second default? */
function BorrowingCheckFormWithoutProvider() {
  const trpc = useTRPC();
  const [result, setResult] = useState<CheckResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const check = useMutation(
    trpc.recovery.checkBorrowing.mutationOptions({
      onSuccess: (r) => {
        setError(null);
        setResult(r);
      },
      onError: (e) => {
        setResult(null);
        setError(e.message);
      },
    }),
  );
  return (
    <form
      aria-label="新借款检查"
      noValidate
      className="flex flex-col gap-4"
      onSubmit={(e: FormEvent<HTMLFormElement>) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const licensed = String(data.get("licensed"));
        check.mutate({
          annualRatePercent: String(data.get("rate") ?? ""),
          licensed: licensed === "yes" || licensed === "no" ? licensed : "unknown",
        });
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="实际年化利率（%）"
          name="rate"
          inputMode="decimal"
          autoComplete="off"
          required
          hint="合同或借款页面上写的年化利率（APR），例如 7.2"
        />
        <SelectField label="出借方是持牌机构吗" name="licensed" options={LICENSED} defaultValue="unknown" />
      </div>
      <Button type="submit" variant="secondary" disabled={check.isPending}>
        检查这笔借款
      </Button>
      <div aria-live="polite">
        {error ? <Alert tone="error">{error}</Alert> : null}
        {result ? (
          result.ok ? (
            <Alert tone="success">年化利率不超过 10%，出借方持牌。借之前仍请确认每月还款在预算之内。</Alert>
          ) : (
            <div className="flex flex-col gap-2 rounded-lg border border-amber-400 bg-amber-50 p-3 text-amber-950">
              <p className="font-semibold">请慎重：</p>
              <ul className="list-disc space-y-2 pl-5">
                {result.warnings.map((w) => (
                  <li key={w.code}>
                    {w.message}
                    <span className="block text-sm">
                      依据：{w.source.citation}（{w.source.markLabel}）
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          )
        ) : null}
      </div>
    </form>
  );
}

export const FundEntryForm = withTRPC(FundEntryFormWithoutProvider);
export const FundEntryDeleteButton = withTRPC(FundEntryDeleteButtonWithoutProvider);
export const CheckInButton = withTRPC(CheckInButtonWithoutProvider);
export const ChecklistItem = withTRPC(ChecklistItemWithoutProvider);
export const BorrowingCheckForm = withTRPC(BorrowingCheckFormWithoutProvider);
