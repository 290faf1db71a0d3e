import { caseForRead, requireOwnCase } from "@/server/access/case-access";
import { shanghaiToday } from "@/server/domain/time";
import { deletePayment, paymentHistory, recordPayment } from "@/server/services/payments";
import { paymentIdInput, paymentsListInput, recordPaymentInput } from "../schemas/payments";
import { router, signedInProcedure } from "../trpc";

/** 还款记录. Reads go through caseForRead; writes only ever touch the borrower's own case. */
export const paymentsRouter = router({
  /** The history of the case (or of one debt), newest first, with totals by month. */
  list: signedInProcedure.input(paymentsListInput).query(async ({ ctx, input }) => {
    const access = await caseForRead(ctx.db, ctx.user, input.caseId);
    return paymentHistory(ctx.db, access.caseId, shanghaiToday(ctx.now()), input.debtId);
  }),

  /** Records a payment: the debt's balance goes down (and the debt is settled at zero). */
  record: signedInProcedure.input(recordPaymentInput).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    return recordPayment(ctx.db, own.caseId, input, shanghaiToday(ctx.now()));
  }),

  /** Deletes a payment entered by mistake; its amount goes back onto the debt. */
  delete: signedInProcedure.input(paymentIdInput).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    return deletePayment(ctx.db, own.caseId, input.id);
  }),
});
