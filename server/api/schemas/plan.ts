import { z } from "zod";
import { dayNumber } from "@/server/domain/legal";
import { parseMoney, parsePercent } from "@/server/domain/money";
import { MAX_MONTHS, STRATEGIES } from "@/server/domain/payoff";
import { PLAN_STEP_IDS } from "@/server/domain/plan";

const blankToUndefined = (v: unknown) =>
  v === null || (typeof v === "string" && v.trim() === "") ? undefined : typeof v === "string" ? v.trim() : v;
const noControlChars = (s: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s);

/** An amount typed by a person ("12,345.6", "1.2万", full-width digits) → exact Decimal. */
const money = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .max(40, { error: `${label}太长了` })
    .transform((raw, ctx) => {
      const parsed = parseMoney(raw);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: `${label}：${parsed.error}` });
        return z.NEVER;
      }
      return parsed.value;
    });

const YEAR_MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A calendar month "YYYY-MM" (what <input type="month"> sends). */
export const yearMonth = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .regex(YEAR_MONTH_RE, { error: `${label}请按 2026-12 的格式填写（年-月）` })
    .refine((s) => s >= "2000-01" && s <= "2100-12", { error: `${label}应在 2000 年到 2100 年之间` });

const optionalMonth = (label: string) => z.preprocess(blankToUndefined, yearMonth(label).optional());

/** A whole number of months or installments, 1–600 (a form may send it as text). */
const count = (label: string) =>
  z.preprocess(
    (v) => {
      const b = blankToUndefined(v);
      return typeof b === "string" && /^\d+$/.test(b) ? Number(b) : b;
    },
    z
      .number({ error: `请填写${label}（整数）` })
      .int({ error: `${label}请填写整数` })
      .min(1, { error: `${label}至少为 1` })
      .max(MAX_MONTHS, { error: `${label}最多 ${MAX_MONTHS}` }),
  );

/** A percentage typed by a person ("30", "30%", "６.５") 0–100 → the fraction as a decimal string. */
const percent = (label: string, { positive = false } = {}) =>
  z
    .string({ error: `请填写${label}` })
    .max(20, { error: `${label}太长了` })
    .transform((raw, ctx) => {
      const parsed = parsePercent(raw, { label, max: Infinity });
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: parsed.error });
        return z.NEVER;
      }
      if (parsed.fraction.greaterThan(1)) {
        ctx.addIssue({ code: "custom", message: `${label}必须在 0 到 100% 之间` });
        return z.NEVER;
      }
      if (positive && parsed.fraction.isZero()) {
        ctx.addIssue({ code: "custom", message: `${label}必须大于 0` });
        return z.NEVER;
      }
      return parsed.fraction.toString();
    });
const optionalPercent = (label: string) => z.preprocess(blankToUndefined, percent(label).optional());

const debtId = z.uuid({ error: "协商条款对应的债务不正确，请刷新页面后重新选择" });

/**
 * A negotiated term on one debt, as the plan form sends it (percentages in percent). The output
 * is the stored shape: fractions as decimal strings, as server/domain/payoff.ts takes them.
 */
export const negotiatedTermInput = z.discriminatedUnion(
  "kind",
  [
    z.object({
      debtId,
      kind: z.literal("stopCollection"),
      from: optionalMonth("停催开始月份"),
      months: count("停催月数"),
    }),
    z
      .object({
        debtId,
        kind: z.literal("installment"),
        from: optionalMonth("分期开始月份"),
        count: count("分期期数"),
        annualRatePercent: optionalPercent("分期年利率"),
      })
      .transform(({ annualRatePercent, ...t }) => ({ ...t, annualRate: annualRatePercent })),
    z
      .object({
        debtId,
        kind: z.literal("principalDiscount"),
        from: optionalMonth("减免开始月份"),
        discountPercent: percent("本金减免比例", { positive: true }),
        /** 1 = a lump sum (the default). */
        installments: z.preprocess(blankToUndefined, count("减免后的还款期数").optional()),
      })
      .transform(({ discountPercent, installments, ...t }) => ({
        ...t,
        discount: discountPercent,
        installments: installments ?? 1,
      })),
    z
      .object({
        debtId,
        kind: z.literal("deferral"),
        from: optionalMonth("延期开始月份"),
        months: count("延期月数"),
        annualRatePercent: optionalPercent("延期期间年利率"),
      })
      .transform(({ annualRatePercent, ...t }) => ({ ...t, annualRate: annualRatePercent })),
  ],
  { error: "请选择协商条款的类型：停催协议、分期协议、本金减免或延期还款" },
);
export type NegotiatedTermInput = z.input<typeof negotiatedTermInput>;

export const inflowInput = z.object({
  month: yearMonth("一次性收入的月份"),
  amount: money("一次性收入金额").refine((d) => d.greaterThan(0), { error: "一次性收入金额必须大于 0" }),
  label: z
    .string({ error: "一次性收入的说明格式不正确" })
    .trim()
    .max(30, { error: "一次性收入的说明最多 30 个字" })
    .refine(noControlChars, { error: "说明里不能有控制字符" })
    .default(""),
});
export type InflowInput = z.input<typeof inflowInput>;

