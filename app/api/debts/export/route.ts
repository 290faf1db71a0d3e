import type { NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { getSessionUser } from "@/server/auth/session";
import { shanghaiToday } from "@/server/domain/time";
import { AppError } from "@/server/errors";
import { downloadHeaders, exportDebtList } from "@/server/services/debt-transfer";

export const dynamic = "force-dynamic";

const STATUS = { BAD_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 } as const;

function refusal(status: number, message: string) {
  return new Response(message, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

/** 导出债务清单: GET ?format=csv|xlsx → the signed-in borrower's own list as a download. */
export async function GET(request: NextRequest) {
  const format = request.nextUrl.searchParams.get("format");
  if (format !== "csv" && format !== "xlsx") return refusal(400, "请选择导出格式：CSV 或 Excel（.xlsx）");
  const user = await getSessionUser();
  if (!user) return refusal(401, "请先登录，再导出债务清单");
  try {
    const file = await exportDebtList(await getDb(), user, format, shanghaiToday(new Date()));
    return new Response(file.body as BodyInit, { headers: downloadHeaders(file) });
  } catch (err) {
    if (err instanceof AppError && err.code in STATUS) {
      return refusal(STATUS[err.code as keyof typeof STATUS], err.message);
    }
    throw err;
  }
}
