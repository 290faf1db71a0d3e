import { z } from "zod";
import { REBUILD_CHECKLIST_IDS } from "@/server/domain/credit";
import { parsePercent } from "@/server/domain/money";
import { isoDay, money, note, recordId } from "./fields";

export const recoveryCaseInput = z.object({ caseId: recordId("案件编号").optional() }).default({});

export const FUND_DIRECTIONS = ["deposit", "withdrawal"] as const;

/** 存入 / 取出 the emergency fund: the amount is always positive; the direction gives the sign. */
export const addFundEntryInput = z.object({
  direction: z.enum(FUND_DIRECTIONS, { error: "请选择存入还是取出" }),
  amount: money("金额").refine((d) => d.greaterThan(0), { error: "金额要大于 0" }),
  on: isoDay("日期"),
  note: note("备注", 100),
});
export type AddFundEntryFields = z.infer<typeof addFundEntryInput>;

export const fundEntryIdInput = z.object({ id: recordId("应急基金记录") });

export const HABITS = ["spendingLogged", "budgetKept"] as const;

/** 今天已记账 / 今天守住了预算: always today (Asia/Shanghai); `done: false` takes today's check-in back. */
export const checkInInput = z.object({
  habit: z.enum(HABITS, { error: "请选择要打卡的习惯" }),
  done: z.boolean({ error: "请选择打卡或取消打卡" }).default(true),
});

export const setChecklistItemInput = z.object({
  itemId: z
    .string({ error: "清单项目不正确，请刷新页面后再试" })
    .refine((id) => REBUILD_CHECKLIST_IDS.has(id), { error: "清单项目不正确，请刷新页面后再试" }),
  done: z.boolean({ error: "请选择完成或未完成" }),
});

export const LICENSED_ANSWERS = ["yes", "no", "unknown"] as const;

/** The new-borrowing check: the real annual rate in percent (0–1000%) and whether the lender is licensed. */
export const checkBorrowingInput = z.object({
  annualRatePercent: z
    .string({ error: "请填写实际年化利率" })
    .max(20, { error: "实际年化利率太长了" })
    .transform((raw, ctx) => {
      const parsed = parsePercent(raw, { label: "实际年化利率", max: 1000 });
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: parsed.error });
        return z.NEVER;
      }
      return parsed.fraction.toString();
    }),
  licensed: z.enum(LICENSED_ANSWERS, { error: "请选择出借方是否持牌" }).default("unknown"),
});