export const MAX_TERMS = 60;
export const MAX_INFLOWS = 60;

export const savePlanInput = z
  .object({
    /** The version the page read; 0 when no plan was saved yet. */
    version: z.number({ error: "缺少版本号，请刷新页面" }).int().min(0, { error: "版本号不正确，请刷新页面" }),
    strategy: z.enum(STRATEGIES, { error: "请选择还款策略：雪崩法、雪球法或自定义顺序" }),
    /** Blank = the repayment capacity from the budget. */
    monthlyBudget: z.preprocess(blankToUndefined, money("每月还款金额").optional()),
    startMonth: yearMonth("开始月份"),
    customOrder: z
      .array(z.uuid({ error: "自定义顺序里的债务不正确，请刷新页面" }))
      .max(200, { error: "自定义顺序里的债务太多了" })
      .default([]),
    terms: z
      .array(negotiatedTermInput)
      .max(MAX_TERMS, { error: `协商条款最多 ${MAX_TERMS} 条` })
      .default([]),
    inflows: z
      .array(inflowInput)
      .max(MAX_INFLOWS, { error: `一次性收入最多 ${MAX_INFLOWS} 笔` })
      .default([]),
  })
  .superRefine((v, ctx) => {
    if (v.strategy === "custom" && v.customOrder.length === 0) {
      ctx.addIssue({ code: "custom", path: ["customOrder"], message: "选择自定义顺序时，请排好每笔债务的先后" });
    }
    if (new Set(v.customOrder).size !== v.customOrder.length) {
      ctx.addIssue({ code: "custom", path: ["customOrder"], message: "自定义顺序里有重复的债务，请刷新页面后重排" });
    }
    const restructured = new Set<string>();
    v.terms.forEach((t, i) => {
      if (t.kind !== "installment" && t.kind !== "principalDiscount") return;
      if (restructured.has(t.debtId)) {
        ctx.addIssue({
          code: "custom",
          path: ["terms", i, "kind"],
          message: "同一笔债务只能有一个分期协议或本金减免，请删掉多余的一条",
        });
      }
      restructured.add(t.debtId);
    });
    v.inflows.forEach((f, i) => {
      if (f.month < v.startMonth) {
        ctx.addIssue({
          code: "custom",
          path: ["inflows", i, "month"],
          message: "一次性收入的月份不能早于计划的开始月份",
        });
      }
    });
  });
export type SavePlanInput = z.input<typeof savePlanInput>;
export type SavePlanFields = z.output<typeof savePlanInput>;

/** Negotiated terms as stored in plans.negotiated_terms (fractions as decimal strings). */
const fraction = z.string().regex(/^\d+(\.\d+)?$/);
const storedMonth = z.string().regex(YEAR_MONTH_RE).optional();
const storedCount = z.number().int().min(1).max(MAX_MONTHS);
export const storedNegotiatedTerm = z.discriminatedUnion("kind", [
  z.object({ debtId: z.string(), kind: z.literal("stopCollection"), from: storedMonth, months: storedCount }),
  z.object({
    debtId: z.string(),
    kind: z.literal("installment"),
    from: storedMonth,
    count: storedCount,
    annualRate: fraction.optional(),
  }),
  z.object({
    debtId: z.string(),
    kind: z.literal("principalDiscount"),
    from: storedMonth,
    discount: fraction,
    installments: storedCount,
  }),
  z.object({
    debtId: z.string(),
    kind: z.literal("deferral"),
    from: storedMonth,
    months: storedCount,
    annualRate: fraction.optional(),
  }),
]);
export type StoredNegotiatedTerm = z.output<typeof storedNegotiatedTerm>;

export const storedInflow = z.object({
  month: z.string().regex(YEAR_MONTH_RE),
  amount: z.string().regex(/^\d+(\.\d{1,2})?$/),
  label: z.string().default(""),
});
export type StoredInflow = z.output<typeof storedInflow>;

function isRealDate(s: string): boolean {
  try {
    dayNumber(s);
    return true;
  } catch {
    return false;
  }
}

export const setPlanStepInput = z.object({
  stepId: z
    .string({ error: "缺少步骤编号，请刷新页面" })
    .refine((id) => PLAN_STEP_IDS.has(id), { error: "没有这个步骤，请刷新页面后再试" }),
  done: z.boolean({ error: "请说明这一步是否已完成" }),
  /** Blank = today (Shanghai) when done. */
  doneOn: z.preprocess(
    blankToUndefined,
    z
      .string({ error: "完成日期格式不正确" })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "完成日期请按 2026-01-31 的格式填写" })
      .refine((s) => isRealDate(s) && s >= "2000-01-01", { error: "完成日期不是有效的日期" })
      .optional(),
  ),
  note: z
    .string({ error: "备注格式不正确" })
    .max(500, { error: "备注最多 500 字" })
    .refine(noControlChars, { error: "备注里不能有控制字符" })
    .default(""),
});
export type SetPlanStepInput = z.input<typeof setPlanStepInput>;

export const planCaseInput = z.object({ caseId: z.uuid({ error: "案件编号不正确" }).optional() }).default({});
