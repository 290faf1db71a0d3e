import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CurrentStageCard } from "@/components/plan/current-stage-card";
import { ProgressCharts } from "@/components/progress/progress-charts";
import { ProgressHeadline } from "@/components/progress/progress-headline";
import { ProgressStats } from "@/components/progress/progress-stats";
import { OpenCourtDeadlines } from "@/components/protection/open-deadlines";
import { OpenRecommendations } from "@/components/sharing/open-recommendations";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { serverApi } from "@/server/api/server";
import { requireSessionUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "首页" };

const gatherSteps = [
  "打开手机里每一个借款 App，找到“借款记录”或“账单”，记下平台名称、借了多少、实际到手多少、每期还多少、还剩几期。",
  "翻一翻短信和银行流水，别漏掉已经卸载的 App 和信用卡、亲友借款。",
  "把催收电话的录音、短信和截图保存好，不要删除。",
];

/**
 * The borrower's home: how far they have come and what to do next, readable in five seconds on a
 * phone — deadlines first, then progress and the next step, this month against the plan, the
 * counselor's recommendations, and the charts (server-rendered SVG, no client JavaScript).
 */
export default async function DashboardPage() {
  const user = await requireSessionUser();
  if (user.role === "counselor") redirect("/clients");
  const api = await serverApi();
  const [{ items, totals }, notes, stages, summary, history] = await Promise.all([
    api.debts.list(),
    api.notes.list(),
    api.plan.progress(),
    api.progress.summary(),
    api.recovery.history(),
  ]);
  const first = items[0];
  const hasDebts = summary.loansTotal > 0;

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">你好，{user.name}</h1>
        <p className="mt-1 text-slate-700">
          {hasDebts && summary.percentRepaid > 0
            ? `已经还清了 ${summary.percentRepaid}%，离上岸又近了一步。`
            : "欠债不是终点。先把情况理清楚，再一步一步来。"}
        </p>
      </div>
      <OpenCourtDeadlines />
      {!hasDebts ? (
        <Card title="先做这一步：把所有借款找齐，记进债务清单">
          <ol className="list-decimal space-y-2 pl-5 text-slate-800">
            {gatherSteps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          <p className="mt-4 text-sm text-slate-600">信息越完整，算出来的真实利率和处理顺序就越准确。</p>
          <ButtonLink href="/debts/new" className="mt-4">
            添加第一笔债务
          </ButtonLink>
        </Card>
      ) : (
        <ProgressHeadline summary={summary} />
      )}
      {/* The next step right under how far they have come: both on a phone's first screen. */}
      <CurrentStageCard progress={stages} />
      {hasDebts ? <ProgressStats history={history} aboveLineCount={totals.aboveLineCount} links /> : null}
      <OpenRecommendations notes={notes} />
      {first ? (
        <Card title="建议先处理">
          <p className="text-lg font-semibold">
            <Link href={`/debts/${first.id}`} className="text-brand-700 underline-offset-4 hover:underline">
              {first.platform}
            </Link>
          </p>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-800">
            {first.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          <ButtonLink href="/debts" variant="secondary" className="mt-4">
            查看完整的债务清单（{totals.activeCount} 笔）
          </ButtonLink>
        </Card>
      ) : null}
      {hasDebts ? <ProgressCharts history={history} /> : null}
      {hasDebts ? (
        <Card title="信用修复">
          <p className="text-slate-800">
            结清之后：逾期记录什么时候删除、什么时候可以申请房贷、应急基金存了多少、记账打卡。
          </p>
          <ButtonLink href="/recovery" variant="secondary" className="mt-4">
            查看信用修复
          </ButtonLink>
        </Card>
      ) : null}
    </div>
  );
}
