import { z } from "zod";
import { REPAYMENT_METHODS, MONTHLY_RATE_LABEL } from "@/server/domain/debt-terms";
import { dayNumber, DEBT_KINDS, DEBT_STATUSES, LENDER_KINDS } from "@/server/domain/legal";
import { parseMoney, parsePercent } from "@/server/domain/money";

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

const optionalText = (s: unknown) => (typeof s === "string" && s.trim() === "" ? undefined : s);

function isRealDate(s: string): boolean {
  try {
    dayNumber(s);
    return true;
  } catch {
    return false;
  }
}

const isoDate = (label: string) =>
  z.preprocess(
    optionalText,
    z
      .string({ error: `${label}格式不正确` })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}请按 2026-01-31 的格式填写` })
      .refine((s) => isRealDate(s) && s >= "1990-01-01" && s <= "2100-12-31", {
        error: `${label}不是有效的日期`,
      })
      .optional(),
  );

const noControlChars = (s: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s);

export const debtFields = z
  .object({
    platform: z
      .string({ error: "请填写平台或出借人" })
      .trim()
      .min(1, { error: "请填写平台或出借人，例如“某某借呗”或“表哥”" })
      .max(40, { error: "平台名称最多 40 个字" })
      .refine(noControlChars, { error: "平台名称里不能有控制字符" }),
    debtKind: z.enum(DEBT_KINDS, { error: "请选择借款类型" }),
    lenderKind: z.enum(LENDER_KINDS, { error: "请选择出借方类型" }).default("unknown"),
    principal: money("借款金额"),
    /** Blank means "the whole amount": nothing was deducted in advance. */
    received: z.preprocess(optionalText, money("实际到手").optional()),
    outstanding: money("剩余待还"),
    repaymentMethod: z.enum(REPAYMENT_METHODS, { error: "请选择还款方式" }),
    installmentCount: z.preprocess(
      (v) => (v === "" || v === null ? undefined : typeof v === "string" ? Number(v) : v),
      z
        .number({ error: "期数请填写整数，例如 12" })
        .int({ error: "期数请填写整数，例如 12" })
        .min(1, { error: "期数至少为 1" })
        .max(600, { error: "期数最多 600 期" })
        .optional(),
    ),
    installmentAmount: z.preprocess(optionalText, money("每期还款").optional()),
    /** Percent per month as typed ("0.6" = 0.6%). */
    monthlyRatePercent: z.preprocess(optionalText, z.string().max(20).optional()),
    contractDate: isoDate("借款日期"),
    firstMissedDueDate: isoDate("最早未还的还款日"),
    status: z.enum(DEBT_STATUSES, { error: "请选择状态" }).default("current"),
    notes: z
      .string()
      .max(1000, { error: "备注最多 1000 字" })
      .refine(noControlChars, { error: "备注里不能有控制字符" })
      .default(""),
  })
  .transform((v, ctx) => {
    const needsRate = MONTHLY_RATE_LABEL[v.repaymentMethod];
    let monthlyRate = null;
    if (needsRate) {
      const parsed = parsePercent(v.monthlyRatePercent ?? "", { label: needsRate, max: 100 });
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", path: ["monthlyRatePercent"], message: parsed.error });
        return z.NEVER;
      }
      monthlyRate = parsed.fraction;
    }
    if (v.repaymentMethod !== "none" && v.installmentCount === undefined) {
      ctx.addIssue({ code: "custom", path: ["installmentCount"], message: "请填写期数" });
      return z.NEVER;
    }
    if (v.repaymentMethod === "fixedInstallments" && !v.installmentAmount) {
      ctx.addIssue({ code: "custom", path: ["installmentAmount"], message: "请填写每期还款金额" });
      return z.NEVER;
    }
    const received = v.received ?? v.principal;
    if (received.greaterThan(v.principal)) {
      ctx.addIssue({ code: "custom", path: ["received"], message: "实际到手金额不能多于借款金额" });
      return z.NEVER;
    }
    if (received.isZero() || v.principal.isZero()) {
      ctx.addIssue({ code: "custom", path: ["principal"], message: "借款金额必须大于 0" });
      return z.NEVER;
    }
    return {
      platform: v.platform,
      debtKind: v.debtKind,
      lenderKind: v.lenderKind,
      principal: v.principal,
      received,
      outstanding: v.outstanding,
      repaymentMethod: v.repaymentMethod,
      installmentCount: v.repaymentMethod === "none" ? null : (v.installmentCount ?? null),
      installmentAmount: v.repaymentMethod === "fixedInstallments" ? (v.installmentAmount ?? null) : null,
      monthlyRate,
      contractDate: v.contractDate ?? null,
      firstMissedDueDate: v.firstMissedDueDate ?? null,
      status: v.status,
      notes: v.notes,
    };
  });
export type DebtFieldsInput = z.input<typeof debtFields>;
export type DebtFields = z.output<typeof debtFields>;

const id = z.uuid({ error: "债务编号不正确" });
const version = z.number({ error: "缺少版本号，请刷新页面" }).int().min(1);

export const debtIdInput = z.object({ id });
export const updateDebtInput = z.object({ id, version, fields: debtFields });
export const setDebtStatusInput = z.object({
  id,
  version,
  status: z.enum(DEBT_STATUSES, { error: "请选择状态" }),
});
export const archiveDebtInput = z.object({ id, version, archived: z.boolean() });
export const caseInput = z.object({ caseId: z.uuid({ error: "案件编号不正确" }).optional() }).default({});
