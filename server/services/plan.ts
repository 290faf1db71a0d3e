/**
 * 还款计划 and 三个阶段: the plan a borrower saved (strategy, monthly amount, negotiated terms,
 * one-off inflows), recomputed on every read from the case's current debts and budget, and the
 * self-rescue checklist. Access has been decided by the caller (server/access); these functions
 * only ever touch the case they are given.
 */
import type { Database } from "@/db/client";
import { listBudgetItems } from "@/db/queries/budget";
import { listDebtsOfCase, type DebtRow } from "@/db/queries/debts";
import {
  deletePlanStep,
  findPlanOfCase,
  insertPlanIfAbsent,
  listPlanSteps,
  updatePlanIfVersion,
  upsertPlanStep,
  type PlanRow,
} from "@/db/queries/plans";
import {
  storedInflow,
  storedNegotiatedTerm,
  type SavePlanFields,
  type StoredInflow,
  type StoredNegotiatedTerm,
} from "@/server/api/schemas/plan";
import { analyzeBudget } from "@/server/domain/budget";
import { Dec, sum } from "@/server/domain/money";
import {
  addMonths,
  compareStrategies,
  PayoffInputError,
  PayoffNeverFinishesError,
  simulatePayoff,
  STRATEGY_LABEL,
  TERM_LABEL,
  type DebtPhase,
  type NegotiatedTerm,
  type PayoffInput,
  type PayoffResult,
  type Strategy,
  type StrategyComparison,
  type YearMonth,
} from "@/server/domain/payoff";
import { PLAN_STAGES, planProgress, STAGE_STATUS_LABEL, type StageId } from "@/server/domain/plan";
import { AppError } from "@/server/errors";
import { budgetItemsOf } from "./budget";

export const STALE_PLAN_MESSAGE = "还款计划刚刚在别处被修改过。为避免覆盖，请刷新页面查看最新的计划后再保存。";
export const UNKNOWN_PLAN_DEBT = "计划里有一笔债务不在您的债务清单里（可能已被删除），请刷新页面后重新选择。";

/** How far ahead a plan may start. */
export const MAX_START_MONTHS_AHEAD = 24;

export const PHASE_LABEL: Record<DebtPhase, string> = {
  contract: "按原合同",
  frozen: "停息",
  deferred: "延期",
  agreement: "按协议",
};

/** The debts a plan pays: not archived, not settled, not paused. */
export function isInPlan(row: DebtRow): boolean {
  return row.archivedAt === null && row.status !== "settled" && row.status !== "paused";
}

/** "2026-11-27" → "2026-11". */
export function monthOf(today: string): YearMonth {
  return today.slice(0, 7);
}

interface PlanSettings {
  strategy: Strategy;
  /** null = the repayment capacity from the budget. */
  monthlyBudget: string | null;
  startMonth: YearMonth;
  customOrder: string[];
  terms: StoredNegotiatedTerm[];
  inflows: StoredInflow[];
}

/** Stored JSON is read defensively: an entry that no longer parses is left out, never fatal. */
function parseEach<T>(values: unknown, parse: (v: unknown) => { success: true; data: T } | { success: false }): T[] {
  if (!Array.isArray(values)) return [];
  const out: T[] = [];
  for (const v of values) {
    const r = parse(v);
    if (r.success) out.push(r.data);
  }
  return out;
}

function settingsOf(row: PlanRow | undefined, today: string): PlanSettings {
  if (!row) {
    return {
      strategy: "avalanche",
      monthlyBudget: null,
      startMonth: monthOf(today),
      customOrder: [],
      terms: [],
      inflows: [],
    };
  }
  return {
    strategy: row.strategy,
    monthlyBudget: row.monthlyBudget,
    startMonth: row.startMonth,
    customOrder: Array.isArray(row.customOrder) ? row.customOrder.filter((x) => typeof x === "string") : [],
    terms: parseEach(row.negotiatedTerms, (v) => storedNegotiatedTerm.safeParse(v)),
    inflows: parseEach(row.inflows, (v) => storedInflow.safeParse(v)),
  };
}

