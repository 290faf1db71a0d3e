/**
 * The budget form's running totals while the borrower types, in exact decimals (decimal.js). The
 * form loads this module when it is first touched; the page computes the first totals on the
 * server, so the form's JavaScript does not carry the arithmetic before anyone types.
 */
import type { BudgetCategory } from "@/server/domain/budget-vocabulary";
import { Dec, formatYuan, parseMoney } from "@/server/domain/money";

export interface PreviewRow {
  amount: string;
  type: "income" | BudgetCategory;
}

export interface BudgetPreview {
  income: string;
  spending: string;
  /** What is left each month for repayment, or the monthly shortfall when spending is higher. */
  left: { kind: "capacity" | "shortfall"; amount: string };
}

/** Totals of the rows with a valid amount (blank and invalid rows count as nothing), as ¥1,234.56. */
export function budgetPreview(rows: readonly PreviewRow[]): BudgetPreview {
  let income = new Dec(0);
  let spending = new Dec(0);
  for (const r of rows) {
    if (r.amount.trim() === "") continue;
    const parsed = parseMoney(r.amount);
    if (!parsed.ok) continue;
    if (r.type === "income") income = income.plus(parsed.value);
    else spending = spending.plus(parsed.value);
  }
  const left = income.minus(spending);
  return {
    income: formatYuan(income),
    spending: formatYuan(spending),
    left: left.isNegative()
      ? { kind: "shortfall", amount: formatYuan(left.negated()) }
      : { kind: "capacity", amount: formatYuan(left) },
  };
}
