import { z } from "zod";
import { isoDay, money, note, recordId } from "./fields";

export const recordPaymentInput = z.object({
  debtId: recordId("所属债务"),
  amount: money("还款金额").refine((d) => d.greaterThan(0), { error: "还款金额要大于 0" }),
  paidOn: isoDay("还款日期"),
  note: note("备注", 200),
});
export type RecordPaymentFields = z.infer<typeof recordPaymentInput>;

export const paymentIdInput = z.object({ id: recordId("还款记录") });

export const paymentsListInput = z
  .object({
    caseId: recordId("案件编号").optional(),
    debtId: recordId("所属债务").optional(),
  })
  .default({});