function payoffTermOf(t: StoredNegotiatedTerm): NegotiatedTerm {
  switch (t.kind) {
    case "stopCollection":
      return { kind: t.kind, from: t.from, months: t.months };
    case "installment":
      return { kind: t.kind, from: t.from, count: t.count, annualRate: t.annualRate };
    case "principalDiscount":
      return { kind: t.kind, from: t.from, discount: t.discount, installments: t.installments };
    case "deferral":
      return { kind: t.kind, from: t.from, months: t.months, annualRate: t.annualRate };
  }
}

const percentOf = (fraction: string | undefined) =>
  fraction === undefined ? "" : new Dec(fraction).times(100).toString();

/** A stored term as the plan form edits it: every value a string, percentages in percent. */
function termFormValues(t: StoredNegotiatedTerm) {
  return {
    debtId: t.debtId,
    kind: t.kind,
    from: t.from ?? "",
    months: t.kind === "stopCollection" || t.kind === "deferral" ? String(t.months) : "",
    count: t.kind === "installment" ? String(t.count) : "",
    installments: t.kind === "principalDiscount" ? String(t.installments) : "",
    annualRatePercent: t.kind === "installment" || t.kind === "deferral" ? percentOf(t.annualRate) : "",
    discountPercent: t.kind === "principalDiscount" ? percentOf(t.discount) : "",
  };
}
export type TermFormValues = ReturnType<typeof termFormValues>;

/** A one-line description of a term, for the plan page and print. */
function termSummary(t: StoredNegotiatedTerm): string {
  const from = t.from ? `从 ${t.from} 起` : "从计划开始";
  switch (t.kind) {
    case "stopCollection":
      return `${TERM_LABEL[t.kind]}：${from}停息 ${t.months} 个月`;
    case "installment":
      return `${TERM_LABEL[t.kind]}：${from}分 ${t.count} 期还清${t.annualRate ? `，年利率 ${percentOf(t.annualRate)}%` : "，不再计息"}`;
    case "principalDiscount":
      return `${TERM_LABEL[t.kind]}：${from}减免 ${percentOf(t.discount)}%，${t.installments === 1 ? "一次还清" : `分 ${t.installments} 期还清`}`;
    case "deferral":
      return `${TERM_LABEL[t.kind]}：${from}延期 ${t.months} 个月${t.annualRate ? `，期间年利率 ${percentOf(t.annualRate)}%` : ""}`;
  }
}

const fen = (d: Dec) => d.toFixed(2);
const fenOrNull = (d: Dec | null) => (d === null ? null : d.toFixed(2));

function resultView(r: PayoffResult) {
  const rowsByDebt = new Map<string, ReturnType<typeof debtMonthView>[]>();
  for (const m of r.schedule) {
    for (const d of m.debts) {
      let rows = rowsByDebt.get(d.debtId);
      if (!rows) rowsByDebt.set(d.debtId, (rows = []));
      rows.push(debtMonthView(m.month, d));
    }
  }
  const mins = r.vsDoingNothing.minimumsOnly;
  return {
    status: "ok" as const,
    strategy: r.strategy,
    startMonth: r.startMonth,
    monthlyBudget: fen(r.monthlyBudget),
    debtFreeMonth: r.debtFreeMonth,
    monthCount: r.monthCount,
    totalPaid: fen(r.totalPaid),
    totalInterest: fen(r.totalInterest),
    totalDiscount: fen(r.totalDiscount),
    monthsShortOfDue: r.monthsShortOfDue,
    warnings: r.warnings,
    months: r.schedule.map((m) => ({
      month: m.month,
      inflow: fen(m.inflow),
      available: fen(m.available),
      payment: fen(m.payment),
      interest: fen(m.interest),
      discount: fen(m.discount),
      balance: fen(m.balance),
      unspent: fen(m.unspent),
    })),
    perDebt: r.perDebt.map((s) => ({
      debtId: s.debtId,
      label: s.label,
      paidOffMonth: s.paidOffMonth,
      totalPaid: fen(s.totalPaid),
      totalInterest: fen(s.totalInterest),
      totalDiscount: fen(s.totalDiscount),
      rows: rowsByDebt.get(s.debtId) ?? [],
    })),
    vsDoingNothing: {
      minimumsOnly: {
        debtFreeMonth: mins.debtFreeMonth,
        totalPaid: fenOrNull(mins.totalPaid),
        totalInterest: fenOrNull(mins.totalInterest),
        balanceAtPlanEnd: fen(mins.balanceAtPlanEnd),
        interestSaved: fenOrNull(mins.interestSaved),
        monthsSaved: mins.monthsSaved,
      },
      nothingPaid: {
        balanceAtPlanEnd: fen(r.vsDoingNothing.nothingPaid.balanceAtPlanEnd),
        interestAtPlanEnd: fen(r.vsDoingNothing.nothingPaid.interestAtPlanEnd),
      },
    },
  };
}

