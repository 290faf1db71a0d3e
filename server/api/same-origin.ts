/**
 * State-changing calls are accepted only as JSON from our own origin. A cross-site HTML form can
 * send neither a JSON content type nor our Origin, so it never reaches a procedure (CSRF).
 * Returns a Chinese reason when the request must be refused, or null.
 */
export function crossSiteRefusal(
  request: { method: string; headers: Headers },
  allowedOrigins: readonly string[],
): string | null {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return null;
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("application/json")) {
    return "请求格式不正确：只接受 JSON";
  }
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin") return "拒绝来自其他网站的请求";
  const origin = request.headers.get("origin");
  if (!origin || !allowedOrigins.includes(origin)) return "拒绝来自其他网站的请求";
  return null;
}
