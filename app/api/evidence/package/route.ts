import { Readable } from "node:stream";
import { getDb } from "@/db/client";
import { findUserById } from "@/db/queries/users";
import { caseForRead } from "@/server/access/case-access";
import { getSessionUser } from "@/server/auth/session";
import { shanghaiToday } from "@/server/domain/time";
import { AppError } from "@/server/errors";
import { contentDisposition } from "@/server/evidence/file-names";
import { errorResponse, notFound } from "@/server/evidence/http";
import { evidencePackage } from "@/server/evidence/package";
import { evidenceStore } from "@/server/storage";

export const runtime = "nodejs";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 证据包: every file, a manifest with each SHA-256, time and description, and the complaint text. Streamed. */
export async function GET(request: Request) {
  const caseParam = new URL(request.url).searchParams.get("case") ?? undefined;
  const user = await getSessionUser();
  if (!user || (caseParam !== undefined && !UUID.test(caseParam))) return notFound();
  try {
    const db = await getDb();
    const access = await caseForRead(db, user, caseParam);
    const now = new Date();
    // The complaint is the borrower's, also when a counselor downloads the package.
    const borrowerName = (await findUserById(db, access.ownerId))?.displayName ?? user.name ?? "";
    const out = await evidencePackage({ db, store: evidenceStore(), caseId: access.caseId, borrowerName, now });
    return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
      headers: {
        "content-type": "application/zip",
        "content-disposition": contentDisposition("attachment", `证据包-${shanghaiToday(now)}.zip`),
        "x-content-type-options": "nosniff",
        "cache-control": "no-store",
        "cross-origin-resource-policy": "same-origin",
      },
    });
  } catch (err) {
    if (err instanceof AppError && (err.code === "NOT_FOUND" || err.code === "FORBIDDEN")) return notFound();
    return errorResponse(err, "evidence package");
  }
}
