import { expect, test, type Page } from "@playwright/test";
import { signUp, uniqueEmail } from "./support/auth";
import { addDebt } from "./support/debts";

/** Records every CSP violation the page reports. */
async function watchCsp(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
}
async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

function expectSecurityHeaders(headers: Record<string, string>) {
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBeTruthy();
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["strict-transport-security"]).toContain("max-age=");
}

test("pages, API routes and the progress page carry the security headers", async ({ request }) => {
  const page = await request.get("/");
  expectSecurityHeaders(page.headers());
  const api = await request.get("/api/health");
  expectSecurityHeaders(api.headers());
  const share = await request.get("/share/not-a-real-token");
  expectSecurityHeaders(share.headers());
  expect(share.headers()["referrer-policy"]).toBe("no-referrer");
  // Each response gets its own nonce.
  const again = await request.get("/");
  expect(again.headers()["content-security-policy"]).not.toBe(page.headers()["content-security-policy"]);
});

test("no page breaks its content security policy", async ({ page }) => {
  await watchCsp(page);
  await page.goto("/");
  expect(await cspViolations(page)).toEqual([]);
  await signUp(page, { email: uniqueEmail("csp"), name: "小安" });
  await expect(page).toHaveURL(/\/dashboard$/);
  expect(await cspViolations(page)).toEqual([]);
  await addDebt(page, { platform: "某贷", principal: "3000", count: "3", installment: "1100", outstanding: "3300" });
  expect(await cspViolations(page)).toEqual([]);
  for (const path of ["/debts", "/sharing", "/account"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await cspViolations(page), path).toEqual([]);
  }
});

test("the evidence upload streams a 12 MB file (over the proxy's 10 MB buffer) and carries the security headers", async ({
  page,
  baseURL,
}) => {
  await signUp(page, { email: uniqueEmail("big-upload"), name: "小安" });
  await expect(page).toHaveURL(/\/dashboard$/);
  // A PNG signature followed by 12 MB: the type is read from the first bytes.
  const file = Buffer.alloc(12 * 1024 * 1024, 7);
  Buffer.from("89504e470d0a1a0a0000000d49484452", "hex").copy(file);
  const response = await page.request.post("/api/evidence/upload", {
    headers: { origin: baseURL ?? "" },
    multipart: { description: "十二兆的录屏截图", files: { name: "大文件.png", mimeType: "image/png", buffer: file } },
  });
  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { saved: { name: string; sizeBytes: number | string }[] };
  expect(body.saved).toHaveLength(1);
  expect(body.saved[0]?.name).toBe("大文件.png");
  expect(Number(body.saved[0]?.sizeBytes)).toBe(file.length);
  expectSecurityHeaders(response.headers());
});
