import { Link } from "@/components/ui/link";
import { Money, Percent } from "@/components/ui/money";
import type { DebtView } from "@/server/services/debts";
import { RateBadges } from "./rate-badges";

const statusTone: Record<DebtView["status"], string> = {
  current: "bg-slate-100 text-slate-800",
  overdue: "bg-red-100 text-red-900",
  negotiating: "bg-sky-100 text-sky-900",
  collectionPaused: "bg-violet-100 text-violet-900",
  settled: "bg-green-100 text-green-900",
  paused: "bg-slate-200 text-slate-800",
};

/** One debt in the priority list: the facts, and the reasons one tap away. */
export function DebtCard({
  debt,
  rank,
  reasons,
  href = `/debts/${debt.id}`,
}: {
  debt: DebtView;
  rank?: number;
  reasons?: string[];
  /** Where the name links to; null for no link (e.g. a counselor's read-only view). */
  href?: string | null;
}) {
  return (
    <article className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby={`debt-${debt.id}`}>
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 id={`debt-${debt.id}`} className="text-lg font-semibold">
            {rank ? <span className="mr-2 text-slate-500">{rank}.</span> : null}
            {href ? (
              <Link href={href} className="break-words text-brand-700 underline-offset-4 hover:underline">
                {debt.platform}
              </Link>
            ) : (
              <span className="break-words">{debt.platform}</span>
            )}
          </h3>
          <p className="text-sm text-slate-600">{debt.debtKindLabel}</p>
        </div>
        <span className={`shrink-0 rounded-full px-2 py-0.5 text-sm ${statusTone[debt.status]}`}>
          {debt.statusLabel}
        </span>
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-600">剩余待还</dt>
          <dd className="text-base font-semibold">
            <Money value={debt.outstanding} />
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">实际年化</dt>
          <dd className="text-base font-semibold">
            {debt.realAnnualRate === null ? (
              <span className="font-normal text-slate-600">未知</span>
            ) : (
              <Percent value={debt.realAnnualRate} />
            )}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">每月应还</dt>
          <dd>{debt.monthlyPayment === null ? "—" : <Money value={debt.monthlyPayment} />}</dd>
        </div>
        <div>
          <dt className="text-slate-600">逾期</dt>
          <dd>{debt.overdueDays > 0 ? `${debt.overdueDays} 天 · ${debt.stage.label}` : "未逾期"}</dd>
        </div>
      </dl>
      <div className="mt-3">
        <RateBadges badges={debt.badges} />
      </div>
      {reasons && reasons.length > 0 ? (
        <details className="mt-3 rounded-lg bg-slate-50 px-3 py-2">
          <summary className="min-h-11 cursor-pointer content-center font-medium text-slate-800">
            为什么排在这里
          </summary>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-800">
            {reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </article>
  );
}
