import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { formatMonthLong } from "@/components/plan/format";
import { PlanForm } from "@/components/plan/plan-form";
import { PayoffSchedule, PlanProblem, PlanSummary, StrategyComparisonTable } from "@/components/plan/plan-result";
import { PrintButton } from "@/components/plan/print-button";
import { PaymentForm } from "@/components/payments/payment-form";
import { PaymentExportLinks, PaymentHistoryList } from "@/components/payments/payment-history";
import { StageChecklist } from "@/components/plan/stage-checklist";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { serverApi } from "@/server/api/server";
import { requireSessionUser } from "@/server/auth/session";
import { SELF_RESCUE_SOURCE } from "@/server/domain/plan";
import { shanghaiToday } from "@/server/domain/time";

export const metadata: Metadata = { title: "还款计划" };

/** On paper: no header or navigation, no forms; the schedules are opened by the print button. */
const PRINT_CSS = `@media print {
  header:not(main header), nav[aria-label="主导航"] { display: none !important; }
  body { background: white; }
  main { max-width: none; padding: 0; }
}`;

export default async function PlanPage() {
  const user = await requireSessionUser();
  if (user.role !== "borrower") redirect("/clients");
  const api = await serverApi();
  const [plan, progress, payments] = await Promise.all([api.plan.get(), api.plan.progress(), api.payments.list()]);
  const { result } = plan;
  const today = shanghaiToday(new Date());
  // The plan is recomputed from today's balances: its first month is what is still to pay this month.
  const stillDue =
    result.status === "ok" && result.months[0]?.month === today.slice(0, 7) ? result.months[0].payment : null;

  return (
    <div className="flex flex-col gap-6">
      <style>{PRINT_CSS}</style>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">还款计划</h1>
          <p className="mt-1 text-slate-700">
            每次打开都按债务清单和收支预算的最新数据重新计算。改了债务或预算，这里会跟着变。
          </p>
        </div>
        {result.status === "ok" ? <PrintButton /> : null}
      </div>

      {result.status === "noDebts" ? (
        <Card title="先把债务记进债务清单">
          <p className="text-slate-800">
            还没有需要还的债务（已暂停、已结清和已归档的不计入计划）。添加债务后，这里会算出每月怎么还、哪个月能还清。
          </p>
          <ButtonLink href="/debts/new" className="mt-4">
            添加一笔债务
          </ButtonLink>
        </Card>
      ) : (
        <>
          {result.status === "ok" ? <PlanSummary result={result} /> : <PlanProblem result={result} />}
          {plan.comparison ? <StrategyComparisonTable comparison={plan.comparison} /> : null}

          <Card title="本月还款" className="print:hidden">
            <p className="mb-4 text-slate-800">
              本月已还 <Money value={payments.paidThisMonth} />
              {stillDue !== null ? (
                <>
                  ，按计划本月还需还 <Money value={stillDue} />
                </>
              ) : null}
              。记下每一笔还款，剩余待还和计划会一起更新。
            </p>
            <PaymentForm debts={plan.debts.map((d) => ({ id: d.id, platform: d.platform }))} today={today} />
            <h3 className="mt-5 mb-2 font-semibold">最近的还款</h3>
            <PaymentHistoryList history={payments} showPlatform canDelete limit={5} />
            <div className="mt-3 text-sm">
              <PaymentExportLinks />
            </div>
          </Card>

          <Card title="调整计划" className="print:hidden">
            {plan.excludedCount > 0 ? (
              <p className="mb-3 text-sm text-slate-600">
                另有 {plan.excludedCount} 笔已暂停、已结清或已归档的债务不计入计划。
              </p>
            ) : null}
            <PlanForm
              version={plan.version}
              settings={plan.settings}
              debts={plan.debts}
              capacity={plan.budget.capacity}
              hasBudget={plan.budget.hasBudget}
              startMonth={plan.effective.startMonth}
              suggestedBudget={result.status === "neverFinishes" ? result.requiredMonthlyBudget : null}
            />
          </Card>

          {plan.debts.some((d) => d.terms.length > 0) ? (
            <Card title="已填写的协商条款">
              <ul className="flex flex-col gap-2">
                {plan.debts
                  .filter((d) => d.terms.length > 0)
                  .map((d) => (
                    <li key={d.id}>
                      <span className="font-medium">{d.platform}</span>
                      <ul className="list-disc pl-5 text-slate-800">
                        {d.terms.map((t) => (
                          <li key={t}>{t}</li>
                        ))}
                      </ul>
                    </li>
                  ))}
              </ul>
            </Card>
          ) : null}

          {result.status === "ok" ? <PayoffSchedule result={result} /> : null}
        </>
      )}

      <section id="stages" aria-labelledby="stages-heading" className="flex flex-col gap-3 print:break-before-page">
        <div>
          <h2 id="stages-heading" className="text-xl font-bold">
            上岸三个阶段
          </h2>
          <p className="text-slate-700">
            {progress.currentStage
              ? `你现在在第 ${progress.currentStage.number} 阶段「${progress.currentStage.title}」。`
              : "三个阶段都完成了。"}
            勾选完成的步骤，可以写下日期和备注（例如和谁谈的、对方怎么答复）。共完成 {progress.done}/{progress.total}{" "}
            步。
          </p>
        </div>
        <StageChecklist progress={progress} />
        <p className="text-xs text-slate-500">
          依据：{SELF_RESCUE_SOURCE.citation}。这是经验做法，不是法律意见。
          {result.status === "ok" ? ` 计划按 ${formatMonthLong(result.startMonth)} 的剩余待还计算。` : ""}
        </p>
      </section>
    </div>
  );
}
