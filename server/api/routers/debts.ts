import { caseForRead, requireOwnCase } from "@/server/access/case-access";
import { shanghaiToday } from "@/server/domain/time";
import {
  createDebt,
  debtDetail,
  debtOverview,
  setDebtArchived,
  setDebtStatus,
  updateDebt,
} from "@/server/services/debts";
import { z } from "zod";
import {
  archiveDebtInput,
  caseInput,
  debtFields,
  debtIdInput,
  setDebtStatusInput,
  updateDebtInput,
} from "../schemas/debts";
import { router, signedInProcedure } from "../trpc";

/** 债务清单. Reads go through caseForRead; writes only ever touch the borrower's own case. */
export const debtsRouter = router({
  list: signedInProcedure.input(caseInput).query(async ({ ctx, input }) => {
    const access = await caseForRead(ctx.db, ctx.user, input.caseId);
    return debtOverview(ctx.db, access.caseId, shanghaiToday(ctx.now()));
  }),

  get: signedInProcedure
    .input(debtIdInput.extend({ caseId: z.uuid({ error: "案件编号不正确" }).optional() }))
    .query(async ({ ctx, input }) => {
      const access = await caseForRead(ctx.db, ctx.user, input.caseId);
      return debtDetail(ctx.db, access.caseId, input.id, shanghaiToday(ctx.now()));
    }),

  create: signedInProcedure.input(debtFields).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    return createDebt(ctx.db, own.caseId, input);
  }),

  update: signedInProcedure.input(updateDebtInput).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    return updateDebt(ctx.db, { caseId: own.caseId, debtId: input.id, version: input.version }, input.fields);
  }),

  /** 暂停 / 结清 / 协商中 …: a status change also carries the version it read. */
  setStatus: signedInProcedure.input(setDebtStatusInput).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    return setDebtStatus(
      ctx.db,
      { caseId: own.caseId, debtId: input.id, version: input.version },
      input.status,
      shanghaiToday(ctx.now()),
    );
  }),

  /** 归档: hidden from the list and the totals, kept for the record; can be restored. */
  setArchived: signedInProcedure.input(archiveDebtInput).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    return setDebtArchived(ctx.db, { caseId: own.caseId, debtId: input.id, version: input.version }, input.archived);
  }),
});
