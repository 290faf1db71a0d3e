import { caseForRead, requireCounselorOnCase, requireOwnCase } from "@/server/access/case-access";
import { shanghaiToday } from "@/server/domain/time";
import { progressSummary } from "@/server/services/progress";
import {
  accessLogOfCase,
  addNote,
  counselorClients,
  createProgressLink,
  invitationsFor,
  inviteCounselor,
  linksOfCase,
  notesOfCase,
  recordCounselorView,
  respondToInvitation,
  revokeProgressLink,
  revokeShare,
  setNoteDone,
  sharesOfCase,
} from "@/server/services/sharing";
import {
  addNoteInput,
  createLinkInput,
  inviteInput,
  linkIdInput,
  noteDoneInput,
  optionalCaseInput,
  respondInput,
  shareIdInput,
} from "../schemas/sharing";
import { counselorProcedure, router, signedInProcedure } from "../trpc";

/** The borrower's side: who may see the case, progress links, the access log. Owner only. */
export const sharingRouter = router({
  shares: signedInProcedure.query(async ({ ctx }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    return sharesOfCase(ctx.db, own.caseId);
  }),
  invite: signedInProcedure.input(inviteInput).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    return inviteCounselor(ctx.db, own.caseId, ctx.user.email, input.email);
  }),
  revoke: signedInProcedure.input(shareIdInput).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    return revokeShare(ctx.db, own.caseId, input.shareId);
  }),
  accessLog: signedInProcedure.query(async ({ ctx }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    return accessLogOfCase(ctx.db, own.caseId);
  }),
  links: signedInProcedure.query(async ({ ctx }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    return linksOfCase(ctx.db, own.caseId, ctx.now());
  }),
  /** Returns the token once; only its hash is stored. */
  createLink: signedInProcedure.input(createLinkInput).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    return createProgressLink(ctx.db, own.caseId, input, ctx.now());
  }),
  revokeLink: signedInProcedure.input(linkIdInput).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    return revokeProgressLink(ctx.db, own.caseId, input.linkId);
  }),
});

/** The counselor's side: invitations and clients. */
export const counselorRouter = router({
  invitations: counselorProcedure.query(({ ctx }) => invitationsFor(ctx.db, ctx.user)),
  respond: counselorProcedure
    .input(respondInput)
    .mutation(({ ctx, input }) => respondToInvitation(ctx.db, ctx.user, input.shareId, input.accept)),
  clients: counselorProcedure.query(({ ctx }) => counselorClients(ctx.db, ctx.user, shanghaiToday(ctx.now()))),
  /** Opening a client's case: checked, and recorded in the borrower's access log. */
  openCase: counselorProcedure.input(addNoteInput.pick({ caseId: true })).mutation(async ({ ctx, input }) => {
    const access = await requireCounselorOnCase(ctx.db, ctx.user, input.caseId);
    await recordCounselorView(ctx.db, access.caseId, ctx.user.id, "case");
    return { caseId: access.caseId };
  }),
});

/** 顾问建议: counselors write, borrowers read and mark done. */
export const notesRouter = router({
  list: signedInProcedure.input(optionalCaseInput).query(async ({ ctx, input }) => {
    const access = await caseForRead(ctx.db, ctx.user, input.caseId);
    return notesOfCase(ctx.db, access.caseId);
  }),
  add: signedInProcedure.input(addNoteInput).mutation(async ({ ctx, input }) => {
    const access = await requireCounselorOnCase(ctx.db, ctx.user, input.caseId);
    return addNote(ctx.db, access.caseId, ctx.user.id, input.body);
  }),
  setDone: signedInProcedure.input(noteDoneInput).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    return setNoteDone(ctx.db, own.caseId, input.noteId, input.done);
  }),
});

export const progressRouter = router({
  summary: signedInProcedure.input(optionalCaseInput).query(async ({ ctx, input }) => {
    const access = await caseForRead(ctx.db, ctx.user, input.caseId);
    return progressSummary(ctx.db, access.caseId, { now: ctx.now(), showPlatforms: true });
  }),
});