function debtMonthView(month: YearMonth, d: PayoffResult["schedule"][number]["debts"][number]) {
  return {
    month,
    phase: d.phase,
    phaseLabel: PHASE_LABEL[d.phase],
    openingBalance: fen(d.openingBalance),
    discount: fen(d.discount),
    interest: fen(d.interest),
    due: fen(d.due),
    payment: fen(d.payment),
    missed: fen(d.missed),
    balance: fen(d.balance),
  };
}

function comparisonView(c: StrategyComparison) {
  return {
    chosen: c.chosen,
    best: c.best,
    outcomes: c.outcomes.map((o) =>
      o.ok
        ? {
            strategy: o.strategy,
            strategyLabel: STRATEGY_LABEL[o.strategy],
            ok: true as const,
            debtFreeMonth: o.debtFreeMonth,
            monthCount: o.monthCount,
            totalPaid: fen(o.totalPaid),
            totalInterest: fen(o.totalInterest),
            totalDiscount: fen(o.totalDiscount),
            interestVsChosen: fenOrNull(o.interestVsChosen),
            monthsVsChosen: o.monthsVsChosen,
          }
        : {
            strategy: o.strategy,
            strategyLabel: STRATEGY_LABEL[o.strategy],
            ok: false as const,
            message: o.message,
            requiredMonthlyBudget: fenOrNull(o.requiredMonthlyBudget),
          },
    ),
  };
}

export type PlanResultView =
  | ReturnType<typeof resultView>
  | { status: "noDebts" }
  | {
      status: "neverFinishes";
      reason: PayoffNeverFinishesError["reason"];
      /** The explanation in Chinese, with the monthly amount that would finish. */
      message: string;
      /** Smallest whole-yuan monthly amount that finishes within 600 months; null if none can. */
      requiredMonthlyBudget: string | null;
      monthlyInterest: string;
    }
  | { status: "invalid"; message: string };

/**
 * The plan of a case, recomputed from its current debts and budget: the saved settings (or the
 * defaults), the result of the chosen strategy, and the strategies side by side. A plan that can
 * never finish is returned as an explanation, not thrown.
 */
/**
 * The plan of a case as of `today`: the saved settings, the simulation, and (unless `compare` is
 * false, for views that show only the chosen plan) the comparison of the strategies.
 */
