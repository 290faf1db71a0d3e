import { caseForRead, requireOwnCase } from "@/server/access/case-access";
import { shanghaiToday } from "@/server/domain/time";
import { progressHistory } from "@/server/services/progress";
import {
  addFundEntry,
  checkBorrowing,
  checkIn,
  deleteFundEntry,
  recoveryOverview,
  setChecklistItem,
} from "@/server/services/recovery";
import {
  addFundEntryInput,
  checkBorrowingInput,
  checkInInput,
  fundEntryIdInput,
  recoveryCaseInput,
  setChecklistItemInput,
} from "../schemas/recovery";
import { router, signedInProcedure } from "../trpc";

/**
 * 信用修复: milestones, emergency fund, habits; and the month-by-month progress behind the
 * dashboard's charts. Reads go through caseForRead; writes only ever touch the borrower's own case.
 */
export const recoveryRouter = router({
  /** Milestones, the emergency fund, habit streaks, the checklist and the 50/30/20 split. */
  overview: signedInProcedure.input(recoveryCaseInput).query(async ({ ctx, input }) => {
    const access = await caseForRead(ctx.db, ctx.user, input.caseId);
    return recoveryOverview(ctx.db, access.caseId, shanghaiToday(ctx.now()));
  }),

  /** Remaining debt, payments and the emergency fund month by month, next to the plan. */
  history: signedInProcedure.input(recoveryCaseInput).query(async ({ ctx, input }) => {
    const access = await caseForRead(ctx.db, ctx.user, input.caseId);
    return progressHistory(ctx.db, access.caseId, {
      today: shanghaiToday(ctx.now()),
      includeFund: true,
      recordProjection: access.role === "owner",
    });
  }),

  /** 存入 / 取出 the emergency fund. */
  addFundEntry: signedInProcedure.input(addFundEntryInput).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    return addFundEntry(ctx.db, own.caseId, input, shanghaiToday(ctx.now()));
  }),

  /** Deletes a fund entry made by mistake. */
  deleteFundEntry: signedInProcedure.input(fundEntryIdInput).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    return deleteFundEntry(ctx.db, own.caseId, input.id);
  }),

  /** 今天已记账 / 今天守住了预算 (or take today's check-in back). */
  checkIn: signedInProcedure.input(checkInInput).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    return checkIn(ctx.db, own.caseId, input, shanghaiToday(ctx.now()));
  }),

  /** Checks or unchecks an item of the repayment-account checklist. */
  setChecklistItem: signedInProcedure.input(setChecklistItemInput).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    return setChecklistItem(ctx.db, own.caseId, input, shanghaiToday(ctx.now()));
  }),

  /** Is this new loan a risk of a second default? Pure computation, for any signed-in user. */
  checkBorrowing: signedInProcedure.input(checkBorrowingInput).mutation(({ input }) => checkBorrowing(input)),
});
