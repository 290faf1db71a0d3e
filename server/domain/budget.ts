/**
 * The monthly budget (收支预算): income and spending items, the 50/30/20 check, the stricter rescue
 * rule, the repayment capacity (可用于还款) and concrete suggestions where a rule is broken.
 *
 * Categories (glossary): essential 必要支出 · discretionary 可选支出 · savings 储蓄.
 *
 * Rules (rules of thumb, domain-facts.md "Budget and resilience"):
 *   - 50/30/20: essentials at most 50% of income, discretionary at most 30%, and at least 20% left
 *     for savings and extra repayment (savings items plus what is left over for debts).
 *   - Rescue rule (上岸期间): essentials at most 50% of income — not a guideline but the limit the
 *     plan is built on; the rest goes to repayment and the emergency fund.
 * A share exactly on its line keeps the rule (50.00% essentials is fine, 50.01% is not).
 *
 * Amounts are exact decimals; cuts in suggestions are rounded UP to the whole yuan, so cutting the
 * suggested amount always brings the category back within its line.
 *
 * Pure: no I/O.
 */
import type { Source } from "./reference-facts";
import { BUDGET_CATEGORY_LABEL, type BudgetCategory, type BudgetKind } from "./budget-vocabulary";
import { Dec, formatYuan, roundFen, sum, toDec } from "./money";

export {
  BUDGET_CATEGORIES,
  BUDGET_CATEGORY_LABEL,
  COMMON_BUDGET_ITEMS,
  type BudgetCategory,
  type BudgetKind,
  type BudgetPreset,
} from "./budget-vocabulary";

/** An amount as given by the caller: a decimal string ("1234.50") or a Decimal — never a float. */
type AmountInput = Dec | string;

export interface BudgetItem {
  label: string;
  kind: BudgetKind;
  /** Which part of the 50/30/20 split an expense belongs to. Not used for income items. */
  category: BudgetCategory;
  /** Per month, in yuan, non-negative. */
  monthlyAmount: AmountInput;
}

export const BUDGET_RULE_SOURCE: Source = { citation: "50/30/20 预算法（个人理财的一般经验）", mark: "ruleOfThumb" };

/** 50/30/20 targets as fractions of income. */
export const BUDGET_TARGETS: Record<BudgetCategory, Dec> = {
  essential: new Dec("0.5"),
  discretionary: new Dec("0.3"),
  savings: new Dec("0.2"),
};

/** The rescue rule: essentials at most this share of income. */
export const RESCUE_ESSENTIAL_LIMIT = new Dec("0.5");

export interface BudgetTotals {
  income: Dec;
  essential: Dec;
  discretionary: Dec;
  savings: Dec;
  /** essential + discretionary + savings. */
  expenses: Dec;
}

export interface CategoryCheck {
  category: BudgetCategory;
  /** What is compared: for savings, savings items plus the money left for repayment. */
  label: string;
  amount: Dec;
  /** amount / income; null without income. */
  share: Dec | null;
  target: Dec;
  /** essential and discretionary: at most the target; savings: at least. */
  bound: "atMost" | "atLeast";
  ok: boolean;
  /** How far from the line, in whole yuan rounded up (0 when ok): to cut (atMost) or missing (atLeast). */
  gap: Dec;
}

export interface RescueCheck {
  essentialShare: Dec | null;
  limit: Dec;
  ok: boolean;
  /** Essentials above 50% of income, whole yuan rounded up; 0 when ok. */
  excess: Dec;
}

export interface RepaymentCapacity {
  /** income − essential − discretionary − savings, never below 0. */
  capacity: Dec;
  /** How much is missing each month when spending exceeds income; 0 otherwise. */
  shortfall: Dec;
}

export interface BudgetSuggestion {
  /** The category to cut; null for a suggestion about income or the whole budget. */
  category: BudgetCategory | null;
  rule: "fiftyThirtyTwenty" | "rescue" | "balance" | "income";
  /** Monthly amount to cut (or to find), whole yuan. */
  amount: Dec;
  message: string;
}

