import { caseForRead, requireOwnCase } from "@/server/access/case-access";
import { shanghaiToday } from "@/server/domain/time";
import { planOverview, planStepsProgress, savePlan, setPlanStep } from "@/server/services/plan";
import { planCaseInput, savePlanInput, setPlanStepInput } from "../schemas/plan";
import { router, signedInProcedure } from "../trpc";

/** 还款计划 and 三个阶段. Reads go through caseForRead; writes only ever touch the borrower's own case. */
export const planRouter = router({
  /** The saved plan recomputed from today's debts and budget, with the strategies side by side. */
  get: signedInProcedure.input(planCaseInput).query(async ({ ctx, input }) => {
    const access = await caseForRead(ctx.db, ctx.user, input.caseId);
    return planOverview(ctx.db, access.caseId, shanghaiToday(ctx.now()));
  }),

  /** Saves strategy, amount, terms and inflows; carries the version it read. */
  save: signedInProcedure.input(savePlanInput).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    return savePlan(ctx.db, own.caseId, input, shanghaiToday(ctx.now()));
  }),

  /** 三个阶段: the checklist, the current stage and its next step. */
  progress: signedInProcedure.input(planCaseInput).query(async ({ ctx, input }) => {
    const access = await caseForRead(ctx.db, ctx.user, input.caseId);
    return planStepsProgress(ctx.db, access.caseId);
  }),

  /** Checks or unchecks one step, with its date and note. */
  setStep: signedInProcedure.input(setPlanStepInput).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    return setPlanStep(ctx.db, own.caseId, input, shanghaiToday(ctx.now()));
  }),
});
