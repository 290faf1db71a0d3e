import { describe, expect, it } from "vitest";
import { config } from "@/proxy";
import { contentSecurityPolicy, ROUTES_WITHOUT_PROXY, securityHeaders, withSecurityHeaders } from "./security-headers";

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce, never inline, and forbids framing", () => {
    const csp = contentSecurityPolicy("abc123", { dev: false });
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src"));
    expect(scriptSrc).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(scriptSrc).not.toContain("unsafe-inline");
  });
  it("allows eval only in development", () => {
    expect(contentSecurityPolicy("n", { dev: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy("n", { dev: false })).not.toContain("'unsafe-eval'");
  });
});

describe("securityHeaders", () => {
  it("sends HSTS only in production", () => {
    const names = (production: boolean) => securityHeaders({ production, path: "/" }).map(([n]) => n);
    expect(names(true)).toContain("strict-transport-security");
    expect(names(false)).not.toContain("strict-transport-security");
  });
  it("sends no referrer and no-index from the progress page", () => {
    const share = new Map(securityHeaders({ production: true, path: "/share/x" }));
    expect(share.get("referrer-policy")).toBe("no-referrer");
    expect(share.get("x-robots-tag")).toContain("noindex");
    expect(new Map(securityHeaders({ production: true, path: "/debts" })).get("referrer-policy")).toBe(
      "strict-origin-when-cross-origin",
    );
  });
});

describe("the proxy's matcher", () => {
  const matches = (path: string) => new RegExp(`^${config.matcher[0]?.source}$`).test(path);

  it("runs on pages and API routes, not on static files", () => {
    for (const path of ["/", "/dashboard", "/share/abc", "/api/health", "/api/trpc/debts.list", "/api/evidence/123"]) {
      expect(matches(path), path).toBe(true);
    }
    expect(matches("/_next/static/chunks/a.js")).toBe(false);
  });

  it("skips exactly the routes that set the headers themselves", () => {
    for (const path of ROUTES_WITHOUT_PROXY) expect(matches(path), path).toBe(false);
    expect(matches("/api/evidence/upload-status")).toBe(true);
  });
});

describe("withSecurityHeaders", () => {
  it("puts a nonce CSP and the other headers on a route's own response", () => {
    const response = withSecurityHeaders(Response.json({ ok: true }), "/api/evidence/upload");
    expect(response.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });
});
