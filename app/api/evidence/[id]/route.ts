import { Readable } from "node:stream";
import { getDb } from "@/db/client";
import { findEvidenceInCase } from "@/db/queries/protection";
import { caseForRead } from "@/server/access/case-access";
import { getSessionUser } from "@/server/auth/session";
import { AppError } from "@/server/errors";
import { contentDisposition } from "@/server/evidence/file-names";
import { typeOfMime } from "@/server/evidence/file-types";
import { errorResponse, notFound } from "@/server/evidence/http";
import { evidenceStore } from "@/server/storage";

export const runtime = "nodejs";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * 下载证据: `/api/evidence/<id>` (the borrower's own case) or `?case=<caseId>` (a counselor with a
 * share). Without access the answer is the same 404 as for a file that does not exist.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const url = new URL(request.url);
  const caseId = url.searchParams.get("case") ?? undefined;
  const user = await getSessionUser();
  if (!user || !UUID.test(id) || (caseId !== undefined && !UUID.test(caseId))) return notFound();
  try {
    const db = await getDb();
    const access = await caseForRead(db, user, caseId);
    const row = await findEvidenceInCase(db, { caseId: access.caseId, id });
    if (!row) return notFound();
    const blob = await evidenceStore().read(row.storageKey);
    if (!blob) return notFound();
    const type = typeOfMime(row.mimeType);
    const inline = (type?.inline ?? false) && url.searchParams.get("download") !== "1";
    return new Response(Readable.toWeb(blob.stream) as ReadableStream<Uint8Array>, {
      status: 200,
      headers: {
        "content-type": row.mimeType,
        "content-length": String(blob.size),
        "content-disposition": contentDisposition(inline ? "inline" : "attachment", row.displayName),
        "x-content-type-options": "nosniff",
        "cache-control": "no-store",
        "cross-origin-resource-policy": "same-origin",
        "content-security-policy": "default-src 'none'; img-src 'self'; media-src 'self'; sandbox",
        "x-evidence-sha256": row.sha256,
      },
    });
  } catch (err) {
    if (err instanceof AppError && (err.code === "NOT_FOUND" || err.code === "FORBIDDEN")) return notFound();
    return errorResponse(err, "evidence download");
  }
}
