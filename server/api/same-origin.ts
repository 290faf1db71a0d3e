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
  return foreignOriginRefusal(request, allowedOrigins);
}

/**
 * The origin half of the rule, for state-changing requests that cannot be JSON (multipart
 * uploads): Sec-Fetch-Site, when sent, must be same-origin, and Origin must be one of ours.
 */
export function foreignOriginRefusal(
  request: { method: string; headers: Headers },
  allowedOrigins: readonly string[],
): string | null {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return null;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin") return "拒绝来自其他网站的请求";
  const origin = request.headers.get("origin");
  if (!origin || !allowedOrigins.includes(origin)) return "拒绝来自其他网站的请求";
  return null;
}

/** Our own origin as the browser addressed it (Host header), plus the configured public one. */
export function ownOrigins(request: { url: string; headers: Headers }): string[] {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0] ?? url.protocol.replace(/:$/, "");
  const origins = [url.origin];
  if (host) origins.push(`${proto}://${host}`);
  if (process.env.NEXTAUTH_URL) origins.push(new URL(process.env.NEXTAUTH_URL).origin);
  return origins;
}
