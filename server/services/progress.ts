/**
 * The progress summary: what a borrower has achieved, with nothing private in it. The read-only
 * progress link shows exactly this (platform names only when the borrower opted in); never contact
 * details, evidence, income or the contact log.
 */
import type { Database } from "@/db/client";
import { listBudgetItems } from "@/db/queries/budget";
import { listDebtsOfCase } from "@/db/queries/debts";
import { listPaymentsOfCase } from "@/db/queries/payments";
import { listFundEntries, recentPlanProjections, recordPlanProjection } from "@/db/queries/recovery";
import { findPlanOfCase, listPlanSteps } from "@/db/queries/plans";
import { analyzeBudget } from "@/server/domain/budget";
import {
  balanceAtEndOfMonths,
  monthOfDay,
  monthsBetween,
  monthSpan,
  owedAtEndOfMonths,
  paidPerMonth,
  shiftMonth,
  wholeMonthsBetween,
  type Month,
} from "@/server/domain/credit";
import { Dec, sum } from "@/server/domain/money";
import { emergencyFundTarget, planProgress, STAGE_LABEL } from "@/server/domain/plan";
import { shanghaiToday } from "@/server/domain/time";
import { budgetItemsOf } from "./budget";
import { planOverview, type PlanResultView } from "./plan";

export interface ProgressSummary {
  /** Σ principal of the debts on the list (not archived). */
  owedAtStart: string;
  /** Σ outstanding of the debts not settled. */
  owedNow: string;
  /** 0–100, whole percent, rounded down. */
  percentRepaid: number;
  loansSettled: number;
  loansTotal: number;
  /** Whole months since the plan was first saved; null without a plan. */
  monthsOnPlan: number | null;
  currentStage: string | null;
  nextMilestone: string | null;
  /** Only when the borrower chose to show platform names. */
  debts: { platform: string; settled: boolean }[] | null;
}

export async function progressSummary(
  db: Database,
  caseId: string,
  { now, showPlatforms }: { now: Date; showPlatforms: boolean },
): Promise<ProgressSummary> {
  const [rows, plan, steps] = await Promise.all([
    listDebtsOfCase(db, caseId),
    findPlanOfCase(db, caseId),
    listPlanSteps(db, caseId),
  ]);
  const live = rows.filter((r) => r.archivedAt === null);
  const start = sum(live.map((r) => r.principal));
  const nowOwed = sum(live.filter((r) => r.status !== "settled").map((r) => r.outstanding));
  const repaid = start.isZero() ? new Dec(0) : Dec.max(0, start.minus(nowOwed)).dividedBy(start);
  const progress = planProgress(steps.map((s) => s.stepId));
  return {
    owedAtStart: start.toFixed(2),
    owedNow: nowOwed.toFixed(2),
    percentRepaid: Math.min(100, repaid.times(100).floor().toNumber()),
    loansSettled: live.filter((r) => r.status === "settled").length,
    loansTotal: live.length,
    // Counted in Shanghai days: a plan saved at 01:00 on the 1st (17:00 UTC the day before) is a
    // month old on the 1st of the next month, not a day later.
    monthsOnPlan: plan ? wholeMonthsBetween(shanghaiToday(plan.createdAt), shanghaiToday(now)) : null,
    currentStage: progress.currentStage ? STAGE_LABEL[progress.currentStage] : null,
    nextMilestone: progress.nextStep?.title ?? null,
    debts: showPlatforms ? live.map((r) => ({ platform: r.platform, settled: r.status === "settled" })) : null,
  };
}

// ------------------------------------------------------------------------------------------------
// Progress over time: the dashboard's charts, and the share page's (without the emergency fund)
// ------------------------------------------------------------------------------------------------

/** How far back the charts go, and how far ahead the plan is drawn. */
export const HISTORY_MONTHS_BACK = 23;
export const PLAN_MONTHS_SHOWN = 60;
export const PAYMENT_MONTHS_AHEAD = 5;

export interface ProgressHistory {
  currentMonth: Month;
  /** Remaining debt at each month end: rebuilt from the payments (up to this month) and the plan's projection. */
  debt: { months: Month[]; actual: (string | null)[]; plan: (string | null)[] };
  /** Paid in each month (up to this month) and what the plan pays (from this month). */
  payments: { months: Month[]; actual: (string | null)[]; planned: (string | null)[] };
  thisMonth: { paid: string; planned: string | null };
  plan: {
    status: PlanResultView["status"];
    /** false: the projection uses the defaults (avalanche, the budget's capacity). */
    saved: boolean;
    debtFreeMonth: Month | null;
    /**
     * The projection kept in an earlier month (the latest one before this month), to show how the
     * debt-free month moved; null before there is one.
     */
    previous: { recordedIn: Month; debtFreeMonth: Month | null } | null;
    /** Months the debt-free month moved since `previous` (positive: later); null when either has none. */
    movedMonths: number | null;
    monthCount: number | null;
    /** Principal the lenders agreed to waive (协商减免). */
    totalDiscount: string | null;
    /** Interest saved against paying only the minimums; null when that never finishes. */
    interestSaved: string | null;
    monthsSaved: number | null;
    /** The plan's months drawn in the debt chart (the rest is left out to keep it readable). */
    monthsShown: number;
  };
  /** Only for the case's own readers; never on a share link. */
  fund: { months: Month[]; balance: string[]; targetMin: string; targetMax: string } | null;
}

/**
 * The month-by-month progress of a case as of `today` (Shanghai): what was owed and paid in each
 * month, next to the saved plan. `includeFund` adds the emergency fund (private: not for share links).
 * `recordProjection` (the borrower's own view) keeps this month's projected debt-free month, so
 * next month can say how it moved; readers who may not write (counselors, links) only read it.
 */
