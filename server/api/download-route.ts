import type { NextRequest } from "next/server";
import { getDb, type Database } from "@/db/client";
import { getSessionUser, type SessionUser } from "@/server/auth/session";
import { shanghaiToday } from "@/server/domain/time";
import { AppError } from "@/server/errors";
import { downloadHeaders, type DownloadFile, type TransferFormat } from "@/server/services/debt-transfer";

const STATUS = { BAD_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 } as const;

function refusal(status: number, message: string) {
  return new Response(message, {
    status,
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/**
 * A GET route that downloads one of the signed-in borrower's own files as CSV or Excel
 * (?format=csv|xlsx); refusals are plain Chinese text with the matching status.
 */
export function downloadRoute(
  what: string,
  make: (
    db: Database,
    user: SessionUser,
    format: TransferFormat,
    today: string,
    request: NextRequest,
  ) => Promise<DownloadFile>,
) {
  return async function GET(request: NextRequest) {
    const format = request.nextUrl.searchParams.get("format");
    if (format !== "csv" && format !== "xlsx") return refusal(400, "请选择导出格式：CSV 或 Excel（.xlsx）");
    const user = await getSessionUser();
    if (!user) return refusal(401, `请先登录，再导出${what}`);
    try {
      const file = await make(await getDb(), user, format, shanghaiToday(new Date()), request);
      return new Response(file.body as BodyInit, { headers: downloadHeaders(file) });
    } catch (err) {
      if (err instanceof AppError && err.code in STATUS) {
        return refusal(STATUS[err.code as keyof typeof STATUS], err.message);
      }
      throw err;
    }
  };
}
