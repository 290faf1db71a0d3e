import { Money } from "@/components/ui/money";
import type { ProgressSummary } from "@/server/services/progress";

/**
 * How far the borrower has come, readable in five seconds: percent repaid, a bar, what is owed now
 * against the start. The same on the dashboard and on the read-only share page.
 */
export function ProgressHeadline({ summary }: { summary: ProgressSummary }) {
  return (
    <section aria-labelledby="progress-headline" className="rounded-xl border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id="progress-headline" className="text-slate-700">
        已还清
      </h2>
      <p className="text-4xl font-bold text-brand-700" data-testid="percent-repaid">
        {summary.percentRepaid}%
      </p>
      <div
        className="mt-3 h-3 w-full overflow-hidden rounded-full bg-slate-200"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={summary.percentRepaid}
        aria-label="已还清的比例"
      >
        <div className="h-full bg-brand-600" style={{ width: `${summary.percentRepaid}%` }} />
      </div>
      <dl className="mt-4 grid grid-cols-2 gap-3">
        <div>
          <dt className="text-sm text-slate-600">现在还欠</dt>
          <dd className="text-lg font-semibold" data-testid="owed-now">
            <Money value={summary.owedNow} />
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">开始时（借款本金）</dt>
          <dd className="text-lg font-semibold" data-testid="owed-at-start">
            <Money value={summary.owedAtStart} />
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">已结清</dt>
          <dd className="font-semibold">
            {summary.loansSettled} / {summary.loansTotal} 笔
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">执行计划</dt>
          <dd className="font-semibold">
            {summary.monthsOnPlan === null
              ? "尚未保存计划"
              : summary.monthsOnPlan === 0
                ? "不到 1 个月"
                : `${summary.monthsOnPlan} 个月`}
          </dd>
        </div>
      </dl>
    </section>
  );
}
