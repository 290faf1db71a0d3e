/**
 * The security headers every response carries. Pure, so they are unit-tested as well as checked
 * end to end.
 */

/** Scripts only with this request's nonce (no 'unsafe-inline' scripts); nothing may frame us. */
export function contentSecurityPolicy(nonce: string, { dev }: { dev: boolean }): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets Next's nonce-carrying bootstrap load its own chunks. React's dev build needs eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Style attributes (e.g. a progress bar's width) cannot carry nonces.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(dev ? [] : ["upgrade-insecure-requests"]),
  ].join("; ");
}

export function securityHeaders({ production, path }: { production: boolean; path: string }): [string, string][] {
  const headers: [string, string][] = [
    // The progress page sends no referrer at all; elsewhere only our origin, never the path.
    ["referrer-policy", path.startsWith("/share/") ? "no-referrer" : "strict-origin-when-cross-origin"],
    ["x-content-type-options", "nosniff"],
    ["x-frame-options", "DENY"],
    ["permissions-policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"],
    ["cross-origin-opener-policy", "same-origin"],
  ];
  if (path.startsWith("/share/")) headers.push(["x-robots-tag", "noindex, nofollow"]);
  if (production) headers.push(["strict-transport-security", "max-age=31536000; includeSubDomains"]);
  return headers;
}

/** A fresh nonce for one response's Content-Security-Policy. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * Routes the proxy does not run on: the streamed evidence upload. For any request it runs on, Next
 * holds the whole body in memory first and cuts it off at 10 MB, so the upload is left out of its
 * matcher and sets the same headers on its own response here.
 */
export const ROUTES_WITHOUT_PROXY = ["/api/evidence/upload"] as const;

/** The headers the proxy sets, on a response of a route it does not run on. */
export function withSecurityHeaders(response: Response, path: string): Response {
  const dev = process.env.NODE_ENV !== "production";
  response.headers.set("content-security-policy", contentSecurityPolicy(newNonce(), { dev }));
  for (const [name, value] of securityHeaders({ production: !dev, path })) response.headers.set(name, value);
  return response;
}