export async function planOverview(db: Database, caseId: string, today: string, { compare = true } = {}) {
  const [plan, debtRows, budgetRows] = await Promise.all([
    findPlanOfCase(db, caseId),
    listDebtsOfCase(db, caseId),
    listBudgetItems(db, caseId),
  ]);
  const budget = analyzeBudget(budgetItemsOf(budgetRows));
  const settings = settingsOf(plan, today);
  const active = debtRows.filter(isInPlan);
  const activeIds = new Set(active.map((d) => d.id));
  const currentMonth = monthOf(today);
  // Balances are today's: a plan saved earlier starts again from this month.
  const startMonth = settings.startMonth < currentMonth ? currentMonth : settings.startMonth;
  const monthlyBudget = settings.monthlyBudget ?? fen(budget.capacity);
  const customOrder = settings.customOrder.filter((id) => activeIds.has(id));

  const input: PayoffInput = {
    startMonth,
    strategy: settings.strategy,
    monthlyBudget,
    debts: active.map((d) => ({
      id: d.id,
      label: d.platform,
      balance: d.outstanding,
      annualRate: d.realAnnualRate ?? "0",
      minimumPayment: d.monthlyPayment ?? "0",
      terms: settings.terms.filter((t) => t.debtId === d.id).map(payoffTermOf),
    })),
    customOrder: settings.strategy === "custom" || customOrder.length > 0 ? customOrder : undefined,
    inflows: settings.inflows.map((f) => ({ month: f.month, amount: f.amount, label: f.label || undefined })),
  };

  const owed = sum(active.map((d) => d.outstanding));
  let result: PlanResultView;
  let comparison: ReturnType<typeof comparisonView> | null = null;
  if (owed.isZero()) {
    result = { status: "noDebts" };
  } else {
    try {
      result = resultView(simulatePayoff(input));
    } catch (err) {
      if (err instanceof PayoffNeverFinishesError) {
        result = {
          status: "neverFinishes",
          reason: err.reason,
          message: err.message,
          requiredMonthlyBudget: fenOrNull(err.requiredMonthlyBudget),
          monthlyInterest: fen(err.monthlyInterest),
        };
      } else if (err instanceof PayoffInputError) {
        result = { status: "invalid", message: err.message };
      } else {
        throw err;
      }
    }
    if (compare && result.status !== "invalid") comparison = comparisonView(compareStrategies(input));
  }

  const byId = new Map(debtRows.map((d) => [d.id, d]));
  return {
    /** 0 when nothing was saved yet: the first save sends 0. */
    version: plan?.version ?? 0,
    saved: plan !== undefined,
    settings: {
      strategy: settings.strategy,
      monthlyBudget: settings.monthlyBudget,
      startMonth: settings.startMonth,
      customOrder: settings.customOrder,
      terms: settings.terms.map(termFormValues),
      inflows: settings.inflows,
    },
    /** What the computation used. */
    effective: { startMonth, monthlyBudget, usesBudget: settings.monthlyBudget === null },
    budget: {
      hasBudget: budgetRows.length > 0,
      capacity: fen(budget.capacity),
      shortfall: fen(budget.shortfall),
    },
    debts: active.map((d) => ({
      id: d.id,
      platform: d.platform,
      outstanding: d.outstanding,
      realAnnualRate: d.realAnnualRate,
      monthlyPayment: d.monthlyPayment,
      terms: settings.terms.filter((t) => t.debtId === d.id).map(termSummary),
    })),
    /** Debts left out of the plan (paused, settled or archived). */
    excludedCount: debtRows.length - active.length,
    /** Saved terms on debts no longer in the plan (kept, and used again if the debt comes back). */
    inactiveTermDebts: [...new Set(settings.terms.map((t) => t.debtId))]
      .filter((id) => !activeIds.has(id))
      .map((id) => byId.get(id)?.platform ?? "已删除的债务"),
    result,
    comparison,
  };
}
export type PlanOverview = Awaited<ReturnType<typeof planOverview>>;

