import { Link } from "@/components/ui/link";
import { Money } from "@/components/ui/money";
import { Dec } from "@/server/domain/money";
import type { ProgressHistory } from "@/server/services/progress";
import { longMonth } from "@/components/charts/scale";
import { projectionMove } from "./projection-move";

/**
 * This month against the plan, the projected debt-free month, and what negotiation saved. On the
 * share page the same cells (without links into the workspace).
 */
export function ProgressStats({
  history,
  aboveLineCount,
  links = false,
}: {
  history: ProgressHistory;
  /** Loans still above the legal lines; left out on the share page. */
  aboveLineCount?: number;
  links?: boolean;
}) {
  const { thisMonth, plan } = history;
  const planned = thisMonth.planned;
  const done = planned !== null && new Dec(thisMonth.paid).greaterThanOrEqualTo(planned);
  const cells: { key: string; label: string; value: React.ReactNode; note?: React.ReactNode }[] = [
    {
      key: "month",
      label: `本月已还（${longMonth(history.currentMonth)}）`,
      value: <Money value={thisMonth.paid} />,
      note:
        planned === null ? (
          "本月没有计划还款"
        ) : (
          <>
            计划 <Money value={planned} />
            {done ? " · 已完成" : ""}
          </>
        ),
    },
    {
      key: "debtFree",
      label: "预计上岸",
      value: plan.debtFreeMonth ? longMonth(plan.debtFreeMonth) : "—",
      note: (
        <>
          {plan.status === "ok"
            ? plan.saved
              ? `按保存的计划，还需 ${plan.monthCount} 个月`
              : "按预算里可用于还款的钱估算"
            : plan.status === "noDebts"
              ? "没有需要还的债务"
              : "按现在的金额还不完，请调整计划"}
          {plan.previous ? <span className="mt-1 block">{projectionMove(plan)}</span> : null}
        </>
      ),
    },
    {
      key: "saved",
      label: "协商减免",
      value: <Money value={plan.totalDiscount ?? "0"} />,
      note:
        plan.interestSaved !== null && new Dec(plan.interestSaved).greaterThan(0) ? (
          <>
            比只还最低还款少付利息 <Money value={plan.interestSaved} />
          </>
        ) : (
          "计划里的协商条款减免的本金"
        ),
    },
  ];
  if (aboveLineCount !== undefined) {
    cells.push({
      key: "aboveLine",
      label: "超过法定红线的借款",
      value: `${aboveLineCount} 笔`,
      note:
        aboveLineCount > 0 ? (
          links ? (
            <Link href="/debts" className="underline">
              去债务清单看看
            </Link>
          ) : (
            "可以据此协商"
          )
        ) : (
          "没有"
        ),
    });
  }
  return (
    <section aria-label="本月和计划" className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      {cells.map((c) => (
        <div key={c.key} className="rounded-xl border border-slate-200 bg-white p-3" data-testid={`stat-${c.key}`}>
          <p className="text-sm text-slate-600">{c.label}</p>
          <p className="mt-1 text-lg font-semibold">{c.value}</p>
          {c.note ? <p className="mt-1 text-sm text-slate-700">{c.note}</p> : null}
        </div>
      ))}
    </section>
  );
}
