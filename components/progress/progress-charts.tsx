import { PairedBarChart } from "@/components/charts/bar-chart";
import { LineChart } from "@/components/charts/line-chart";
import { longMonth } from "@/components/charts/scale";
import { Card } from "@/components/ui/card";
import { formatYuan } from "@/server/domain/money";
import type { ProgressHistory } from "@/server/services/progress";

const ACTUAL = "#0f6b63"; // brand-600
const PLAN = "#b45309"; // amber-700
const TARGET = "#7c3aed"; // violet-600

/** Remaining debt (actual against plan) and monthly payments; the emergency fund when given. */
export function ProgressCharts({ history, idPrefix = "p" }: { history: ProgressHistory; idPrefix?: string }) {
  const { debt, payments, fund, currentMonth } = history;
  const nowIndex = debt.months.indexOf(currentMonth);
  const owedNow = debt.actual[nowIndex] ?? null;
  const first = debt.actual[0] ?? null;
  const planEndOfMonth = debt.plan[nowIndex] ?? null;
  const debtSummary =
    first !== null && owedNow !== null
      ? `从 ${longMonth(debt.months[0] ?? currentMonth)} 的 ${formatYuan(first)} 降到现在的 ${formatYuan(owedNow)}` +
        (planEndOfMonth !== null ? `；按计划本月底应剩 ${formatYuan(planEndOfMonth)}` : "") +
        (history.plan.debtFreeMonth ? `，${longMonth(history.plan.debtFreeMonth)} 还清。` : "。")
      : "还没有数据。";
  const paidMonths = payments.actual.filter((v) => v !== null && v !== "0.00").length;
  return (
    <Card title="进度图">
      <div className="flex flex-col gap-8">
        <LineChart
          id={`${idPrefix}-debt`}
          title="剩余欠款：实际与计划"
          summary={debtSummary}
          months={debt.months}
          marker={{ month: currentMonth, label: "本月" }}
          series={[
            { label: "实际剩余", values: debt.actual, color: ACTUAL },
            { label: "计划剩余", values: debt.plan, color: PLAN, dashed: true },
          ]}
        />
        <PairedBarChart
          id={`${idPrefix}-payments`}
          title="每月还款"
          summary={`最近 ${payments.actual.filter((v) => v !== null).length} 个月里有 ${paidMonths} 个月记录了还款；虚线框是计划每月还的金额。`}
          months={payments.months}
          actual={{ label: "实际还款", values: payments.actual, color: ACTUAL }}
          planned={{ label: "计划还款", values: payments.planned, color: PLAN }}
        />
        {fund && fund.months.length > 1 ? (
          <LineChart
            id={`${idPrefix}-fund`}
            title="应急基金"
            summary={`现在 ${formatYuan(fund.balance[fund.balance.length - 1] ?? "0")}，目标至少 ${formatYuan(fund.targetMin)}（3 个月必要支出）。`}
            months={fund.months}
            series={[{ label: "应急基金余额", values: fund.balance, color: ACTUAL }]}
            thresholds={[{ label: "3 个月目标", value: fund.targetMin, color: TARGET }]}
          />
        ) : null}
      </div>
      <p className="mt-4 text-sm text-slate-600">
        实际剩余由现在的欠款加上之后记录的还款倒推，不含期间新增的利息和罚息；计划剩余来自当前的还款计划。
      </p>
    </Card>
  );
}
