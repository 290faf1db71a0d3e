import { z } from "zod";
import { requireOwnCase } from "@/server/access/case-access";
import {
  commitDebtImport,
  IMPORT_MAX_BYTES,
  previewDebtImport,
  tooLargeMessage,
} from "@/server/services/debt-transfer";
import { router, signedInProcedure } from "../trpc";

/** Base64 of IMPORT_MAX_BYTES bytes is at most this long. */
const MAX_BASE64_LENGTH = Math.ceil(IMPORT_MAX_BYTES / 3) * 4;

/** The uploaded file: its bytes as base64 (JSON only reaches our API, see same-origin.ts). */
export const importFileInput = z.object({
  fileName: z.string().max(255, { error: "文件名太长了" }).default(""),
  contentBase64: z
    .string({ error: "请选择要导入的文件" })
    .min(1, { error: "这个文件是空的" })
    .max(MAX_BASE64_LENGTH, { error: tooLargeMessage() })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: "文件内容没有传完整，请重新选择文件" }),
});

function bytesOf(input: z.output<typeof importFileInput>): Uint8Array {
  return new Uint8Array(Buffer.from(input.contentBase64, "base64"));
}

/**
 * 导入债务清单. Both steps take the whole file: the preview saves nothing, and the commit parses and
 * validates the same content again on the server before saving all rows in one transaction.
 * Only a borrower imports, and only into their own case.
 */
export const debtTransferRouter = router({
  preview: signedInProcedure.input(importFileInput).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    return previewDebtImport(ctx.db, own.caseId, bytesOf(input));
  }),

  commit: signedInProcedure.input(importFileInput).mutation(async ({ ctx, input }) => {
    const own = await requireOwnCase(ctx.db, ctx.user);
    return commitDebtImport(ctx.db, own.caseId, bytesOf(input));
  }),
});
