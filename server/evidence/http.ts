import { AppError, type AppErrorCode } from "@/server/errors";

const STATUS: Record<AppErrorCode, number> = {
  BAD_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};

export const NO_STORE = { "cache-control": "no-store", "x-content-type-options": "nosniff" };

export function jsonError(status: number, message: string, code = "BAD_REQUEST"): Response {
  return Response.json({ error: { message, code } }, { status, headers: NO_STORE });
}

/** AppErrors become their status with the Chinese message; anything else is logged and hidden. */
export function errorResponse(err: unknown, where: string): Response {
  if (err instanceof AppError) return jsonError(STATUS[err.code], err.message, err.code);
  console.error(`[${where}]`, err);
  return jsonError(500, "服务器出了点问题，您的数据没有丢失。请稍后再试。", "INTERNAL");
}

/** The one answer for "does not exist" and "not yours": no existence leak. */
export function notFound(): Response {
  return new Response("找不到这份证据", {
    status: 404,
    headers: { ...NO_STORE, "content-type": "text/plain; charset=utf-8" },
  });
}
