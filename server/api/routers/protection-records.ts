import {
  appendComplaintFollowUp,
  deleteAgreement,
  deleteComplaint,
  insertAgreement,
  insertComplaint,
  setComplaintReplied,
} from "@/db/queries/protection";
import { listDebtsOfCase } from "@/db/queries/debts";
import { caseForRead, requireOwnCase } from "@/server/access/case-access";
import { shanghaiToday } from "@/server/domain/time";
import { AppError } from "@/server/errors";
import { requireDebtInCase } from "@/server/services/protection";
import {
  agreementsOverview,
  agreementView,
  complaintDraft,
  complaintsOverview,
  complaintView,
  negotiationDraft,
} from "@/server/services/protection-records";
import { caseInput, idInput } from "../schemas/protection";
import {
  agreementInput,
  complaintFollowUpInput,
  complaintInput,
  complaintRepliedInput,
  negotiationDraftInput,
} from "../schemas/protection-records";
import { router, signedInProcedure } from "../trpc";

const AGREEMENT_NOT_FOUND = "找不到这份协议，可能已经删除了";
const COMPLAINT_NOT_FOUND = "找不到这条投诉记录，可能已经删除了";

async function platformMap(db: Parameters<typeof listDebtsOfCase>[0], caseId: string) {
  return new Map((await listDebtsOfCase(db, caseId)).map((d) => [d.id, d.platform]));
}

/** 协议 (停催、分期、减免、延期) with the evidence that proves them; and the 协商还款申请书 draft. */
export const agreementsRouter = router({
  list: signedInProcedure.input(caseInput).query(async ({ ctx, input }) => {
    const access = await caseForRead(ctx.db, ctx.user, input.caseId);
    return agreementsOverview(ctx.db, access.caseId, shanghaiToday(ctx.now()));
  }),

  create: signedInProcedure.input(agreementInput).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    await requireDebtInCase(ctx.db, own.caseId, input.debtId);
    const today = shanghaiToday(ctx.now());
    if (input.agreedOn > today) throw new AppError("BAD_INPUT", "达成日期不能晚于今天，请检查日期");
    const row = await insertAgreement(ctx.db, {
      caseId: own.caseId,
      debtId: input.debtId,
      kind: input.kind,
      terms: input.terms,
      amount: input.amount ?? null,
      agreedOn: input.agreedOn,
      startsOn: input.startsOn ?? null,
      endsOn: input.endsOn ?? null,
    });
    return agreementView(row, today, await platformMap(ctx.db, own.caseId));
  }),

  /** The agreement goes; evidence linked to it stays (unlinked). */
  delete: signedInProcedure.input(idInput).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    if (!(await deleteAgreement(ctx.db, { caseId: own.caseId, id: input.id }))) {
      throw new AppError("NOT_FOUND", AGREEMENT_NOT_FOUND);
    }
    return { id: input.id };
  }),

  /** The facts for 协商还款申请书 for one debt (or the first open one); the page builds the text. */
  negotiationDraft: signedInProcedure.input(negotiationDraftInput).query(async ({ ctx, input }) => {
    const access = await caseForRead(ctx.db, ctx.user, input.caseId);
    const now = ctx.now();
    return negotiationDraft(ctx.db, access, input.debtId, now, shanghaiToday(now));
  }),
});

/** 投诉记录: where and when a complaint was filed, and the reply expected; and the 投诉材料 draft. */
export const complaintsRouter = router({
  list: signedInProcedure.input(caseInput).query(async ({ ctx, input }) => {
    const access = await caseForRead(ctx.db, ctx.user, input.caseId);
    return complaintsOverview(ctx.db, access.caseId, shanghaiToday(ctx.now()));
  }),

  create: signedInProcedure.input(complaintInput).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    await requireDebtInCase(ctx.db, own.caseId, input.debtId);
    const today = shanghaiToday(ctx.now());
    if (input.filedOn > today) throw new AppError("BAD_INPUT", "投诉日期不能晚于今天，请检查日期");
    const row = await insertComplaint(ctx.db, {
      caseId: own.caseId,
      debtId: input.debtId ?? null,
      channel: input.channel,
      filedOn: input.filedOn,
      referenceNumber: input.referenceNumber,
      expectedReplyBy: input.expectedReplyBy ?? null,
      followUps: input.followUps,
    });
    return complaintView(row, today, await platformMap(ctx.db, own.caseId));
  }),

  /** Appends "YYYY-MM-DD：note" to the follow-ups. */
  addFollowUp: signedInProcedure.input(complaintFollowUpInput).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    const today = shanghaiToday(ctx.now());
    const row = await appendComplaintFollowUp(ctx.db, {
      caseId: own.caseId,
      id: input.id,
      line: `${today}：${input.note.replace(/\s*\n\s*/g, " ")}`,
    });
    if (!row) throw new AppError("NOT_FOUND", COMPLAINT_NOT_FOUND);
    return complaintView(row, today, await platformMap(ctx.db, own.caseId));
  }),

  setReplied: signedInProcedure.input(complaintRepliedInput).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    const row = await setComplaintReplied(ctx.db, {
      caseId: own.caseId,
      id: input.id,
      repliedAt: input.replied ? ctx.now() : null,
    });
    if (!row) throw new AppError("NOT_FOUND", COMPLAINT_NOT_FOUND);
    return complaintView(row, shanghaiToday(ctx.now()), await platformMap(ctx.db, own.caseId));
  }),

  delete: signedInProcedure.input(idInput).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    if (!(await deleteComplaint(ctx.db, { caseId: own.caseId, id: input.id }))) {
      throw new AppError("NOT_FOUND", COMPLAINT_NOT_FOUND);
    }
    return { id: input.id };
  }),

  /** The facts, timeline and evidence list for 投诉材料, with the channels; the page builds the text. */
  draft: signedInProcedure.input(caseInput).query(async ({ ctx, input }) => {
    const access = await caseForRead(ctx.db, ctx.user, input.caseId);
    return complaintDraft(ctx.db, access, ctx.now());
  }),
});
