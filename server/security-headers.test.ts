import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "./security-headers";

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
