import type { Metadata } from "next";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { Money } from "@/components/ui/money";
import { clientAddress } from "@/server/auth/request-meta";
import { progressSummary } from "@/server/services/progress";
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
  const p = await progressSummary(db, link.caseId, { now, showPlatforms: link.showPlatforms });
  return (
    <main id="main" className="mx-auto flex max-w-xl flex-col gap-6 px-4 py-10">
      <div>
        <p className="font-medium text-brand-700">上岸 · 只读进度</p>
        <h1 className="mt-1 text-2xl font-bold">还款进度</h1>
      </div>
      <section aria-label="进度" className="rounded-xl border border-slate-200 bg-white p-5">
        <p className="text-slate-700">已还清</p>
        <p className="text-4xl font-bold text-brand-700">{p.percentRepaid}%</p>
        <div
          className="mt-3 h-3 w-full overflow-hidden rounded-full bg-slate-200"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={p.percentRepaid}
          aria-label="已还清的比例"
        >
          <div className="h-full bg-brand-600" style={{ width: `${p.percentRepaid}%` }} />
        </div>
        <dl className="mt-4 grid grid-cols-2 gap-3">
          <div>
            <dt className="text-sm text-slate-600">开始时欠款</dt>
            <dd className="font-semibold">
              <Money value={p.owedAtStart} />
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">现在欠款</dt>
            <dd className="font-semibold">
              <Money value={p.owedNow} />
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">已结清</dt>
            <dd className="font-semibold">
              {p.loansSettled} / {p.loansTotal} 笔
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">执行计划</dt>
            <dd className="font-semibold">{p.monthsOnPlan === null ? "尚未制定" : `${p.monthsOnPlan} 个月`}</dd>
          </div>
        </dl>
        {p.nextMilestone ? (
          <p className="mt-4 text-slate-800">
            下一步（{p.currentStage}）：{p.nextMilestone}
          </p>
        ) : null}
      </section>
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
      <p className="text-sm text-slate-600">这是借款人分享给你的只读页面，不包含收入、联系方式、证据和沟通记录。</p>
    </main>
  );
}
