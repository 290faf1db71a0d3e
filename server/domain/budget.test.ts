import { describe, expect, it } from "vitest";
import {
  analyzeBudget,
  budgetTotals,
  COMMON_BUDGET_ITEMS,
  formatShare,
  repaymentCapacity,
  type BudgetItem,
} from "./budget";
import { Dec } from "./money";

function budget(income: string, essential: string, discretionary: string, savings = "0"): BudgetItem[] {
  return [
    { label: "工资", kind: "income", category: "essential", monthlyAmount: income },
    { label: "房租", kind: "expense", category: "essential", monthlyAmount: essential },
    { label: "娱乐", kind: "expense", category: "discretionary", monthlyAmount: discretionary },
    { label: "应急基金", kind: "expense", category: "savings", monthlyAmount: savings },
  ];
}

describe("budgetTotals and repaymentCapacity", () => {
  it("adds income and each category exactly, ignoring the category of income items", () => {
    const items: BudgetItem[] = [
      { label: "工资", kind: "income", category: "discretionary", monthlyAmount: "8000.10" },
      { label: "兼职", kind: "income", category: "essential", monthlyAmount: "1999.90" },
      { label: "房租", kind: "expense", category: "essential", monthlyAmount: "3000" },
      { label: "伙食", kind: "expense", category: "essential", monthlyAmount: "1500.55" },
      { label: "购物", kind: "expense", category: "discretionary", monthlyAmount: "600" },
      { label: "储蓄", kind: "expense", category: "savings", monthlyAmount: "500" },
    ];
    const t = budgetTotals(items);
    expect(t.income.toFixed(2)).toBe("10000.00");
    expect(t.essential.toFixed(2)).toBe("4500.55");
    expect(t.discretionary.toFixed(2)).toBe("600.00");
    expect(t.savings.toFixed(2)).toBe("500.00");
    expect(t.expenses.toFixed(2)).toBe("5600.55");
    const c = repaymentCapacity(items);
    expect(c.capacity.toFixed(2)).toBe("4399.45");
    expect(c.shortfall.toFixed(2)).toBe("0.00");
  });

  it("never reports a negative capacity, and says how much is missing", () => {
    const c = repaymentCapacity(budget("5000", "4200", "1000", "300.50"));
    expect(c.capacity.toFixed(2)).toBe("0.00");
    expect(c.shortfall.toFixed(2)).toBe("500.50");
  });

  it("capacity is exactly 0 when spending equals income", () => {
    const c = repaymentCapacity(budget("5000", "2500", "1500", "1000"));
    expect(c.capacity.toFixed(2)).toBe("0.00");
    expect(c.shortfall.toFixed(2)).toBe("0.00");
  });

  it("refuses negative amounts", () => {
    expect(() => repaymentCapacity(budget("5000", "-1", "0"))).toThrow("不能为负数");
  });
});

