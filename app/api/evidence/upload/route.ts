import { getDb } from "@/db/client";
import { requireOwnCase } from "@/server/access/case-access";
import { foreignOriginRefusal, ownOrigins } from "@/server/api/same-origin";
import { getSessionUser } from "@/server/auth/session";
import { errorResponse, jsonError, NO_STORE } from "@/server/evidence/http";
import { receiveEvidenceUpload } from "@/server/evidence/upload";
import { evidenceView } from "@/server/services/protection";
import { withSecurityHeaders } from "@/server/security-headers";
import { evidenceStore } from "@/server/storage";

export const runtime = "nodejs";

const PATH = "/api/evidence/upload";

/**
 * 上传证据: multipart, streamed; see server/evidence/upload.ts. The proxy skips this route (it would
 * buffer the body), so the security headers are set here.
 */
export async function POST(request: Request) {
  return withSecurityHeaders(await receive(request), PATH);
}

async function receive(request: Request): Promise<Response> {
  const refusal = foreignOriginRefusal(request, ownOrigins(request));
  if (refusal) return jsonError(403, refusal, "FORBIDDEN");
  const user = await getSessionUser();
  if (!user) return jsonError(401, "请先登录", "UNAUTHENTICATED");
  try {
    const db = await getDb();
    const own = await requireOwnCase(db, user);
    const result = await receiveEvidenceUpload({
      db,
      store: evidenceStore(),
      caseId: own.caseId,
      body: request.body,
      headers: request.headers,
      now: () => new Date(),
    });
    const body = { saved: result.saved.map(evidenceView), refused: result.refused };
    if (result.saved.length === 0) {
      return Response.json(
        { ...body, error: { message: result.refused[0]?.reason ?? "文件没有保存", code: "BAD_INPUT" } },
        { status: 400, headers: NO_STORE },
      );
    }
    return Response.json(body, { status: 201, headers: NO_STORE });
  } catch (err) {
    return errorResponse(err, "evidence upload");
  }
}