export interface BudgetAnalysis extends RepaymentCapacity {
  totals: BudgetTotals;
  /** Each category's share of income; null without income. */
  shares: Record<BudgetCategory, Dec | null>;
  checks: Record<BudgetCategory, CategoryCheck>;
  rescue: RescueCheck;
  suggestions: BudgetSuggestion[];
  source: Source;
}

function amountOf(item: BudgetItem): Dec {
  let value: Dec;
  try {
    value = toDec(item.monthlyAmount);
  } catch {
    throw new RangeError(`「${item.label}」的金额格式不正确`);
  }
  if (!value.isFinite()) throw new RangeError(`「${item.label}」的金额格式不正确`);
  if (value.isNegative()) throw new RangeError(`「${item.label}」的金额不能为负数`);
  return value;
}

export function budgetTotals(items: readonly BudgetItem[]): BudgetTotals {
  const income: Dec[] = [];
  const byCategory: Record<BudgetCategory, Dec[]> = { essential: [], discretionary: [], savings: [] };
  for (const item of items) {
    const value = amountOf(item);
    if (item.kind === "income") income.push(value);
    else byCategory[item.category].push(value);
  }
  const essential = sum(byCategory.essential);
  const discretionary = sum(byCategory.discretionary);
  const savings = sum(byCategory.savings);
  return {
    income: sum(income),
    essential,
    discretionary,
    savings,
    expenses: essential.plus(discretionary).plus(savings),
  };
}

/** Monthly repayment capacity: what is left after all spending and savings, and what is missing. */
export function repaymentCapacity(items: readonly BudgetItem[]): RepaymentCapacity {
  return capacityFromTotals(budgetTotals(items));
}

function capacityFromTotals(t: BudgetTotals): RepaymentCapacity {
  const left = t.income.minus(t.expenses);
  return left.isNegative()
    ? { capacity: new Dec(0), shortfall: left.negated() }
    : { capacity: left, shortfall: new Dec(0) };
}

/** Up to whole yuan (a cut of ¥799.01 becomes ¥800). */
function ceilYuan(value: Dec): Dec {
  return value.isNegative() ? new Dec(0) : value.toDecimalPlaces(0, Dec.ROUND_CEIL);
}

/** "38%", "30.5%", "30.01%": a share of income; rounded away from the line it is compared with. */
export function formatShare(share: Dec, rounding: "up" | "down" = "up"): string {
  const pct = share.times(100).toDecimalPlaces(2, rounding === "up" ? Dec.ROUND_CEIL : Dec.ROUND_FLOOR);
  return `${pct.toFixed()}%`;
}

function check(category: BudgetCategory, label: string, amount: Dec, income: Dec): CategoryCheck {
  const target = BUDGET_TARGETS[category];
  const bound = category === "savings" ? "atLeast" : "atMost";
  const line = income.times(target);
  const share = income.isZero() ? null : amount.dividedBy(income);
  const ok = bound === "atMost" ? amount.lessThanOrEqualTo(line) : amount.greaterThanOrEqualTo(line);
  const gap = ok ? new Dec(0) : ceilYuan(bound === "atMost" ? amount.minus(line) : line.minus(amount));
  return { category, label, amount, share, target, bound, ok, gap };
}

function largestItem(items: readonly BudgetItem[], category: BudgetCategory): { label: string; amount: Dec } | null {
  let best: { label: string; amount: Dec } | null = null;
  for (const item of items) {
    if (item.kind !== "expense" || item.category !== category) continue;
    const amount = amountOf(item);
    if (amount.isZero()) continue;
    if (!best || amount.greaterThan(best.amount)) best = { label: item.label, amount };
  }
  return best;
}

function pct(fraction: Dec): string {
  return `${fraction.times(100).toFixed()}%`;
}

