/**
 * Field validators shared by the input schemas: every message is in Chinese and says what to fix.
 */
import { z } from "zod";
import { dayNumber } from "@/server/domain/legal";
import { parseMoney } from "@/server/domain/money";

export const noControlChars = (s: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s);

/** An amount typed by a person ("12,345.6", "1.2万", full-width digits) → exact Decimal. */
export const money = (label: string) =>
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

/** A calendar day "YYYY-MM-DD" between 2000 and 2100. */
export const isoDay = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
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

/** Free text up to `max` characters, trimmed, without control characters; blank allowed. */
export const note = (label: string, max: number) =>
  z
    .string({ error: `${label}格式不正确` })
    .trim()
    .max(max, { error: `${label}最多 ${max} 个字` })
    .refine(noControlChars, { error: `${label}里不能有控制字符` })
    .default("");

export const recordId = (label: string) => z.uuid({ error: `${label}不正确，请刷新页面后再试` });
