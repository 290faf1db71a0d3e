import { caseForRead, requireOwnCase } from "@/server/access/case-access";
import { budgetOverview, saveBudget } from "@/server/services/budget";
import { budgetCaseInput, saveBudgetInput } from "../schemas/budget";
import { router, signedInProcedure } from "../trpc";

/** 收支预算. Reads go through caseForRead; writes only ever touch the borrower's own case. */
export const budgetRouter = router({
  get: signedInProcedure.input(budgetCaseInput).query(async ({ ctx, input }) => {
    const access = await caseForRead(ctx.db, ctx.user, input.caseId);
    return budgetOverview(ctx.db, access.caseId);
  }),

  /** Replaces the whole list of lines at once. */
  save: signedInProcedure.input(saveBudgetInput).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    return saveBudget(ctx.db, own.caseId, input.items);
  }),
});
