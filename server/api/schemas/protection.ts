import { z } from "zod";
import { CONTACT_CHANNELS, MANUAL_MARKERS } from "@/server/domain/harassment";
import { dayNumber } from "@/server/domain/legal";

const noControlChars = (s: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s);

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}格式不正确` })
    .trim()
    .max(max, { error: `${label}最多 ${max} 个字` })
    .refine(noControlChars, { error: `${label}里不能有控制字符` })
    .default("");

const uuid = (label: string) => z.uuid({ error: `${label}不正确，请刷新页面后再试` });
const optionalUuid = (label: string) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), uuid(label).optional());

/**
 * A Shanghai wall-clock time as typed in a datetime-local field ("2026-11-27T23:40"), or an ISO
 * instant with an offset. Returned as an instant.
 */
export const shanghaiDateTime = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .transform((raw, ctx) => {
      const local = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?$/.exec(raw);
      const instant = local
        ? new Date(`${local[1]}T${local[2]}${local[3] ?? ":00"}+08:00`)
        : /[zZ]|[+-]\d{2}:\d{2}$/.test(raw)
          ? new Date(raw)
          : new Date(Number.NaN);
      if (Number.isNaN(instant.getTime())) {
        ctx.addIssue({ code: "custom", message: `${label}请按 2026-11-27 23:40 的格式填写` });
        return z.NEVER;
      }
      return instant;
    });

export const isoDate = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}请按 2026-01-31 的格式填写` })
    .refine(
      (s) => {
        try {
          dayNumber(s);
          return s >= "2000-01-01" && s <= "2100-12-31";
        } catch {
          return false;
        }
      },
      { error: `${label}不是有效的日期` },
    );

export const caseInput = z.object({ caseId: uuid("案件编号").optional() }).default({});

export const contactLogInput = z.object({
  debtId: optionalUuid("所属债务"),
  /** Blank: now. */
  occurredAt: z.preprocess((v) => (v === "" ? undefined : v), shanghaiDateTime("联系时间").optional()),
  channel: z.enum(CONTACT_CHANNELS, { error: "请选择联系方式：电话、短信、App 消息、上门或联系亲友" }),
  direction: z.enum(["incoming", "outgoing"], { error: "请选择是对方联系你还是你联系对方" }).default("incoming"),
  contactCount: z.coerce
    .number({ error: "次数请填写数字" })
    .int({ error: "次数请填写整数" })
    .min(1, { error: "次数至少是 1" })
    .max(500, { error: "次数最多 500，次数更多请分几条记录" })
    .default(1),
  answered: z.enum(["yes", "no", "unknown"], { error: "请选择电话是否接通" }).default("unknown"),
  counterpart: text("对方是谁", 80),
  summary: text("对方说了什么", 2000),
  outcome: text("结果", 500),
  promises: text("承诺", 500),
  markers: z
    .array(z.enum(MANUAL_MARKERS, { error: "违规催收标记不正确，请刷新页面后再试" }))
    .max(MANUAL_MARKERS.length)
    .default([]),
});
export type ContactLogInput = z.input<typeof contactLogInput>;

export const idInput = z.object({ id: uuid("编号") });

export const deadlineInput = z.object({
  debtId: optionalUuid("所属债务"),
  kind: z.enum(["answer", "appeal", "paymentOrderObjection"], {
    error: "请选择收到的是起诉状副本、一审判决书还是支付令",
  }),
  receivedOn: isoDate("收到日期"),
  court: text("法院", 80),
  courtCaseNumber: text("案号", 80),
  note: text("备注", 500),
});
export type DeadlineInput = z.input<typeof deadlineInput>;

export const setDeadlineDoneInput = z.object({ id: uuid("期限编号"), done: z.boolean() });
