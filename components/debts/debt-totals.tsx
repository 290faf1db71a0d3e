import { Money } from "@/components/ui/money";
import type { DebtTotals } from "@/server/services/debts";

export function DebtTotalsPanel({ totals }: { totals: DebtTotals }) {
  const cells = [
    { label: "总欠款", value: <Money value={totals.owed} /> },
    { label: "每月应还", value: <Money value={totals.monthlyDue} /> },
    { label: "逾期金额", value: <Money value={totals.overdueAmount} /> },
    { label: "超过红线的借款", value: `${totals.aboveLineCount} 笔` },
  ];
  return (
    <section aria-label="合计" className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {cells.map((c) => (
        <div key={c.label} className="rounded-xl border border-slate-200 bg-white p-3">
          <p className="text-sm text-slate-600">{c.label}</p>
          <p className="mt-1 text-lg font-semibold sm:text-xl">{c.value}</p>
        </div>
      ))}
    </section>
  );
}
