import { z } from "zod";
import { COMPLAINT_CHANNEL_IDS } from "@/server/domain/documents";
import { parseMoney } from "@/server/domain/money";
import { isoDate } from "./protection";

const noControlChars = (s: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s);
const text = (label: string, max: number) =>
  z
    .string({ error: `${label}格式不正确` })
    .trim()
    .max(max, { error: `${label}最多 ${max} 个字` })
    .refine(noControlChars, { error: `${label}里不能有控制字符` })
    .default("");
const uuid = (label: string) => z.uuid({ error: `${label}不正确，请刷新页面后再试` });
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const optionalDate = (label: string) => z.preprocess(blankToUndefined, isoDate(label).optional());

/** An amount as typed ("12,345.6", "1.2万"); blank: none. Kept as a decimal string. */
const optionalMoney = (label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string({ error: `${label}格式不正确` })
      .max(40, { error: `${label}太长了` })
      .transform((raw, ctx) => {
        const parsed = parseMoney(raw);
        if (!parsed.ok) {
          ctx.addIssue({ code: "custom", message: `${label}：${parsed.error}` });
          return z.NEVER;
        }
        return parsed.value.toFixed(2);
      })
      .optional(),
  );

export const AGREEMENT_KINDS = ["stopCollection", "installment", "discount", "extension"] as const;

export const agreementInput = z
  .object({
    debtId: uuid("所属债务"),
    kind: z.enum(AGREEMENT_KINDS, { error: "请选择协议类型：停催、分期、减免或延期" }),
    terms: text("协议内容", 2000),
    amount: optionalMoney("金额"),
    agreedOn: isoDate("达成日期"),
    startsOn: optionalDate("开始日期"),
    endsOn: optionalDate("结束日期"),
  })
  .refine((a) => !a.startsOn || !a.endsOn || a.startsOn <= a.endsOn, {
    error: "结束日期不能早于开始日期，请检查日期",
    path: ["endsOn"],
  });
export type AgreementInput = z.input<typeof agreementInput>;

export const negotiationDraftInput = z
  .object({ caseId: uuid("案件编号").optional(), debtId: z.preprocess(blankToUndefined, uuid("所属债务").optional()) })
  .default({});

export const complaintInput = z
  .object({
    debtId: z.preprocess(blankToUndefined, uuid("所属债务").optional()),
    channel: z.enum(COMPLAINT_CHANNEL_IDS, { error: "请选择投诉渠道" }),
    filedOn: isoDate("投诉日期"),
    referenceNumber: text("受理编号", 80),
    expectedReplyBy: optionalDate("预计答复日期"),
    followUps: text("跟进记录", 2000),
  })
  .refine((c) => !c.expectedReplyBy || c.expectedReplyBy >= c.filedOn, {
    error: "预计答复日期不能早于投诉日期，请检查日期",
    path: ["expectedReplyBy"],
  });
export type ComplaintFormInput = z.input<typeof complaintInput>;

export const complaintFollowUpInput = z.object({
  id: uuid("投诉编号"),
  note: text("跟进内容", 500).refine((s) => s !== "", { error: "请写下这次跟进的内容" }),
});

export const complaintRepliedInput = z.object({ id: uuid("投诉编号"), replied: z.boolean() });

/** null: remove the link; absent: leave it as it is. */
export const evidenceLinksInput = z
  .object({
    id: uuid("证据编号"),
    contactLogId: z.preprocess((v) => (v === "" ? null : v), uuid("沟通记录").nullable().optional()),
    agreementId: z.preprocess((v) => (v === "" ? null : v), uuid("协议").nullable().optional()),
  })
  .refine((l) => l.contactLogId !== undefined || l.agreementId !== undefined, {
    error: "请选择要关联的沟通记录或协议",
  });