export async function progressHistory(
  db: Database,
  caseId: string,
  { today, includeFund, recordProjection = false }: { today: string; includeFund: boolean; recordProjection?: boolean },
): Promise<ProgressHistory> {
  const currentMonth = monthOfDay(today);
  const [rows, paymentRows, overview, fundRows, budgetRows, projections] = await Promise.all([
    listDebtsOfCase(db, caseId),
    listPaymentsOfCase(db, caseId),
    planOverview(db, caseId, today, { compare: false }),
    includeFund ? listFundEntries(db, caseId) : Promise.resolve([]),
    includeFund ? listBudgetItems(db, caseId) : Promise.resolve([]),
    recentPlanProjections(db, caseId, currentMonth),
  ]);
  const live = rows.filter((r) => r.archivedAt === null);
  const liveIds = new Set(live.map((r) => r.id));
  const owedNow = sum(live.filter((r) => r.status !== "settled").map((r) => r.outstanding));
  const paid = paymentRows
    .filter((p) => liveIds.has(p.debtId) && p.paidOn <= today)
    .map((p) => ({ on: p.paidOn, amount: p.amount }));

  const earliest = shiftMonth(currentMonth, -HISTORY_MONTHS_BACK);
  const firstPaid = paid[0] ? monthOfDay(paid[0].on) : currentMonth;
  const historyStart = firstPaid < earliest ? earliest : firstPaid;
  const past = monthSpan(historyStart, currentMonth);
  const actualOwed = owedAtEndOfMonths(owedNow, paid, past);
  const actualPaid = paidPerMonth(paid, past);

  const result = overview.result;
  const planMonths = result.status === "ok" ? result.months.slice(0, PLAN_MONTHS_SHOWN) : [];
  const planBalance = new Map(planMonths.map((m) => [m.month, m.balance]));
  const planPayment = new Map(planMonths.map((m) => [m.month, m.payment]));
  const planEnd = planMonths[planMonths.length - 1]?.month ?? currentMonth;

  const debtMonths = monthSpan(historyStart, planEnd > currentMonth ? planEnd : currentMonth);
  const pastIndex = new Map(past.map((m, i) => [m, i]));
  const debt = {
    months: debtMonths,
    actual: debtMonths.map((m) => {
      const i = pastIndex.get(m);
      return i === undefined ? null : (actualOwed[i]?.toFixed(2) ?? null);
    }),
    plan: debtMonths.map((m) => planBalance.get(m) ?? null),
  };

  const payStart = shiftMonth(currentMonth, -11) > historyStart ? shiftMonth(currentMonth, -11) : historyStart;
  const lastPlanned = planEnd > currentMonth ? planEnd : currentMonth;
  const payEnd = shiftMonth(currentMonth, PAYMENT_MONTHS_AHEAD);
  const payMonths = monthSpan(payStart, lastPlanned < payEnd ? lastPlanned : payEnd);
  const payments = {
    months: payMonths,
    actual: payMonths.map((m) => {
      const i = pastIndex.get(m);
      return i === undefined ? null : (actualPaid[i]?.toFixed(2) ?? null);
    }),
    planned: payMonths.map((m) => planPayment.get(m) ?? null),
  };

  const paidThisMonth = actualPaid[actualPaid.length - 1] ?? new Dec(0);
  const mins = result.status === "ok" ? result.vsDoingNothing.minimumsOnly : null;

  let fund: ProgressHistory["fund"] = null;
  if (includeFund) {
    const entries = fundRows.filter((e) => e.on <= today).map((e) => ({ on: e.on, amount: e.amount }));
    const fundStart = entries[0] ? monthOfDay(entries[0].on) : currentMonth;
    const fundMonths = monthSpan(fundStart < earliest ? earliest : fundStart, currentMonth);
    const target = emergencyFundTarget(analyzeBudget(budgetItemsOf(budgetRows)).totals.essential);
    fund = {
      months: fundMonths,
      balance: balanceAtEndOfMonths(entries, fundMonths).map((d) => d.toFixed(2)),
      targetMin: target.min.toFixed(2),
      targetMax: target.max.toFixed(2),
    };
  }

  const debtFreeMonth = result.status === "ok" ? result.debtFreeMonth : null;
  const kept = projections.find((p) => p.month === currentMonth);
  const earlier = projections.find((p) => p.month < currentMonth);
  if (recordProjection && (!kept || kept.debtFreeMonth !== debtFreeMonth)) {
    await recordPlanProjection(db, { caseId, month: currentMonth, debtFreeMonth });
  }
  const previous = earlier ? { recordedIn: earlier.month, debtFreeMonth: earlier.debtFreeMonth } : null;

  return {
    currentMonth,
    debt,
    payments,
    thisMonth: { paid: paidThisMonth.toFixed(2), planned: planPayment.get(currentMonth) ?? null },
    plan: {
      status: result.status,
      saved: overview.saved,
      debtFreeMonth,
      previous,
      movedMonths:
        previous?.debtFreeMonth && debtFreeMonth ? monthsBetween(previous.debtFreeMonth, debtFreeMonth) : null,
      monthCount: result.status === "ok" ? result.monthCount : null,
      totalDiscount: result.status === "ok" ? result.totalDiscount : null,
      interestSaved: mins?.interestSaved ?? null,
      monthsSaved: mins?.monthsSaved ?? null,
      monthsShown: planMonths.length,
    },
    fund,
  };
}