/** Saves the plan; refused with CONFLICT when it changed since the page read `version`. */
export async function savePlan(db: Database, caseId: string, fields: SavePlanFields, today: string) {
  const latestStart = addMonths(monthOf(today), MAX_START_MONTHS_AHEAD);
  if (fields.startMonth > latestStart) {
    throw new AppError("BAD_INPUT", `开始月份最多只能定在 ${MAX_START_MONTHS_AHEAD} 个月以内（${latestStart} 之前）`);
  }
  const debtIds = new Set((await listDebtsOfCase(db, caseId)).map((d) => d.id));
  const referenced = [...fields.customOrder, ...fields.terms.map((t) => t.debtId)];
  if (referenced.some((id) => !debtIds.has(id))) throw new AppError("BAD_INPUT", UNKNOWN_PLAN_DEBT);

  const terms: StoredNegotiatedTerm[] = fields.terms.map((t) => {
    switch (t.kind) {
      case "stopCollection":
        return { debtId: t.debtId, kind: t.kind, from: t.from, months: t.months };
      case "installment":
        return { debtId: t.debtId, kind: t.kind, from: t.from, count: t.count, annualRate: t.annualRate };
      case "principalDiscount":
        return { debtId: t.debtId, kind: t.kind, from: t.from, discount: t.discount, installments: t.installments };
      case "deferral":
        return { debtId: t.debtId, kind: t.kind, from: t.from, months: t.months, annualRate: t.annualRate };
    }
  });
  const changes = {
    strategy: fields.strategy,
    monthlyBudget: fields.monthlyBudget ? fields.monthlyBudget.toFixed(2) : null,
    startMonth: fields.startMonth,
    customOrder: fields.customOrder,
    // JSON leaves out the undefined optionals.
    negotiatedTerms: JSON.parse(JSON.stringify(terms)) as unknown[],
    inflows: fields.inflows.map((f) => ({ month: f.month, amount: f.amount.toFixed(2), label: f.label })),
  };
  const row =
    fields.version === 0
      ? await insertPlanIfAbsent(db, { caseId, ...changes })
      : await updatePlanIfVersion(db, { caseId, version: fields.version }, changes);
  if (!row) throw new AppError("CONFLICT", STALE_PLAN_MESSAGE);
  return { version: row.version };
}

// ------------------------------------------------------------------------------------------------
// 三个阶段
// ------------------------------------------------------------------------------------------------

/** The checklist with each step's date and note, the current stage and its next step. */
export async function planStepsProgress(db: Database, caseId: string) {
  const rows = await listPlanSteps(db, caseId);
  const byStep = new Map(rows.map((r) => [r.stepId, r]));
  const progress = planProgress(rows.filter((r) => r.doneOn !== null).map((r) => r.stepId));
  const numberOf = (id: StageId) => PLAN_STAGES.find((s) => s.id === id)?.number ?? 0;
  const current = progress.stages.find((s) => s.id === progress.currentStage) ?? null;
  return {
    stages: progress.stages.map((s) => ({
      id: s.id,
      number: numberOf(s.id),
      title: s.title,
      goal: s.goal,
      status: s.status,
      statusLabel: STAGE_STATUS_LABEL[s.status],
      done: s.done,
      total: s.total,
      percent: s.percent,
      current: s.id === progress.currentStage,
      steps: s.steps.map((step) => ({
        id: step.id,
        title: step.title,
        detail: step.detail,
        checked: step.checked,
        doneOn: byStep.get(step.id)?.doneOn ?? null,
        note: byStep.get(step.id)?.note ?? "",
      })),
    })),
    currentStage: current
      ? { id: current.id, number: numberOf(current.id), title: current.title, done: current.done, total: current.total }
      : null,
    nextStep: progress.nextStep
      ? { id: progress.nextStep.id, title: progress.nextStep.title, detail: progress.nextStep.detail }
      : null,
    done: progress.done,
    total: progress.total,
    percent: progress.percent,
    allDone: progress.allDone,
  };
}
export type PlanStepsProgress = Awaited<ReturnType<typeof planStepsProgress>>;

/** Checks (with a date, today by default) or unchecks a step, keeping its note. */
export async function setPlanStep(
  db: Database,
  caseId: string,
  input: { stepId: string; done: boolean; doneOn?: string; note: string },
  today: string,
) {
  const doneOn = input.done ? (input.doneOn ?? today) : null;
  if (doneOn !== null && doneOn > today) {
    throw new AppError("BAD_INPUT", `完成日期不能晚于今天（${today}）`);
  }
  const note = input.note.trim();
  if (doneOn === null && note === "") {
    await deletePlanStep(db, { caseId, stepId: input.stepId });
  } else {
    await upsertPlanStep(db, { caseId, stepId: input.stepId, doneOn, note });
  }
  return { stepId: input.stepId, done: doneOn !== null, doneOn };
}
