import { deleteContactLog, insertContactLog } from "@/db/queries/protection";
import { caseForRead, requireOwnCase } from "@/server/access/case-access";
import { AppError } from "@/server/errors";
import { contactLogOverview, requireDebtInCase } from "@/server/services/protection";
import { caseInput, contactLogInput, idInput } from "../schemas/protection";
import { router, signedInProcedure } from "../trpc";

/** 沟通记录 with 违规催收标记. Reads through caseForRead; writes only to the borrower's own case. */
export const contactLogRouter = router({
  list: signedInProcedure.input(caseInput).query(async ({ ctx, input }) => {
    const access = await caseForRead(ctx.db, ctx.user, input.caseId);
    return contactLogOverview(ctx.db, access.caseId);
  }),

  create: signedInProcedure.input(contactLogInput).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    await requireDebtInCase(ctx.db, own.caseId, input.debtId);
    const now = ctx.now();
    const occurredAt = input.occurredAt ?? now;
    if (occurredAt.getTime() > now.getTime() + 5 * 60_000) {
      throw new AppError("BAD_INPUT", "联系时间不能晚于现在，请检查日期和时间");
    }
    const row = await insertContactLog(ctx.db, {
      caseId: own.caseId,
      debtId: input.debtId ?? null,
      occurredAt,
      channel: input.channel,
      direction: input.direction,
      contactCount: input.contactCount,
      answered: input.channel === "phone" ? input.answered : "unknown",
      counterpart: input.counterpart,
      summary: input.summary,
      outcome: input.outcome,
      promises: input.promises,
      markers: [...new Set(input.markers)],
    });
    return { id: row.id };
  }),

  delete: signedInProcedure.input(idInput).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    if (!(await deleteContactLog(ctx.db, { caseId: own.caseId, id: input.id }))) {
      throw new AppError("NOT_FOUND", "找不到这条沟通记录，可能已经删除了");
    }
    return { id: input.id };
  }),
});
