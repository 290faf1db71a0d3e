import { Readable } from "node:stream";
import { getDb } from "@/db/client";
import { getSessionUser } from "@/server/auth/session";
import { clientAddress } from "@/server/auth/request-meta";
import { shanghaiToday } from "@/server/domain/time";
import { contentDisposition } from "@/server/evidence/file-names";
import { errorResponse, jsonError, NO_STORE } from "@/server/evidence/http";
import { exportAccountData } from "@/server/services/account";
import { evidenceStore } from "@/server/storage";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * 导出我的数据 (个人信息保护法 第四十五条): GET → one ZIP of everything the signed-in account holds,
 * streamed. Only the account's own data: nothing in the request can aim elsewhere. A request
 * another site starts (Sec-Fetch-Site cross-site / same-site) is refused.
 */
export async function GET(request: Request) {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") {
    return jsonError(403, "拒绝来自其他网站的请求", "FORBIDDEN");
  }
  const user = await getSessionUser();
  if (!user) return jsonError(401, "请先登录，再导出您的数据", "UNAUTHENTICATED");
  try {
    const now = new Date();
    const exported = await exportAccountData(
      await getDb(),
      user.id,
      { ip: clientAddress(request.headers), userAgent: request.headers.get("user-agent") },
      evidenceStore(),
      now,
    );
    if (!exported) return jsonError(401, "请先登录，再导出您的数据", "UNAUTHENTICATED");
    return new Response(Readable.toWeb(exported.stream) as ReadableStream<Uint8Array>, {
      headers: {
        ...NO_STORE,
        "content-type": "application/zip",
        "content-disposition": contentDisposition("attachment", `上岸-我的数据-${shanghaiToday(now)}.zip`),
        "cross-origin-resource-policy": "same-origin",
      },
    });
  } catch (err) {
    return errorResponse(err, "account export");
  }
}
