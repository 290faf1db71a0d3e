"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useRouter } from "next/navigation";
import { useId, useMemo, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { onDemand } from "@/components/on-demand";
import { useTRPC, withTRPC } from "@/components/trpc/react";
import { COMMON_BUDGET_ITEMS, type BudgetCategory, type BudgetKind } from "@/server/domain/budget-vocabulary";
import type { BudgetPreview, PreviewRow } from "./budget-preview";

/** One select for both: income, or which part of the 50/30/20 split an expense belongs to. */
type RowType = "income" | BudgetCategory;

const TYPE_OPTIONS: { value: RowType; label: string }[] = [
  { value: "income", label: "收入" },
  { value: "essential", label: "必要支出" },
  { value: "discretionary", label: "可选支出" },
  { value: "savings", label: "储蓄" },
];

interface Row {
  key: string;
  label: string;
  amount: string;
  type: RowType;
}

export interface SavedBudgetItem {
  label: string;
  kind: BudgetKind;
  category: BudgetCategory;
  monthlyAmount: string;
}

/** The preview's arithmetic (decimal.js), fetched when the form is first touched. */
const loadPreview = onDemand(() => import("./budget-preview"));

let nextKey = 0;
const newKey = () => `row-${++nextKey}`;

function initialRows(saved: readonly SavedBudgetItem[]): Row[] {
  if (saved.length === 0) {
    return COMMON_BUDGET_ITEMS.map((p) => ({
      key: newKey(),
      label: p.label,
      amount: "",
      type: p.kind === "income" ? "income" : p.category,
    }));
  }
  return saved.map((i) => ({
    key: newKey(),
    label: i.label,
    // Whole yuan read better: 3000 rather than 3000.00.
    amount: i.monthlyAmount.replace(/\.00$/, ""),
    type: i.kind === "income" ? "income" : i.category,
  }));
}

const controlClass =
  "min-h-11 w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 aria-invalid:border-red-700";

/**
 * 填写每月收支: common lines pre-filled in Chinese; type an amount where it applies, leave the
 * rest blank (blank lines are not saved). Saving replaces the whole budget.
 */
function BudgetFormWithoutProvider({
  saved,
  initialPreview,
}: {
  saved: readonly SavedBudgetItem[];
  /** The totals of `saved`, computed by the page on the server (budgetPreview in ./budget-preview). */
  initialPreview: BudgetPreview;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const formId = useId();
  const [rows, setRows] = useState<Row[]>(() => initialRows(saved));
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  const [previewOf, setPreviewOf] = useState<((rows: readonly PreviewRow[]) => BudgetPreview) | null>(null);
  const preview = useMemo(() => (previewOf ? previewOf(rows) : initialPreview), [previewOf, rows, initialPreview]);
  const loadPreviewOnce = () => {
    if (!previewOf)
      void loadPreview().then(
        (m) => setPreviewOf(() => m.budgetPreview),
        () => {},
      );
  };

  const save = useMutation(
    trpc.budget.save.mutationOptions({
      onSuccess: (result) => {
        setMessage({ tone: "success", text: `已保存 ${result.count} 项。上面的分析和可用于还款的金额已经更新。` });
        router.refresh();
      },
    }),
  );

  const update = (key: string, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const remove = (key: string) => setRows((rs) => rs.filter((r) => r.key !== key));
  const add = (type: RowType, label = "") => setRows((rs) => [...rs, { key: newKey(), label, amount: "", type }]);
  const unused = COMMON_BUDGET_ITEMS.filter((p) => !rows.some((r) => r.label.trim() === p.label));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    setRowErrors({});
    const sent = rows.filter((r) => r.amount.trim() !== "");
    const items = sent.map((r) => ({
      label: r.label,
      kind: r.type === "income" ? ("income" as const) : ("expense" as const),
      category: r.type === "income" ? ("essential" as const) : r.type,
      monthlyAmount: r.amount,
    }));
    save.mutate(
      { items },
      {
        onError: (err) => {
          if (!(err instanceof TRPCClientError)) {
            setMessage({ tone: "error", text: "网络连接出了问题，您填写的内容还在，请稍后再保存" });
            return;
          }
          const raw = (err.data as { fieldErrors?: Record<string, string> | null } | undefined)?.fieldErrors ?? {};
          const byRow: Record<string, string> = {};
          for (const [path, text] of Object.entries(raw)) {
            const m = /^items\.(\d+)\./.exec(path);
            const row = m ? sent[Number(m[1])] : undefined;
            if (row) byRow[row.key] ??= text;
          }
          setRowErrors(byRow);
          setMessage({
            tone: "error",
            text: Object.keys(byRow).length > 0 ? "有几项需要修改，请看下面标红的提示" : err.message,
          });
        },
      },
    );
  }

  return (
    <form
      onSubmit={onSubmit}
      onFocus={loadPreviewOnce}
      onPointerDown={loadPreviewOnce}
      noValidate
      className="flex flex-col gap-4"
      aria-labelledby={`${formId}-title`}
    >
      <div>
        <h2 id={`${formId}-title`} className="text-lg font-semibold">
          填写每月收支
        </h2>
        <p className="text-sm text-slate-600">
          按月填写，可以写 1.2万。用不上的项目留空即可，不会保存。类别决定它算在 50/30/20 的哪一部分。
        </p>
      </div>

      <div
        className="hidden grid-cols-[minmax(0,2fr)_minmax(0,1.3fr)_minmax(0,1.3fr)_auto] gap-2 px-1 text-sm font-medium text-slate-600 sm:grid"
        aria-hidden="true"
      >
        <span>名称</span>
        <span>每月金额（元）</span>
        <span>类别</span>
        <span className="w-16" />
      </div>
      <ul className="flex flex-col gap-3">
        {rows.map((row, index) => {
          const name = row.label.trim() || `第 ${index + 1} 项`;
          const error = rowErrors[row.key];
          const errorId = `${formId}-${row.key}-error`;
          return (
            <li
              key={row.key}
              className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] gap-2 border-b border-slate-100 pb-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1.3fr)_minmax(0,1.3fr)_auto] sm:border-0 sm:pb-0"
            >
              <input
                aria-label={`第 ${index + 1} 项的名称`}
                className={`${controlClass} col-span-2 sm:col-span-1`}
                value={row.label}
                maxLength={30}
                placeholder="名称，例如 房租"
                onChange={(e) => update(row.key, { label: e.target.value })}
              />
              <Button
                variant="ghost"
                className="row-span-1 w-16 px-2 sm:order-last"
                aria-label={`删除「${name}」`}
                onClick={() => remove(row.key)}
              >
                删除
              </Button>
              <input
                aria-label={`${name}：每月金额`}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId : undefined}
                className={controlClass}
                inputMode="decimal"
                placeholder="每月金额"
                value={row.amount}
                onChange={(e) => update(row.key, { amount: e.target.value })}
              />
              <select
                aria-label={`${name}：类别`}
                className={`${controlClass} col-span-2 sm:col-span-1`}
                value={row.type}
                onChange={(e) => update(row.key, { type: e.target.value as RowType })}
              >
                {TYPE_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
              {error ? (
                <p id={errorId} className="col-span-full text-sm text-red-800">
                  {error}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      {unused.length > 0 ? (
        <div>
          <p className="text-sm text-slate-600">常用项目，点一下加到上面：</p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {unused.map((p) => (
              <li key={p.label}>
                <button
                  type="button"
                  className="min-h-11 rounded-full border border-slate-300 bg-white px-3 text-sm text-slate-800 hover:bg-slate-100"
                  aria-label={`添加「${p.label}」`}
                  onClick={() => add(p.kind === "income" ? "income" : p.category, p.label)}
                >
                  ＋ {p.label}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => add("income")}>
          添加一项收入
        </Button>
        <Button variant="secondary" onClick={() => add("essential")}>
          添加一项支出
        </Button>
      </div>

      <p aria-live="polite" className="rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-slate-800">
        正在填写：收入 <span className="tabular-nums">{preview.income}</span>，支出{" "}
        <span className="tabular-nums">{preview.spending}</span>，
        {preview.left.kind === "shortfall" ? (
          <>
            每月缺口 <span className="font-semibold tabular-nums text-red-800">{preview.left.amount}</span>
          </>
        ) : (
          <>
            每月可用于还款 <span className="font-semibold tabular-nums">{preview.left.amount}</span>
          </>
        )}
      </p>

      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Button type="submit" disabled={save.isPending} className="sm:self-start">
        {save.isPending ? "正在保存…" : "保存收支预算"}
      </Button>
    </form>
  );
}

export const BudgetForm = withTRPC(BudgetFormWithoutProvider);
