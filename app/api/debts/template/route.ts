import type { NextRequest } from "next/server";
import { downloadHeaders, templateFile } from "@/server/services/debt-transfer";

export const dynamic = "force-dynamic";

/** 债务清单模板: GET ?format=csv|xlsx. The same for everyone: holds no one's data. */
export async function GET(request: NextRequest) {
  const format = request.nextUrl.searchParams.get("format");
  if (format !== "csv" && format !== "xlsx") {
    return new Response("请选择模板格式：CSV 或 Excel（.xlsx）", {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  const file = await templateFile(format);
  return new Response(file.body as BodyInit, { headers: downloadHeaders(file) });
}
