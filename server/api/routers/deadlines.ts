import { insertDeadline, setDeadlineDone } from "@/db/queries/protection";
import { caseForRead, requireOwnCase } from "@/server/access/case-access";
import { deadlineDate } from "@/server/domain/legal";
import { shanghaiToday } from "@/server/domain/time";
import { AppError } from "@/server/errors";
import { deadlinesOverview, deadlineView, requireDebtInCase } from "@/server/services/protection";
import { caseInput, deadlineInput, setDeadlineDoneInput } from "../schemas/protection";
import { router, signedInProcedure } from "../trpc";

/** 答辩期限 · 上诉期限 · 支付令异议期限: computed with deadlineDate() from the date of receipt. */
export const deadlinesRouter = router({
  list: signedInProcedure.input(caseInput).query(async ({ ctx, input }) => {
    const access = await caseForRead(ctx.db, ctx.user, input.caseId);
    return deadlinesOverview(ctx.db, access.caseId, shanghaiToday(ctx.now()));
  }),

  create: signedInProcedure.input(deadlineInput).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    await requireDebtInCase(ctx.db, own.caseId, input.debtId);
    const today = shanghaiToday(ctx.now());
    if (input.receivedOn > today) throw new AppError("BAD_INPUT", "收到日期不能晚于今天，请检查日期");
    const row = await insertDeadline(ctx.db, {
      caseId: own.caseId,
      debtId: input.debtId ?? null,
      kind: input.kind,
      receivedOn: input.receivedOn,
      dueOn: deadlineDate(input.kind, input.receivedOn),
      court: input.court,
      courtCaseNumber: input.courtCaseNumber,
      note: input.note,
    });
    return deadlineView(row, today);
  }),

  setDone: signedInProcedure.input(setDeadlineDoneInput).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    const row = await setDeadlineDone(ctx.db, {
      caseId: own.caseId,
      id: input.id,
      doneAt: input.done ? ctx.now() : null,
    });
    if (!row) throw new AppError("NOT_FOUND", "找不到这个期限，可能已经删除了");
    return deadlineView(row, shanghaiToday(ctx.now()));
  }),
});
