import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LineChart } from "@/components/charts/line-chart";
import { FundCard } from "@/components/recovery/fund-card";
import { BudgetSplit, HabitStreaks, RepaymentAccountChecklist } from "@/components/recovery/habits-card";
import { MilestoneTimeline } from "@/components/recovery/milestone-timeline";
import { SecondDefaultWarnings } from "@/components/recovery/warnings-card";
import { Card } from "@/components/ui/card";
import { NotLegalAdvice } from "@/components/ui/not-legal-advice";
import { serverApi } from "@/server/api/server";
import { requireSessionUser } from "@/server/auth/session";
import { formatYuan } from "@/server/domain/money";

export const metadata: Metadata = { title: "信用修复" };

function longDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/**
 * 信用修复: when each negative record should disappear, the report checks, the mortgage date; the
 * emergency fund; the habits that prevent a second default; and the warnings.
 */
export default async function RecoveryPage() {
  const user = await requireSessionUser();
  if (user.role === "counselor") redirect("/clients");
  const api = await serverApi();
  const [o, history] = await Promise.all([api.recovery.overview(), api.recovery.history()]);
  const fund = history.fund;

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">信用修复</h1>
        <p className="mt-1 text-slate-700">
          结清不是终点：逾期记录会按规定删除，好的记录会慢慢积累。这里是接下来的时间表，和不再逾期的几个习惯。
        </p>
      </div>

      <NotLegalAdvice text="这里的日期按规定和一般经验推算，是一般性信息，不是法律意见。实际以征信中心的记录为准；记录有误时可以免费提出异议。" />

      <section aria-label="关键日期" className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <div className="rounded-xl border border-slate-200 bg-white p-3" data-testid="key-mortgage">
          <p className="text-sm text-slate-600">最早可以考虑申请房贷</p>
          <p className="mt-1 text-lg font-semibold">
            {o.mortgageEarliest ? longDate(o.mortgageEarliest.date) : "最后一笔结清后 2 年"}
          </p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-3" data-testid="key-report">
          <p className="text-sm text-slate-600">下次查征信</p>
          <p className="mt-1 text-lg font-semibold">
            {o.nextReportCheck ? longDate(o.nextReportCheck.date) : "结清后每 6 个月一次"}
          </p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-3">
          <p className="text-sm text-slate-600">已结清</p>
          <p className="mt-1 text-lg font-semibold">{o.settledCount} 笔</p>
        </div>
      </section>

      {o.perDebt.length > 0 ? (
        <Card title="每笔已结清的债务">
          <ul className="divide-y divide-slate-200">
            {o.perDebt.map((d) => (
              <li key={d.debtId} className="py-3" data-testid="settled-debt">
                <p className="font-semibold">{d.label}</p>
                <p className="text-slate-800">
                  {longDate(d.settledOn)} 结清 · 逾期记录应在 <strong>{longDate(d.negativeRecordRemoval.date)}</strong>{" "}
                  删除
                </p>
                <p className="text-sm text-slate-700">良好记录满 24 个月：{longDate(d.goodRecord24.date)}</p>
                <p className="text-sm text-slate-600">
                  依据：{d.negativeRecordRemoval.source.citation}（{d.negativeRecordRemoval.source.markLabel}）
                </p>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <MilestoneTimeline overview={o} />
      <FundCard fund={o.fund} today={o.today} readOnly={false} />
      {fund && fund.months.length > 1 ? (
        <Card>
          <LineChart
            id="fund-growth"
            title="应急基金增长"
            summary={`现在 ${formatYuan(fund.balance[fund.balance.length - 1] ?? "0")}，目标至少 ${formatYuan(fund.targetMin)}。`}
            months={fund.months}
            series={[{ label: "应急基金余额", values: fund.balance, color: "#0f6b63" }]}
            thresholds={[{ label: "3 个月目标", value: fund.targetMin, color: "#7c3aed" }]}
          />
        </Card>
      ) : null}
      <HabitStreaks habits={o.habits} readOnly={false} />
      <RepaymentAccountChecklist checklist={o.checklist} readOnly={false} />
      <BudgetSplit split={o.split} />
      <SecondDefaultWarnings scam={o.scamWarning} canCheck />
    </div>
  );
}
