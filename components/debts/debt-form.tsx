"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import { onDemand } from "@/components/on-demand";
import { useTRPC, withTRPC } from "@/components/trpc/react";
import {
  DEBT_KIND_LABEL,
  DEBT_KINDS,
  DEBT_STATUS_LABEL,
  DEBT_STATUSES,
  LENDER_KIND_LABEL,
  LENDER_KINDS,
  MONTHLY_RATE_LABEL,
  REPAYMENT_METHOD_LABEL,
  REPAYMENT_METHODS,
} from "@/server/domain/debt-vocabulary";
import type { DebtFormValues, Preview } from "./debt-preview";

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((k) => ({ value: k, label: labels[k] }));

const lenderOptions = options(LENDER_KINDS, { ...LENDER_KIND_LABEL, unknown: "不清楚" });

/** The preview's arithmetic (decimal.js), fetched when the form is first touched. */
const loadPreview = onDemand(() => import("./debt-preview"));

function DebtFormWithoutProvider({
  initial,
  initialPreview,
  debtId,
  version,
}: {
  initial: DebtFormValues;
  /** The preview of `initial`, computed by the page on the server (previewOf in ./debt-preview). */
  initialPreview: Preview;
  debtId?: string;
  version?: number;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [previewOf, setPreviewOf] = useState<((v: DebtFormValues) => Preview) | null>(null);
  const preview = useMemo(() => (previewOf ? previewOf(values) : initialPreview), [previewOf, values, initialPreview]);
  const loadPreviewOnce = () => {
    if (!previewOf)
      void loadPreview().then(
        (m) => setPreviewOf(() => m.previewOf),
        () => {},
      );
  };

  const onError = (err: unknown) => {
    if (err instanceof TRPCClientError) {
      const raw = (err.data as { fieldErrors?: Record<string, string> | null } | undefined)?.fieldErrors ?? {};
      const fields = Object.fromEntries(Object.entries(raw).map(([k, m]) => [k.replace(/^fields\./, ""), m]));
      setFieldErrors(fields);
      setFormError(Object.keys(fields).length > 0 ? "有几处需要修改，请看下面标红的提示" : err.message);
    } else {
      setFormError("网络连接出了问题，您填写的内容还在，请稍后再保存");
    }
  };
  const onSaved = (saved: { id: string }) => {
    router.push(`/debts/${saved.id}`);
    router.refresh();
  };
  const create = useMutation(trpc.debts.create.mutationOptions({ onSuccess: onSaved, onError }));
  const update = useMutation(trpc.debts.update.mutationOptions({ onSuccess: onSaved, onError }));
  const pending = create.isPending || update.isPending;

  const set = (key: keyof DebtFormValues) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    setFieldErrors({});
    const fields = {
      ...values,
      installmentCount: values.installmentCount.trim() === "" ? undefined : Number(values.installmentCount),
    };
    if (debtId && version) update.mutate({ id: debtId, version, fields });
    else create.mutate(fields);
  }

  const rateLabel = MONTHLY_RATE_LABEL[values.repaymentMethod];
  const err = (k: string) => fieldErrors[k] ?? null;

  return (
    <form
      onSubmit={onSubmit}
      onFocus={loadPreviewOnce}
      onPointerDown={loadPreviewOnce}
      noValidate
      className="flex flex-col gap-5"
    >
      {formError ? <Alert tone="error">{formError}</Alert> : null}

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">是谁借给你的</legend>
        <Field
          label="平台或出借人"
          value={values.platform}
          onChange={set("platform")}
          maxLength={40}
          required
          hint="例如：某某借呗、某银行信用卡、表哥"
          error={err("platform")}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="借款类型"
            value={values.debtKind}
            onChange={set("debtKind")}
            options={options(DEBT_KINDS, DEBT_KIND_LABEL)}
            error={err("debtKind")}
          />
          <SelectField
            label="出借方是"
            value={values.lenderKind}
            onChange={set("lenderKind")}
            options={lenderOptions}
            hint="决定哪条法律红线适用；不清楚就选“不清楚”"
            error={err("lenderKind")}
          />
        </div>
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">借了多少、怎么还</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="借款金额"
            inputMode="decimal"
            value={values.principal}
            onChange={set("principal")}
            required
            hint="合同上写的金额，可以写 1.2万"
            error={err("principal")}
          />
          <Field
            label="实际到手"
            inputMode="decimal"
            value={values.received}
            onChange={set("received")}
            hint="到你账户的钱；被提前扣掉的费用（砍头息）不算。不填就按借款金额"
            error={err("received")}
          />
        </div>
        <SelectField
          label="还款方式"
          value={values.repaymentMethod}
          onChange={set("repaymentMethod")}
          options={options(REPAYMENT_METHODS, REPAYMENT_METHOD_LABEL)}
          error={err("repaymentMethod")}
        />
        {values.repaymentMethod !== "none" ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label="期数"
              inputMode="numeric"
              value={values.installmentCount}
              onChange={set("installmentCount")}
              hint="一共分几期（按月）"
              error={err("installmentCount")}
            />
            {values.repaymentMethod === "fixedInstallments" ? (
              <Field
                label="每期还款"
                inputMode="decimal"
                value={values.installmentAmount}
                onChange={set("installmentAmount")}
                hint="App 账单里每月要还的金额"
                error={err("installmentAmount")}
              />
            ) : (
              <Field
                label={`${rateLabel ?? "月利率"}（%）`}
                inputMode="decimal"
                value={values.monthlyRatePercent}
                onChange={set("monthlyRatePercent")}
                hint="按百分比填写，例如 0.6 表示每月 0.6%"
                error={err("monthlyRatePercent")}
              />
            )}
          </div>
        ) : null}
        <div
          aria-live="polite"
          className={
            preview.kind === "rate"
              ? `rounded-lg border px-3 py-2 ${preview.high ? "border-red-300 bg-red-50 text-red-900" : "border-brand-100 bg-brand-50 text-brand-800"}`
              : "rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-slate-700"
          }
        >
          {preview.text}
        </div>
      </fieldset>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-2 text-lg font-semibold">现在的情况</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="剩余待还"
            inputMode="decimal"
            value={values.outstanding}
            onChange={set("outstanding")}
            required
            hint="包括已经产生的罚息和费用"
            error={err("outstanding")}
          />
          <SelectField
            label="状态"
            value={values.status}
            onChange={set("status")}
            options={options(DEBT_STATUSES, DEBT_STATUS_LABEL)}
            error={err("status")}
          />
          <Field
            label="借款日期"
            type="date"
            value={values.contractDate}
            onChange={set("contractDate")}
            hint="用来确定当时的 LPR 红线"
            error={err("contractDate")}
          />
          <Field
            label="最早一期未还的还款日"
            type="date"
            value={values.firstMissedDueDate}
            onChange={set("firstMissedDueDate")}
            hint="没有逾期就不填；逾期天数从这天算起"
            error={err("firstMissedDueDate")}
          />
        </div>
        <TextAreaField
          label="备注"
          value={values.notes}
          onChange={set("notes")}
          maxLength={1000}
          error={err("notes")}
        />
      </fieldset>

      <div className="flex flex-col gap-3 sm:flex-row">
        <Button type="submit" disabled={pending}>
          {pending ? "正在保存…" : "保存"}
        </Button>
        <Button variant="secondary" onClick={() => router.back()}>
          取消
        </Button>
      </div>
    </form>
  );
}

export const DebtForm = withTRPC(DebtFormWithoutProvider);
