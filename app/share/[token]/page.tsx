import type { Metadata } from "next";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { ProgressCharts } from "@/components/progress/progress-charts";
import { ProgressHeadline } from "@/components/progress/progress-headline";
import { ProgressStats } from "@/components/progress/progress-stats";
import { clientAddress } from "@/server/auth/request-meta";
import { shanghaiToday } from "@/server/domain/time";
import { progressHistory, progressSummary } from "@/server/services/progress";
import { resolveProgressLink } from "@/server/services/sharing";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "还款进度",
  robots: { index: false, follow: false, nocache: true },
  referrer: "no-referrer",
};

/**
 * The read-only progress page. A wrong, expired or revoked token gets the same friendly answer;
 * access is decided on every request (nothing is cached).
 */
export default async function SharedProgressPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const db = await getDb();
  const now = new Date();
  const link = await resolveProgressLink(db, token, clientAddress(await headers()), now);
  if (!link) {
    return (
      <main id="main" className="mx-auto max-w-md px-4 py-16 text-center">
        <h1 className="text-2xl font-bold">链接不可用</h1>
        <p className="mt-2 text-slate-700">这个链接可能已过期或已被收回。如需查看，请联系分享给你的人。</p>
      </main>
    );
  }
  const [p, history] = await Promise.all([
    progressSummary(db, link.caseId, { now, showPlatforms: link.showPlatforms }),
    progressHistory(db, link.caseId, { today: shanghaiToday(now), includeFund: false }),
  ]);
  return (
    <main id="main" className="mx-auto flex max-w-xl flex-col gap-6 px-4 py-10">
      <div>
        <p className="font-medium text-brand-700">上岸 · 只读进度</p>
        <h1 className="mt-1 text-2xl font-bold">还款进度</h1>
      </div>
      <ProgressHeadline summary={p} />
      {p.loansTotal > 0 ? <ProgressStats history={history} /> : null}
      {p.nextMilestone ? (
        <section aria-labelledby="next-step" className="rounded-xl border border-slate-200 bg-white p-4">
          <h2 id="next-step" className="font-semibold">
            下一步
          </h2>
          <p className="mt-1 text-slate-800">
            {p.currentStage}：{p.nextMilestone}
          </p>
        </section>
      ) : null}
      {p.loansTotal > 0 ? <ProgressCharts history={history} idPrefix="share" /> : null}
      {p.debts ? (
        <section aria-labelledby="platforms" className="rounded-xl border border-slate-200 bg-white p-5">
          <h2 id="platforms" className="mb-2 font-semibold">
            各笔借款
          </h2>
          <ul className="divide-y divide-slate-200">
            {p.debts.map((d, i) => (
              <li key={`${d.platform}-${i}`} className="flex justify-between py-2">
                <span>{d.platform}</span>
                <span className={d.settled ? "text-green-800" : "text-slate-700"}>
                  {d.settled ? "已结清" : "还款中"}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="text-sm text-slate-600">
        这是借款人分享给你的只读页面，不包含收入、应急基金、联系方式、证据和沟通记录。
      </p>
    </main>
  );
}
