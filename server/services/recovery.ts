/**
 * 信用修复: what happens after the last payment — when each negative record should disappear, the
 * credit report checks, the emergency fund, the habits that prevent a second default — and the
 * new-borrowing check. Access has been decided by the caller (server/access); these functions
 * only ever touch the case they are given.
 */
import type { Database } from "@/db/client";
import { listBudgetItems } from "@/db/queries/budget";
import { listDebtsOfCase } from "@/db/queries/debts";
import {
  deleteChecklistItem,
  deleteFundEntryInCase,
  deleteHabitDay,
  fundBalance,
  insertFundEntry,
  insertHabitDay,
  listChecklist,
  listFundEntries,
  listHabitDays,
  lockCase,
  upsertChecklistItem,
  type HabitKind,
} from "@/db/queries/recovery";
import type { AddFundEntryFields } from "@/server/api/schemas/recovery";
import { analyzeBudget, BUDGET_CATEGORIES, BUDGET_CATEGORY_LABEL, BUDGET_RULE_SOURCE } from "@/server/domain/budget";
import {
  checkNewBorrowing,
  CREDIT_REPAIR_SCAM_WARNING,
  creditMilestones,
  emergencyFundProgress,
  habitStreak,
  REBUILD_CHECKLIST,
  REPORT_CHECK_MONTHS,
  type Milestone,
} from "@/server/domain/credit";
import { Dec, formatYuan } from "@/server/domain/money";
import { EMERGENCY_FUND_SOURCE } from "@/server/domain/plan";
import { SOURCE_MARK_LABEL, type Source } from "@/server/domain/reference-facts";
import { AppError } from "@/server/errors";
import { budgetItemsOf } from "./budget";

export const FUND_ENTRY_NOT_FOUND = "找不到这条应急基金记录，它可能已被删除";

export const HABIT_LABEL: Record<HabitKind, string> = {
  spendingLogged: "每天记账",
  budgetKept: "守住当天预算",
};

const sourceView = (s: Source) => ({ citation: s.citation, mark: s.mark, markLabel: SOURCE_MARK_LABEL[s.mark] });
const fen = (d: Dec) => d.toFixed(2);

function milestoneView(m: Milestone) {
  return {
    kind: m.kind,
    date: m.date,
    debtId: m.debtId,
    title: m.title,
    detail: m.detail,
    reached: m.reached,
    source: sourceView(m.source),
  };
}
export type MilestoneView = ReturnType<typeof milestoneView>;

/** A day as the instant the domain's streak counts: noon in Shanghai on that day. */
const noonInShanghai = (day: string) => `${day}T12:00:00+08:00`;

/** Everything the 信用修复 page shows, as of `today` (Shanghai). */
export async function recoveryOverview(db: Database, caseId: string, today: string) {
  const [debtRows, budgetRows, entries, habitRows, checklistRows] = await Promise.all([
    listDebtsOfCase(db, caseId),
    listBudgetItems(db, caseId),
    listFundEntries(db, caseId),
    listHabitDays(db, caseId),
    listChecklist(db, caseId),
  ]);

  // Archived or not: a settled debt stays on the credit report either way.
  const settled = debtRows.filter((d) => d.status === "settled");
  const dated = settled.flatMap((d) => (d.settledOn ? [{ id: d.id, label: d.platform, settledOn: d.settledOn }] : []));
  const milestones = creditMilestones(dated, today);
  const later = milestones.reportChecks.filter((m) => !m.reached && m !== milestones.nextReportCheck).length;
  // The timeline shows every per-debt milestone and the mortgage date, but only the next report check.
  const timeline = milestones.timeline.filter((m) => m.kind !== "reportCheck" || m === milestones.nextReportCheck);

  const budget = analyzeBudget(budgetItemsOf(budgetRows));
  const balance = entries.reduce((acc, e) => acc.plus(e.amount), new Dec(0));
  const fund = emergencyFundProgress({
    monthlyEssential: budget.totals.essential,
    balance: Dec.max(balance, new Dec(0)),
    monthlyContribution: budget.totals.savings,
  });

  const habits = (["spendingLogged", "budgetKept"] as const).map((habit) => {
    const streak = habitStreak(
      habitRows.filter((r) => r.habit === habit).map((r) => noonInShanghai(r.day)),
      today,
    );
    return { habit, label: HABIT_LABEL[habit], ...streak, source: sourceView(streak.source) };
  });

  const doneOn = new Map(checklistRows.map((r) => [r.itemId, r.doneOn]));
  const income = budget.totals.income;

  return {
    today,
    settledCount: settled.length,
    /** Settled before Shore recorded settlement days: no dates can be computed for these. */
    settledWithoutDate: settled.filter((d) => !d.settledOn).map((d) => d.platform),
    activeCount: debtRows.filter((d) => d.status !== "settled" && d.archivedAt === null).length,
    perDebt: milestones.perDebt.map((d) => ({
      debtId: d.debtId,
      label: d.label,
      settledOn: d.settledOn,
      negativeRecordRemoval: milestoneView(d.negativeRecordRemoval),
      goodRecord24: milestoneView(d.goodRecord24),
    })),
    lastSettlement: milestones.lastSettlement,
    mortgageEarliest: milestones.mortgageEarliest ? milestoneView(milestones.mortgageEarliest) : null,
    nextReportCheck: milestones.nextReportCheck ? milestoneView(milestones.nextReportCheck) : null,
    reportCheckEveryMonths: REPORT_CHECK_MONTHS,
    laterReportChecks: later,
    timeline: timeline.map(milestoneView),
    fund: {
      hasBudget: budgetRows.length > 0,
      monthlyEssential: fen(budget.totals.essential),
      monthlyContribution: fen(budget.totals.savings),
      balance: fen(fund.balance),
      targetMin: fen(fund.target.min),
      targetMax: fen(fund.target.max),
      percentToMin: fund.progressToMin.times(100).floor().toNumber(),
      percentToMax: fund.progressToMax.times(100).floor().toNumber(),
      remainingToMin: fen(fund.remainingToMin),
      remainingToMax: fen(fund.remainingToMax),
      reachedMin: fund.reachedMin,
      reachedMax: fund.reachedMax,
      monthsToMin: fund.monthsToMin,
      monthsToMax: fund.monthsToMax,
      monthsCovered: fund.monthsCovered?.toFixed(2) ?? null,
      source: sourceView(EMERGENCY_FUND_SOURCE),
      entries: entries.map((e) => ({ id: e.id, amount: e.amount, on: e.on, note: e.note })).reverse(),
    },
    habits,
    checklist: REBUILD_CHECKLIST.map((item) => ({ ...item, doneOn: doneOn.get(item.id) ?? null })),
    split: {
      hasIncome: income.greaterThan(0),
      source: sourceView(BUDGET_RULE_SOURCE),
      parts: BUDGET_CATEGORIES.map((category) => {
        const check = budget.checks[category];
        return {
          category,
          label: BUDGET_CATEGORY_LABEL[category],
          compared: check.label,
          /** Whole percent of income, rounded down; null without income. */
          percent: check.share === null ? null : check.share.times(100).floor().toNumber(),
          targetPercent: check.target.times(100).toNumber(),
          bound: check.bound,
          ok: check.ok,
        };
      }),
    },
    scamWarning: {
      title: CREDIT_REPAIR_SCAM_WARNING.title,
      text: CREDIT_REPAIR_SCAM_WARNING.text,
      source: sourceView(CREDIT_REPAIR_SCAM_WARNING.source),
    },
  };
}
export type RecoveryOverview = Awaited<ReturnType<typeof recoveryOverview>>;

