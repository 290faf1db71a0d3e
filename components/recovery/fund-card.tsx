import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { Money } from "@/components/ui/money";
import { formatYuan } from "@/server/domain/money";
import type { RecoveryOverview } from "@/server/services/recovery";
import { FundEntryDeleteButton, FundEntryForm } from "./recovery-forms";
import { SourceLine } from "./source-line";

/** 应急基金: target 3–6 months of essential spending, balance, monthly contribution, progress. */
export function FundCard({
  fund,
  today,
  readOnly,
}: {
  fund: RecoveryOverview["fund"];
  today: string;
  readOnly: boolean;
}) {
  return (
    <Card title="应急基金">
      {!fund.hasBudget ? (
        <p className="mb-3 text-slate-800">
          先填好
          <Link href="/budget" className="text-brand-700 underline">
            收支预算
          </Link>
          ，才能算出应急基金的目标。
        </p>
      ) : null}
      <dl className="grid grid-cols-2 gap-3">
        <div>
          <dt className="text-sm text-slate-600">现在有</dt>
          <dd className="text-2xl font-bold text-brand-700" data-testid="fund-balance">
            <Money value={fund.balance} />
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">目标（3–6 个月必要支出）</dt>
          <dd className="font-semibold">
            <Money value={fund.targetMin} /> – <Money value={fund.targetMax} />
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">每月存入（预算里的储蓄）</dt>
          <dd className="font-semibold">
            <Money value={fund.monthlyContribution} />
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600">够用几个月</dt>
          <dd className="font-semibold">{fund.monthsCovered === null ? "—" : `${fund.monthsCovered} 个月`}</dd>
        </div>
      </dl>
      <p className="mt-4 text-sm text-slate-700">离 3 个月的目标</p>
      <div
        className="mt-1 h-3 w-full overflow-hidden rounded-full bg-slate-200"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={fund.percentToMin}
        aria-label="应急基金达到 3 个月目标的比例"
      >
        <div className="h-full bg-brand-600" style={{ width: `${fund.percentToMin}%` }} />
      </div>
      <p className="mt-2 text-slate-800">
        {fund.reachedMax
          ? "已经存够 6 个月的必要支出。"
          : fund.reachedMin
            ? `已达到 3 个月的目标；离 6 个月还差 ${formatYuan(fund.remainingToMax)}。`
            : fund.monthsToMin === null
              ? `已完成 ${fund.percentToMin}%，还差 ${formatYuan(fund.remainingToMin)}。预算里还没有每月的储蓄，可以先从每月几百元开始。`
              : `已完成 ${fund.percentToMin}%，还差 ${formatYuan(fund.remainingToMin)}，按每月存入约 ${fund.monthsToMin} 个月达到。`}
      </p>
      <div className="mt-2">
        <SourceLine source={fund.source} />
      </div>
      {readOnly ? null : (
        <div className="mt-6">
          <h3 className="mb-2 font-semibold">记一笔存入或取出</h3>
          <FundEntryForm today={today} />
        </div>
      )}
      {fund.entries.length > 0 ? (
        <details className="mt-4">
          <summary className="inline-flex min-h-11 cursor-pointer items-center text-brand-700 underline underline-offset-4">
            存取记录（{fund.entries.length} 笔）
          </summary>
          <ul className="divide-y divide-slate-200">
            {fund.entries.map((e) => {
              const out = e.amount.startsWith("-");
              const label = `${e.on} ${out ? "取出" : "存入"} ${formatYuan(e.amount.replace(/^-/, ""))}`;
              return (
                <li key={e.id} className="flex items-center justify-between gap-3 py-2">
                  <span>
                    <span className="tabular-nums">{e.on}</span> {out ? "取出" : "存入"}{" "}
                    <Money value={e.amount.replace(/^-/, "")} />
                    {e.note ? <span className="text-sm text-slate-600"> · {e.note}</span> : null}
                  </span>
                  {readOnly ? null : <FundEntryDeleteButton id={e.id} label={`这笔记录：${label}`} />}
                </li>
              );
            })}
          </ul>
        </details>
      ) : null}
    </Card>
  );
}
