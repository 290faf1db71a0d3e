/**
 * 收支预算: the monthly income and spending lines of a case, and what they mean (50/30/20, the
 * rescue rule, the repayment capacity, suggestions). Access has been decided by the caller
 * (server/access); these functions only ever touch the case they are given.
 */
import type { Database } from "@/db/client";
import { listBudgetItems, replaceBudgetItems, type BudgetItemRow } from "@/db/queries/budget";
import type { BudgetItemFields } from "@/server/api/schemas/budget";
import {
  analyzeBudget,
  BUDGET_CATEGORIES,
  BUDGET_CATEGORY_LABEL,
  type BudgetAnalysis,
  type BudgetCategory,
  type BudgetItem,
} from "@/server/domain/budget";
import type { Dec } from "@/server/domain/money";
import { emergencyFundTarget } from "@/server/domain/plan";

/** The domain's view of stored lines (amounts stay decimal strings). */
export function budgetItemsOf(rows: readonly BudgetItemRow[]): BudgetItem[] {
  return rows.map((r) => ({ label: r.label, kind: r.kind, category: r.category, monthlyAmount: r.monthlyAmount }));
}

/** Replaces the whole budget of a case in one transaction; returns how many lines were saved. */
export async function saveBudget(db: Database, caseId: string, items: readonly BudgetItemFields[]) {
  const rows = items.map((item) => ({
    label: item.label,
    kind: item.kind,
    category: item.kind === "income" ? ("essential" as const) : item.category,
    monthlyAmount: item.monthlyAmount.toFixed(2),
  }));
  const saved = await db.transaction((tx) => replaceBudgetItems(tx, caseId, rows));
  return { count: saved.length };
}

const money = (d: Dec) => d.toFixed(2);
const share = (d: Dec | null) => (d === null ? null : d.toString());

/** The analysis with every decimal as a string, shaped for pages. */
export function budgetAnalysisView(analysis: BudgetAnalysis) {
  const { totals } = analysis;
  return {
    totals: {
      income: money(totals.income),
      essential: money(totals.essential),
      discretionary: money(totals.discretionary),
      savings: money(totals.savings),
      expenses: money(totals.expenses),
    },
    capacity: money(analysis.capacity),
    shortfall: money(analysis.shortfall),
    checks: BUDGET_CATEGORIES.map((category: BudgetCategory) => {
      const c = analysis.checks[category];
      return {
        category,
        categoryLabel: BUDGET_CATEGORY_LABEL[category],
        label: c.label,
        amount: money(c.amount),
        share: share(c.share),
        target: c.target.toString(),
        bound: c.bound,
        ok: c.ok,
        gap: money(c.gap),
      };
    }),
    rescue: {
      essentialShare: share(analysis.rescue.essentialShare),
      limit: analysis.rescue.limit.toString(),
      ok: analysis.rescue.ok,
      excess: money(analysis.rescue.excess),
    },
    suggestions: analysis.suggestions.map((s) => ({
      category: s.category,
      rule: s.rule,
      amount: money(s.amount),
      message: s.message,
    })),
    source: analysis.source,
  };
}
export type BudgetAnalysisView = ReturnType<typeof budgetAnalysisView>;

/** The budget lines of a case and what they mean. */
export async function budgetOverview(db: Database, caseId: string) {
  const rows = await listBudgetItems(db, caseId);
  const analysis = analyzeBudget(budgetItemsOf(rows));
  const fund = emergencyFundTarget(analysis.totals.essential);
  return {
    items: rows.map((r) => ({
      id: r.id,
      label: r.label,
      kind: r.kind,
      category: r.category,
      monthlyAmount: r.monthlyAmount,
    })),
    /** Whether the borrower has saved a budget at all (an empty budget shows the common lines). */
    saved: rows.length > 0,
    analysis: budgetAnalysisView(analysis),
    emergencyFund: { min: money(fund.min), max: money(fund.max), source: fund.source },
  };
}
export type BudgetOverview = Awaited<ReturnType<typeof budgetOverview>>;
