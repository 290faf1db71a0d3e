import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce, securityHeaders } from "@/server/security-headers";

/**
 * Runs before every page and API route: a fresh CSP nonce per request (Next reads it from the
 * request's CSP header and puts it on its own scripts), and the security headers on every response.
 * Except the evidence upload (ROUTES_WITHOUT_PROXY): a proxy makes Next buffer the request body and
 * cut it at 10 MB, so that route streams unproxied and sets the same headers itself.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const dev = process.env.NODE_ENV !== "production";
  const csp = contentSecurityPolicy(nonce, { dev });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });

  response.headers.set("content-security-policy", csp);
  for (const [name, value] of securityHeaders({
    production: !dev,
    path: request.nextUrl.pathname,
  })) {
    response.headers.set(name, value);
  }
  return response;
}

export const config = {
  // Keep in step with ROUTES_WITHOUT_PROXY (a literal: Next reads the matcher at build time).
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/evidence/upload$).*)" }],
};
