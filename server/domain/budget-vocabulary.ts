/**
 * The budget's vocabulary (glossary.md) and the rows the budget form starts with. No arithmetic and
 * no decimal.js, so the form can show its rows without loading the calculations; ./budget
 * re-exports all of it.
 */

export type BudgetKind = "income" | "expense";
export type BudgetCategory = "essential" | "discretionary" | "savings";

export const BUDGET_CATEGORIES = ["essential", "discretionary", "savings"] as const satisfies readonly BudgetCategory[];

export const BUDGET_CATEGORY_LABEL: Record<BudgetCategory, string> = {
  essential: "必要支出",
  discretionary: "可选支出",
  savings: "储蓄",
};

/** A pre-filled row for the budget form. Income rows have no category. */
export type BudgetPreset =
  { label: string; kind: "income" } | { label: string; kind: "expense"; category: BudgetCategory };

/** Common categories, pre-filled in the budget form, with their default category. */
export const COMMON_BUDGET_ITEMS: readonly BudgetPreset[] = [
  { label: "工资", kind: "income" },
  { label: "兼职 / 副业收入", kind: "income" },
  { label: "奖金 / 补贴", kind: "income" },
  { label: "家人支持", kind: "income" },
  { label: "房租 / 房贷", kind: "expense", category: "essential" },
  { label: "水电燃气", kind: "expense", category: "essential" },
  { label: "伙食", kind: "expense", category: "essential" },
  { label: "交通", kind: "expense", category: "essential" },
  { label: "通讯", kind: "expense", category: "essential" },
  { label: "子女教育", kind: "expense", category: "essential" },
  { label: "医疗", kind: "expense", category: "essential" },
  { label: "保险", kind: "expense", category: "essential" },
  { label: "赡养父母", kind: "expense", category: "essential" },
  { label: "娱乐", kind: "expense", category: "discretionary" },
  { label: "购物", kind: "expense", category: "discretionary" },
  { label: "外卖 / 聚餐", kind: "expense", category: "discretionary" },
  { label: "会员订阅", kind: "expense", category: "discretionary" },
  { label: "旅行", kind: "expense", category: "discretionary" },
  { label: "烟酒", kind: "expense", category: "discretionary" },
  { label: "应急基金", kind: "expense", category: "savings" },
  { label: "储蓄", kind: "expense", category: "savings" },
];