describe("50/30/20 and the rescue rule at their boundaries", () => {
  it("essentials at exactly 50% keep both rules; one fen more breaks them", () => {
    const at = analyzeBudget(budget("10000", "5000", "0"));
    expect(at.checks.essential.ok).toBe(true);
    expect(at.rescue.ok).toBe(true);
    expect(at.rescue.excess.toFixed(2)).toBe("0.00");
    expect(at.suggestions).toEqual([]);

    const over = analyzeBudget(budget("10000", "5000.01", "0"));
    expect(over.checks.essential.ok).toBe(false);
    expect(over.rescue.ok).toBe(false);
    // 0.01 over, rounded up to the whole yuan.
    expect(over.rescue.excess.toFixed(2)).toBe("1.00");
    expect(over.checks.essential.gap.toFixed(2)).toBe("1.00");
    expect(over.suggestions).toHaveLength(1);
    expect(over.suggestions[0]?.category).toBe("essential");
    expect(over.suggestions[0]?.rule).toBe("rescue");
    expect(over.suggestions[0]?.message).toContain("必要支出占收入 50.01%，高于 50%：每月减少 ¥1.00 可回到 50%");
  });

  it("discretionary at exactly 30% is fine; above it gives the cut in whole yuan", () => {
    expect(analyzeBudget(budget("10000", "4000", "3000")).checks.discretionary.ok).toBe(true);

    const a = analyzeBudget(budget("10000", "4000", "3800"));
    expect(a.shares.discretionary?.toString()).toBe("0.38");
    expect(a.checks.discretionary.ok).toBe(false);
    expect(a.checks.discretionary.gap.toFixed(2)).toBe("800.00");
    const s = a.suggestions.find((x) => x.category === "discretionary");
    expect(s?.amount.toFixed(2)).toBe("800.00");
    expect(s?.message).toContain("可选支出占收入 38%，高于 30%：每月减少 ¥800.00 可回到 30%");
    expect(s?.message).toContain("「娱乐」");
  });

  it("rounds a fractional cut up, so cutting it is enough", () => {
    const a = analyzeBudget(budget("9999", "4000", "3000"));
    // 30% of 9999 = 2999.70; 3000 − 2999.70 = 0.30 → ¥1.
    expect(a.checks.discretionary.gap.toFixed(2)).toBe("1.00");
    const after = analyzeBudget(budget("9999", "4000", "2999"));
    expect(after.checks.discretionary.ok).toBe(true);
  });

  it("savings and repayment: at least 20% of income left after essential and discretionary", () => {
    const at = analyzeBudget(budget("10000", "5000", "3000"));
    expect(at.checks.savings.amount.toFixed(2)).toBe("2000.00");
    expect(at.checks.savings.ok).toBe(true);
    const below = analyzeBudget(budget("10000", "5000", "3000.01"));
    expect(below.checks.savings.ok).toBe(false);
    expect(below.checks.savings.gap.toFixed(2)).toBe("1.00");
    expect(below.checks.savings.bound).toBe("atLeast");
  });

  it("formats shares away from the line, never showing 30% for 30.001%", () => {
    expect(formatShare(new Dec("0.30001"))).toBe("30.01%");
    expect(formatShare(new Dec("0.38"))).toBe("38%");
  });

  it("with spending above income: capacity 0, shortfall and a suggestion to balance", () => {
    const a = analyzeBudget(budget("6000", "4000", "2500", "0"));
    expect(a.capacity.toFixed(2)).toBe("0.00");
    expect(a.shortfall.toFixed(2)).toBe("500.00");
    const balance = a.suggestions.find((s) => s.rule === "balance");
    expect(balance?.amount.toFixed(2)).toBe("500.00");
    expect(balance?.message).toContain("每月支出比收入多 ¥500.00");
    // Essentials 66.67% and discretionary 41.67% are both flagged with their cuts.
    expect(a.suggestions.find((s) => s.category === "essential")?.amount.toFixed(2)).toBe("1000.00");
    expect(a.suggestions.find((s) => s.category === "discretionary")?.amount.toFixed(2)).toBe("700.00");
  });

  it("without income: shares are null and the suggestion asks for income", () => {
    const a = analyzeBudget(budget("0", "1000", "0"));
    expect(a.shares.essential).toBeNull();
    expect(a.shortfall.toFixed(2)).toBe("1000.00");
    expect(a.suggestions).toHaveLength(1);
    expect(a.suggestions[0]?.rule).toBe("income");
  });
});

describe("pre-filled categories", () => {
  it("includes the common Chinese categories with their default category", () => {
    const byLabel = new Map(COMMON_BUDGET_ITEMS.map((p) => [p.label, p]));
    expect(byLabel.get("工资")?.kind).toBe("income");
    for (const label of ["水电燃气", "交通", "伙食", "通讯", "子女教育", "医疗"]) {
      const p = byLabel.get(label);
      expect(p?.kind === "expense" && p.category).toBe("essential");
    }
    for (const label of ["娱乐", "购物"]) {
      const p = byLabel.get(label);
      expect(p?.kind === "expense" && p.category).toBe("discretionary");
    }
    expect(COMMON_BUDGET_ITEMS.some((p) => p.kind === "expense" && p.category === "savings")).toBe(true);
    expect(new Set(COMMON_BUDGET_ITEMS.map((p) => p.label)).size).toBe(COMMON_BUDGET_ITEMS.length);
  });
});