/**
 * 存入 or 取出 the emergency fund. A withdrawal may not take more than the balance; the balance is
 * read under a lock on the case, so two withdrawals at once cannot both pass.
 */
export async function addFundEntry(db: Database, caseId: string, fields: AddFundEntryFields, today: string) {
  if (fields.on > today) throw new AppError("BAD_INPUT", `日期不能晚于今天（${today}）`);
  const amount = fields.direction === "withdrawal" ? fields.amount.negated() : fields.amount;
  return db.transaction(async (tx) => {
    await lockCase(tx, caseId);
    const balance = new Dec(await fundBalance(tx, caseId));
    if (balance.plus(amount).isNegative()) {
      throw new AppError("BAD_INPUT", `取出的金额不能超过应急基金余额（${formatYuan(balance)}）`);
    }
    const row = await insertFundEntry(tx, { caseId, amount: amount.toFixed(2), on: fields.on, note: fields.note });
    return { id: row.id, amount: row.amount, on: row.on, balance: fen(balance.plus(amount)) };
  });
}

/** Deletes an entry made by mistake; refused when it would leave the balance below zero. */
export async function deleteFundEntry(db: Database, caseId: string, entryId: string) {
  return db.transaction(async (tx) => {
    await lockCase(tx, caseId);
    const row = await deleteFundEntryInCase(tx, { caseId, entryId });
    if (!row) throw new AppError("NOT_FOUND", FUND_ENTRY_NOT_FOUND);
    const balance = new Dec(await fundBalance(tx, caseId));
    if (balance.isNegative()) {
      throw new AppError("BAD_INPUT", "删除这笔存入后余额会变成负数。请先删除在它之后的取出记录。");
    }
    return { id: row.id, balance: fen(balance) };
  });
}

/** 今天已记账: marks (or unmarks) the habit for today in Shanghai; twice changes nothing. */
export async function checkIn(db: Database, caseId: string, input: { habit: HabitKind; done: boolean }, today: string) {
  const row = { caseId, habit: input.habit, day: today };
  if (input.done) await insertHabitDay(db, row);
  else await deleteHabitDay(db, row);
  return { habit: input.habit, day: today, done: input.done };
}

/** Checks (today) or unchecks one item of the repayment-account checklist. */
export async function setChecklistItem(
  db: Database,
  caseId: string,
  input: { itemId: string; done: boolean },
  today: string,
) {
  if (input.done) await upsertChecklistItem(db, { caseId, itemId: input.itemId, doneOn: today });
  else await deleteChecklistItem(db, { caseId, itemId: input.itemId });
  return { itemId: input.itemId, doneOn: input.done ? today : null };
}

/** The new-borrowing check, with every warning's source. */
export function checkBorrowing(input: { annualRatePercent: string; licensed: "yes" | "no" | "unknown" }) {
  const result = checkNewBorrowing({
    annualRate: input.annualRatePercent,
    licensed: input.licensed === "unknown" ? null : input.licensed === "yes",
  });
  return {
    ok: result.ok,
    warnings: result.warnings.map((w) => ({ code: w.code, message: w.message, source: sourceView(w.source) })),
  };
}
