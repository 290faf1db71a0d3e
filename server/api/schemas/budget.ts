import { z } from "zod";
import { BUDGET_CATEGORIES } from "@/server/domain/budget";
import { parseMoney } from "@/server/domain/money";

const noControlChars = (s: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s);

/** The most lines one budget may have. */
export const MAX_BUDGET_ITEMS = 100;

export const budgetItemInput = z.object({
  label: z
    .string({ error: "请填写这一项的名称" })
    .trim()
    .min(1, { error: "请填写这一项的名称，例如“工资”或“房租”" })
    .max(30, { error: "名称最多 30 个字" })
    .refine(noControlChars, { error: "名称里不能有控制字符" }),
  kind: z.enum(["income", "expense"], { error: "请选择这是收入还是支出" }),
  /** Ignored for income. */
  category: z.enum(BUDGET_CATEGORIES, { error: "请选择类别：必要支出、可选支出或储蓄" }).default("essential"),
  monthlyAmount: z
    .string({ error: "请填写每月金额" })
    .max(40, { error: "金额太长了" })
    .transform((raw, ctx) => {
      const parsed = parseMoney(raw);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: `每月金额：${parsed.error}` });
        return z.NEVER;
      }
      return parsed.value;
    }),
});
export type BudgetItemInput = z.input<typeof budgetItemInput>;
export type BudgetItemFields = z.output<typeof budgetItemInput>;

export const saveBudgetInput = z.object({
  items: z
    .array(budgetItemInput, { error: "预算内容格式不正确，请刷新页面后重试" })
    .max(MAX_BUDGET_ITEMS, { error: `预算最多 ${MAX_BUDGET_ITEMS} 项，请合并一些相近的项目` }),
});
export type SaveBudgetInput = z.input<typeof saveBudgetInput>;

export const budgetCaseInput = z.object({ caseId: z.uuid({ error: "案件编号不正确" }).optional() }).default({});
