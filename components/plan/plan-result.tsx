import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { Dec, formatYuan } from "@/server/domain/money";
import type { PlanOverview } from "@/server/services/plan";
import { formatMonthCount, formatMonthLong } from "./format";

type Result = PlanOverview["result"];
type OkResult = Extract<Result, { status: "ok" }>;
type Comparison = NonNullable<PlanOverview["comparison"]>;

/** The debt-free month, the totals, and what the plan saves against paying only the minimums. */
export function PlanSummary({ result }: { result: OkResult }) {
  const mins = result.vsDoingNothing.minimumsOnly;
  const discount = new Dec(result.totalDiscount).greaterThan(0);
  return (
    <Card>
      <p className="text-sm text-slate-600">按这个计划，预计还清债务的月份</p>
      <p className="mt-1 text-3xl font-bold text-brand-700" data-testid="debt-free-month">
        {formatMonthLong(result.debtFreeMonth)}
      </p>
      <p className="text-slate-700">
        从 {formatMonthLong(result.startMonth)} 起，每月拿出 <Money value={result.monthlyBudget} />
        ，共 {formatMonthCount(result.monthCount)}。
      </p>
      <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
        <div className="rounded-lg bg-slate-50 p-3">
          <dt className="text-sm text-slate-600">一共要还</dt>
          <dd className="text-lg font-semibold">
            <Money value={result.totalPaid} />
          </dd>
        </div>
        <div className="rounded-lg bg-slate-50 p-3">
          <dt className="text-sm text-slate-600">其中利息</dt>
          <dd className="text-lg font-semibold">
            <Money value={result.totalInterest} />
          </dd>
        </div>
        {discount ? (
          <div className="rounded-lg bg-slate-50 p-3">
            <dt className="text-sm text-slate-600">本金减免</dt>
            <dd className="text-lg font-semibold">
              <Money value={result.totalDiscount} />
            </dd>
          </div>
        ) : null}
        <div className="rounded-lg bg-slate-50 p-3">
          <dt className="text-sm text-slate-600">只还最低还款</dt>
          <dd className="text-lg font-semibold">
            {mins.debtFreeMonth ? formatMonthLong(mins.debtFreeMonth) : "还不完"}
          </dd>
        </div>
      </dl>
      <p className="mt-3 text-sm text-slate-700">
        {mins.interestSaved !== null && mins.debtFreeMonth ? (
          <VersusMinimums
            interestSaved={mins.interestSaved}
            monthsSaved={mins.monthsSaved ?? 0}
            short={result.monthsShortOfDue > 0}
          />
        ) : (
          <>只还最低还款的话，债务在 50 年内都还不完。</>
        )}{" "}
        如果什么都不还，到 {formatMonthLong(result.debtFreeMonth)} 会欠{" "}
        <Money value={result.vsDoingNothing.nothingPaid.balanceAtPlanEnd} />
        （按原合同计息，不含罚息）。
      </p>
      {result.warnings.length > 0 ? (
        <div className="mt-3">
          <Alert tone="error">
            <ul className="list-disc space-y-1 pl-5">
              {result.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </Alert>
        </div>
      ) : null}
    </Card>
  );
}

/** The plan against each debt paying only its own minimum, in either direction. */
function VersusMinimums({
  interestSaved,
  monthsSaved,
  short,
}: {
  interestSaved: string;
  monthsSaved: number;
  /** Some months the money did not cover the amounts due. */
  short: boolean;
}) {
  const saved = new Dec(interestSaved);
  const interest = saved.isZero() ? (
    "利息相同"
  ) : saved.isNegative() ? (
    <>
      多付利息 <Money value={saved.abs().toFixed(2)} />
    </>
  ) : (
    <>
      少付利息 <Money value={interestSaved} />
    </>
  );
  const months =
    monthsSaved > 0
      ? `，早 ${formatMonthCount(monthsSaved)}还清`
      : monthsSaved < 0
        ? `，晚 ${formatMonthCount(-monthsSaved)}还清`
        : "，同一个月还清";
  return (
    <>
      和每笔只还最低还款相比，这个计划{interest}
      {months}。
      {short && (saved.isNegative() || monthsSaved < 0)
        ? "（每月金额比各笔最低还款加起来还少，能多拿出一点就能更快还清。）"
        : null}
    </>
  );
}

/** A plan that can never finish, or cannot be computed: why, and what to change. */
export function PlanProblem({ result }: { result: Exclude<Result, OkResult | { status: "noDebts" }> }) {
  return (
    <Alert tone="error">
      <p className="font-semibold">这个计划还不完</p>
      <p className="mt-1">{result.message}</p>
      {result.status === "neverFinishes" && result.requiredMonthlyBudget ? (
        <p className="mt-1">
          可以在下面把“每月用于还款的金额”改为至少 <Money value={result.requiredMonthlyBudget} />
          ，或者和出借方协商停催、减免，降低每月的利息。
        </p>
      ) : null}
    </Alert>
  );
}

function signedMoney(value: string | null) {
  if (value === null) return "—";
  const d = new Dec(value);
  if (d.isZero()) return "相同";
  return (
    <span className={d.isNegative() ? "text-green-800" : "text-red-800"}>
      {d.isNegative() ? "少 " : "多 "}
      <Money value={d.abs().toFixed(2)} />
    </span>
  );
}

/** "雪崩法（利率最高的先还）" → ["雪崩法", "利率最高的先还"]. */
function splitLabel(label: string): [string, string] {
  const m = /^(.*?)（(.*)）$/.exec(label);
  return m ? [m[1] ?? label, m[2] ?? ""] : [label, ""];
}

/**
 * The same money under each strategy, side by side: one column per strategy, so two or three
 * strategies fit a phone without scrolling sideways.
 */
export function StrategyComparisonTable({ comparison }: { comparison: Comparison }) {
  const { outcomes } = comparison;
  const anyDiscount = outcomes.some((o) => o.ok && new Dec(o.totalDiscount).greaterThan(0));
  const failed = outcomes.filter((o) => !o.ok);
  const rows: { label: string; cell: (o: Extract<Comparison["outcomes"][number], { ok: true }>) => React.ReactNode }[] =
    [
      { label: "还清月份", cell: (o) => o.debtFreeMonth },
      { label: "用时", cell: (o) => formatMonthCount(o.monthCount) },
      { label: "一共要还", cell: (o) => <Money value={o.totalPaid} /> },
      { label: "利息", cell: (o) => <Money value={o.totalInterest} /> },
      ...(anyDiscount
        ? [{ label: "本金减免", cell: (o: { totalDiscount: string }) => <Money value={o.totalDiscount} /> }]
        : []),
      {
        label: "利息比所选",
        cell: (o) => (o.strategy === comparison.chosen ? "—" : signedMoney(o.interestVsChosen)),
      },
    ];
  return (
    <Card title="不同策略的比较">
      <p className="mb-3 text-sm text-slate-600">每月金额、协商条款和一次性收入都相同，只换还款的先后顺序。</p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-xs sm:text-sm">
          <caption className="sr-only">各还款策略的还清月份、总还款和利息</caption>
          <thead>
            <tr className="border-b border-slate-300 align-bottom">
              <td className="py-2 pr-1" />
              {outcomes.map((o) => {
                const chosen = o.strategy === comparison.chosen;
                const [name, hint] = splitLabel(o.strategyLabel);
                return (
                  <th
                    key={o.strategy}
                    scope="col"
                    className={`px-1.5 py-2 sm:px-2 text-right font-semibold ${chosen ? "bg-brand-50" : ""}`}
                  >
                    {name}
                    {chosen ? <span className="block text-xs font-normal text-brand-700">当前选择</span> : null}
                    {comparison.best === o.strategy ? (
                      <span className="mt-1 inline-block rounded bg-green-100 px-1.5 py-0.5 text-xs font-normal text-green-900">
                        最省利息
                      </span>
                    ) : null}
                    <span className="block text-xs font-normal text-slate-600">{hint}</span>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label} className="border-b border-slate-100">
                <th scope="row" className="py-2 pr-1 text-left font-medium whitespace-nowrap text-slate-700">
                  {row.label}
                </th>
                {outcomes.map((o) => (
                  <td
                    key={o.strategy}
                    className={`px-1.5 py-2 sm:px-2 text-right whitespace-nowrap ${o.strategy === comparison.chosen ? "bg-brand-50" : ""}`}
                  >
                    {o.ok ? row.cell(o) : row.label === "还清月份" ? <span className="text-red-800">还不完</span> : "—"}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {failed.length > 0 ? (
        <ul className="mt-3 flex flex-col gap-1 text-sm text-red-800">
          {failed.map((o) => (
            <li key={o.strategy}>
              {splitLabel(o.strategyLabel)[0]}：{o.ok ? "" : o.message}
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}

/** Month by month, one collapsible table per debt, and the month totals. */
export function PayoffSchedule({ result }: { result: OkResult }) {
  return (
    <Card title="每月还款明细">
      <p className="mb-3 text-sm text-slate-600">
        点开每笔债务查看每个月还多少、利息多少、还剩多少。打印时会全部展开。
      </p>
      <div className="flex flex-col gap-3">
        {result.perDebt.map((d) => (
          <details key={d.debtId} className="rounded-lg border border-slate-200 break-inside-avoid-page">
            <summary className="min-h-11 cursor-pointer content-center px-3 py-2">
              <span className="font-medium">{d.label}</span>
              <span className="ml-2 text-sm text-slate-700">
                {formatMonthLong(d.paidOffMonth)}还清 · 共还 <Money value={d.totalPaid} /> · 利息{" "}
                <Money value={d.totalInterest} />
                {new Dec(d.totalDiscount).greaterThan(0) ? (
                  <>
                    {" "}
                    · 减免 <Money value={d.totalDiscount} />
                  </>
                ) : null}
              </span>
            </summary>
            <div className="overflow-x-auto px-3 pb-3">
              <table className="w-full min-w-[22rem] border-collapse text-sm">
                <caption className="sr-only">{d.label}的每月还款明细</caption>
                <thead>
                  <tr className="border-b border-slate-300 text-left text-slate-600">
                    <th scope="col" className="py-1 pr-2 font-medium">
                      月份
                    </th>
                    <th scope="col" className="py-1 pr-2 text-right font-medium">
                      还款
                    </th>
                    <th scope="col" className="py-1 pr-2 text-right font-medium">
                      利息
                    </th>
                    <th scope="col" className="py-1 pr-2 text-right font-medium">
                      月末余额
                    </th>
                    <th scope="col" className="py-1 font-medium">
                      说明
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.rows.map((r) => {
                    const notes = [
                      r.phase === "contract" ? null : r.phaseLabel,
                      new Dec(r.discount).greaterThan(0) ? `减免 ${formatYuan(r.discount)}` : null,
                      new Dec(r.missed).greaterThan(0) ? "应还未还足" : null,
                    ].filter(Boolean);
                    return (
                      <tr key={r.month} className="border-b border-slate-100">
                        <td className="py-1 pr-2 whitespace-nowrap">{r.month}</td>
                        <td className="py-1 pr-2 text-right">
                          <Money value={r.payment} />
                        </td>
                        <td className="py-1 pr-2 text-right">
                          <Money value={r.interest} />
                        </td>
                        <td className="py-1 pr-2 text-right">
                          <Money value={r.balance} />
                        </td>
                        <td className={`py-1 ${new Dec(r.missed).greaterThan(0) ? "text-red-800" : "text-slate-600"}`}>
                          {notes.join("，")}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </details>
        ))}
        <details className="rounded-lg border border-slate-200">
          <summary className="min-h-11 cursor-pointer content-center px-3 py-2 font-medium">每月合计</summary>
          <div className="overflow-x-auto px-3 pb-3">
            <table className="w-full min-w-[28rem] border-collapse text-sm">
              <caption className="sr-only">每月合计</caption>
              <thead>
                <tr className="border-b border-slate-300 text-left text-slate-600">
                  <th scope="col" className="py-1 pr-2 font-medium">
                    月份
                  </th>
                  <th scope="col" className="py-1 pr-2 text-right font-medium">
                    一次性收入
                  </th>
                  <th scope="col" className="py-1 pr-2 text-right font-medium">
                    还款
                  </th>
                  <th scope="col" className="py-1 pr-2 text-right font-medium">
                    利息
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    剩余欠款
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.months.map((m) => (
                  <tr key={m.month} className="border-b border-slate-100">
                    <td className="py-1 pr-2 whitespace-nowrap">{m.month}</td>
                    <td className="py-1 pr-2 text-right">
                      {new Dec(m.inflow).greaterThan(0) ? <Money value={m.inflow} /> : "—"}
                    </td>
                    <td className="py-1 pr-2 text-right">
                      <Money value={m.payment} />
                    </td>
                    <td className="py-1 pr-2 text-right">
                      <Money value={m.interest} />
                    </td>
                    <td className="py-1 text-right">
                      <Money value={m.balance} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </div>
    </Card>
  );
}
