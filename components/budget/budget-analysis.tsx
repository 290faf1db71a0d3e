import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { formatShare } from "@/server/domain/budget";
import { Dec } from "@/server/domain/money";
import type { BudgetAnalysisView } from "@/server/services/budget";

/** 每月收入 · 每月支出 · 可用于还款: the three numbers the rest of the plan is built on. */
export function BudgetTotals({ analysis }: { analysis: BudgetAnalysisView }) {
  const short = new Dec(analysis.shortfall).greaterThan(0);
  const cells = [
    { label: "每月收入", value: <Money value={analysis.totals.income} /> },
    { label: "每月支出（含储蓄）", value: <Money value={analysis.totals.expenses} /> },
  ];
  return (
    <section aria-label="每月合计" className="grid grid-cols-2 gap-3 sm:grid-cols-3">
      {cells.map((c) => (
        <div key={c.label} className="rounded-xl border border-slate-200 bg-white p-3">
          <p className="text-sm text-slate-600">{c.label}</p>
          <p className="mt-1 text-lg font-semibold sm:text-xl">{c.value}</p>
        </div>
      ))}
      <div className="col-span-2 rounded-xl border border-brand-100 bg-brand-50 p-3 sm:col-span-1">
        <p className="text-sm text-brand-800">{short ? "每月缺口" : "每月可用于还款"}</p>
        <p className={`mt-1 text-2xl font-bold ${short ? "text-red-800" : "text-brand-800"}`}>
          <Money value={short ? analysis.shortfall : analysis.capacity} />
        </p>
      </div>
    </section>
  );
}

const barTone = { ok: "bg-brand-600", over: "bg-red-600" } as const;

/**
 * The 50/30/20 bars, rendered on the server. Each bar is decoration: the share, the line and the
 * verdict are written beside it as text.
 */
export function BudgetBars({ analysis }: { analysis: BudgetAnalysisView }) {
  const hasIncome = new Dec(analysis.totals.income).greaterThan(0);
  return (
    <Card title="50/30/20 检查">
      {!hasIncome ? (
        <p className="text-slate-700">填写收入后，这里会显示每类支出占收入的比例。</p>
      ) : (
        <ul className="flex flex-col gap-5">
          {analysis.checks.map((c) => {
            const share = c.share === null ? new Dec(0) : new Dec(c.share);
            const width = Dec.min(share.times(100), 100).toDecimalPlaces(1).toString();
            const target = new Dec(c.target).times(100).toString();
            const shareText = formatShare(share, c.bound === "atLeast" ? "down" : "up");
            const lineText = `${c.bound === "atMost" ? "不超过" : "至少"} ${target}%`;
            return (
              <li key={c.category}>
                <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <span className="font-medium">{c.label}</span>
                  <span className="text-sm text-slate-700">
                    <Money value={c.amount} /> · 占收入 <span className="tabular-nums font-semibold">{shareText}</span>
                    （{lineText}）
                  </span>
                </div>
                <div className="relative mt-1 h-4 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
                  <div
                    className={`h-full rounded-full ${c.ok ? barTone.ok : barTone.over}`}
                    style={{ width: `${width}%` }}
                  />
                  <div className="absolute inset-y-0 w-0.5 bg-slate-900" style={{ left: `${target}%` }} />
                </div>
                <p className={`mt-1 text-sm ${c.ok ? "text-green-800" : "text-red-800"}`}>
                  {c.ok
                    ? "✓ 符合"
                    : c.bound === "atMost"
                      ? `✗ 超出 ${target}% 的线，每月需要减少约 `
                      : `✗ 低于 ${target}%，每月还差约 `}
                  {c.ok ? null : <Money value={c.gap} />}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <p className="mt-4 text-sm text-slate-700">
        上岸期间的规则：必要支出不超过收入的 50%。
        {hasIncome ? (
          analysis.rescue.ok ? (
            <span className="text-green-800">目前符合。</span>
          ) : (
            <span className="text-red-800">
              目前超出 <Money value={analysis.rescue.excess} />。
            </span>
          )
        ) : null}
      </p>
      <p className="mt-1 text-xs text-slate-500">依据：{analysis.source.citation}</p>
    </Card>
  );
}

export function BudgetSuggestions({ analysis }: { analysis: BudgetAnalysisView }) {
  if (analysis.suggestions.length === 0) {
    return (
      <Alert tone="success">预算符合 50/30/20 和上岸期间的规则。每月可用于还款的金额会作为还款计划的默认金额。</Alert>
    );
  }
  return (
    <Card title="建议">
      <ul className="flex flex-col gap-3">
        {analysis.suggestions.map((s) => (
          <li
            key={`${s.rule}-${s.category ?? "all"}`}
            className="rounded-lg border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-slate-900"
          >
            {s.message}
          </li>
        ))}
      </ul>
    </Card>
  );
}
