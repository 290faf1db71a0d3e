import { deleteEvidence, findAgreementInCase, findContactLogInCase, setEvidenceLinks } from "@/db/queries/protection";
import { caseForRead, requireOwnCase } from "@/server/access/case-access";
import { AppError } from "@/server/errors";
import { DEFAULT_UPLOAD_LIMITS, formatBytes } from "@/server/evidence/upload";
import { ALLOWED_TYPES_TEXT } from "@/server/evidence/file-types";
import { evidenceOverview, evidenceView } from "@/server/services/protection";
import { evidenceStore } from "@/server/storage";
import { caseInput, idInput } from "../schemas/protection";
import { evidenceLinksInput } from "../schemas/protection-records";
import { router, signedInProcedure } from "../trpc";

/** 证据: listing and deleting. Uploads and downloads stream through app/api/evidence/. */
export const evidenceRouter = router({
  list: signedInProcedure.input(caseInput).query(async ({ ctx, input }) => {
    const access = await caseForRead(ctx.db, ctx.user, input.caseId);
    const overview = await evidenceOverview(ctx.db, access.caseId);
    return {
      ...overview,
      caseId: access.caseId,
      limits: {
        maxFileBytes: DEFAULT_UPLOAD_LIMITS.maxFileBytes,
        caseQuotaBytes: DEFAULT_UPLOAD_LIMITS.caseQuotaBytes,
        text: `每个文件最多 ${formatBytes(DEFAULT_UPLOAD_LIMITS.maxFileBytes)}，每个案件共 ${formatBytes(DEFAULT_UPLOAD_LIMITS.caseQuotaBytes)}，一次最多 ${DEFAULT_UPLOAD_LIMITS.maxFilesPerRequest} 个文件`,
        allowedTypes: ALLOWED_TYPES_TEXT,
      },
    };
  }),

  /** The row goes first (in one statement); then the blob. A crash in between leaves an orphan blob the sweep removes. */
  delete: signedInProcedure.input(idInput).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    const row = await deleteEvidence(ctx.db, { caseId: own.caseId, id: input.id });
    if (!row) throw new AppError("NOT_FOUND", "找不到这份证据，可能已经删除了");
    await evidenceStore().remove(row.storageKey);
    return { id: row.id };
  }),

  /** Links a file to the contact-log entry and/or agreement it proves (null unlinks). Both must be in the case. */
  setLinks: signedInProcedure.input(evidenceLinksInput).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    if (input.contactLogId && !(await findContactLogInCase(ctx.db, { caseId: own.caseId, id: input.contactLogId }))) {
      throw new AppError("NOT_FOUND", "找不到所选的沟通记录，请刷新页面后重新选择");
    }
    if (input.agreementId && !(await findAgreementInCase(ctx.db, { caseId: own.caseId, id: input.agreementId }))) {
      throw new AppError("NOT_FOUND", "找不到所选的协议，请刷新页面后重新选择");
    }
    const row = await setEvidenceLinks(ctx.db, {
      caseId: own.caseId,
      id: input.id,
      contactLogId: input.contactLogId,
      agreementId: input.agreementId,
    });
    if (!row) throw new AppError("NOT_FOUND", "找不到这份证据，可能已经删除了");
    return evidenceView(row);
  }),
});
