import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DebtTotalsPanel } from "@/components/debts/debt-totals";
import { CurrentStageCard } from "@/components/plan/current-stage-card";
import { OpenCourtDeadlines } from "@/components/protection/open-deadlines";
import { OpenRecommendations } from "@/components/sharing/open-recommendations";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { serverApi } from "@/server/api/server";
import { requireSessionUser } from "@/server/auth/session";

export const metadata: Metadata = { title: "首页" };

const gatherSteps = [
  "打开手机里每一个借款 App，找到“借款记录”或“账单”，记下平台名称、借了多少、实际到手多少、每期还多少、还剩几期。",
  "翻一翻短信和银行流水，别漏掉已经卸载的 App 和信用卡、亲友借款。",
  "把催收电话的录音、短信和截图保存好，不要删除。",
];

export default async function DashboardPage() {
  const user = await requireSessionUser();
  if (user.role === "counselor") redirect("/clients");
  const api = await serverApi();
  const [{ items, totals }, notes] = await Promise.all([api.debts.list(), api.notes.list()]);
  const first = items[0];
  const stages = await api.plan.progress();

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">你好，{user.name}</h1>
        <p className="mt-1 text-slate-700">欠债不是终点。先把情况理清楚，再一步一步来。</p>
      </div>
      <OpenCourtDeadlines />
      <OpenRecommendations notes={notes} />
      {items.length === 0 ? (
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
        <>
          <DebtTotalsPanel totals={totals} />
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
        </>
      )}
      <CurrentStageCard progress={stages} />
    </div>
  );
}