/**
 * The whole budget picture: totals, shares, the 50/30/20 checks, the rescue rule, the repayment
 * capacity and suggestions in Chinese (which category, how much to cut per month, in whole yuan).
 */
export function analyzeBudget(items: readonly BudgetItem[]): BudgetAnalysis {
  const totals = budgetTotals(items);
  const { income } = totals;
  const { capacity, shortfall } = capacityFromTotals(totals);
  const shareOf = (amount: Dec) => (income.isZero() ? null : amount.dividedBy(income));

  const checks: Record<BudgetCategory, CategoryCheck> = {
    essential: check("essential", BUDGET_CATEGORY_LABEL.essential, totals.essential, income),
    discretionary: check("discretionary", BUDGET_CATEGORY_LABEL.discretionary, totals.discretionary, income),
    // 20% is for savings and extra repayment: income − essential − discretionary.
    savings: check("savings", "储蓄和还款", income.minus(totals.essential).minus(totals.discretionary), income),
  };

  const rescueLine = income.times(RESCUE_ESSENTIAL_LIMIT);
  const rescueOk = totals.essential.lessThanOrEqualTo(rescueLine);
  const rescue: RescueCheck = {
    essentialShare: shareOf(totals.essential),
    limit: RESCUE_ESSENTIAL_LIMIT,
    ok: rescueOk,
    excess: rescueOk ? new Dec(0) : ceilYuan(totals.essential.minus(rescueLine)),
  };

  const suggestions: BudgetSuggestion[] = [];
  if (income.isZero()) {
    suggestions.push({
      category: null,
      rule: "income",
      amount: ceilYuan(totals.expenses),
      message: "还没有填写收入：请先填写每月收入（工资、兼职等），才能算出各类支出的占比和每月可用于还款的金额。",
    });
  } else {
    if (!rescue.ok && rescue.essentialShare) {
      const biggest = largestItem(items, "essential");
      suggestions.push({
        category: "essential",
        rule: "rescue",
        amount: rescue.excess,
        message:
          `必要支出占收入 ${formatShare(rescue.essentialShare)}，高于 ${pct(RESCUE_ESSENTIAL_LIMIT)}：` +
          `每月减少 ${formatYuan(rescue.excess)} 可回到 ${pct(RESCUE_ESSENTIAL_LIMIT)}。` +
          (biggest ? `最大的一项是「${biggest.label}」（${formatYuan(biggest.amount)}），可以先从这里想办法，` : "") +
          "例如换更便宜的住处、减少通勤花费。上岸期间，必要支出最好不超过收入的一半。",
      });
    }
    const disc = checks.discretionary;
    if (!disc.ok && disc.share) {
      const biggest = largestItem(items, "discretionary");
      suggestions.push({
        category: "discretionary",
        rule: "fiftyThirtyTwenty",
        amount: disc.gap,
        message:
          `可选支出占收入 ${formatShare(disc.share)}，高于 ${pct(disc.target)}：` +
          `每月减少 ${formatYuan(disc.gap)} 可回到 ${pct(disc.target)}` +
          (biggest ? `。最大的一项是「${biggest.label}」（${formatYuan(biggest.amount)}）` : ""),
      });
    }
    if (shortfall.greaterThan(0)) {
      const missing = ceilYuan(shortfall);
      suggestions.push({
        category: null,
        rule: "balance",
        amount: missing,
        message:
          `每月支出比收入多 ${formatYuan(roundFen(shortfall))}：需要每月减少支出或增加收入 ${formatYuan(missing)}，` +
          "才能收支平衡；在这之前，没有钱可以用于还款。",
      });
    }
  }

  return {
    totals,
    shares: {
      essential: shareOf(totals.essential),
      discretionary: shareOf(totals.discretionary),
      savings: shareOf(totals.savings),
    },
    checks,
    rescue,
    capacity,
    shortfall,
    suggestions,
    source: BUDGET_RULE_SOURCE,
  };
}
