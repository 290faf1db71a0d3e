import { expect, test } from "@playwright/test";
import { signUp, uniqueEmail } from "./support/auth";
import { addDebt } from "./support/debts";

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/**
 * The HTTP routes that serve case data (evidence download, evidence package, debt export) refuse
 * everyone but the owner and a counselor with an active share, and a refused evidence request looks
 * exactly like a missing one.
 */
test("case-data routes refuse signed-out callers, other borrowers and revoked counselors", async ({
  page,
  browser,
}) => {
  const counselorEmail = uniqueEmail("routes-counselor");
  await signUp(page, { email: uniqueEmail("routes-owner"), name: "案主" });
  await expect(page).toHaveURL(/\/dashboard$/);
  await addDebt(page, {
    platform: "私密平台甲",
    principal: "1000",
    count: "1",
    installment: "1000",
    outstanding: "1000",
  });
  await page.goto("/protection");
  const upload = page.getByRole("form", { name: "上传证据" });
  await upload
    .getByLabel("选择文件（可多选）")
    .setInputFiles([{ name: "截图.png", mimeType: "image/png", buffer: PNG }]);
  await upload.getByRole("button", { name: "上传" }).click();
  await expect(page.getByRole("list", { name: "上传结果" })).toContainText("已保存");
  const evidenceHref = await page
    .getByRole("list", { name: "证据列表" })
    .getByRole("link")
    .first()
    .getAttribute("href");
  expect(evidenceHref).toMatch(/^\/api\/evidence\/[0-9a-f-]{36}$/);
  const missingHref = "/api/evidence/00000000-0000-4000-8000-000000000000";

  // The owner gets the file and the export.
  const own = await page.request.get(evidenceHref ?? "");
  expect(own.status()).toBe(200);
  expect(own.headers()["x-content-type-options"]).toBe("nosniff");
  expect(own.headers()["cache-control"]).toContain("no-store");
  expect(Buffer.from(await own.body()).equals(PNG)).toBe(true);
  expect(await (await page.request.get("/api/debts/export?format=csv")).text()).toContain("私密平台甲");

  // A counselor accepts, notes the case id, then loses access.
  await page.goto("/sharing");
  await page.getByLabel("债务顾问的邮箱").fill(counselorEmail);
  await page.getByRole("button", { name: "邀请" }).click();
  const counselorContext = await browser.newContext();
  const counselor = await counselorContext.newPage();
  await signUp(counselor, { email: counselorEmail, name: "顾问", role: "债务顾问" });
  await counselor.getByRole("button", { name: "接受案主的邀请" }).click();
  await counselor.getByRole("link", { name: "案主" }).click();
  await expect(counselor).toHaveURL(/\/clients\/[0-9a-f-]{36}$/);
  const caseId = counselor.url().split("/").pop() ?? "";
  const shared = await counselor.request.get(`${evidenceHref}?case=${caseId}`);
  expect(shared.status()).toBe(200);
  await page.reload();
  await page.getByRole("button", { name: "收回 顾问 的查看权限" }).click();
  await expect(page.getByText("已收回")).toBeVisible();

  const revoked = await counselor.request.get(`${evidenceHref}?case=${caseId}`);
  const missingForRevoked = await counselor.request.get(`${missingHref}?case=${caseId}`);
  expect(revoked.status()).toBe(404);
  expect(await revoked.text()).toBe(await missingForRevoked.text());
  expect((await counselor.request.get(`/api/evidence/package?case=${caseId}`)).status()).toBe(404);
  for (const route of ["/api/debts/export", "/api/payments/export", "/api/plan/schedule"]) {
    expect((await counselor.request.get(`${route}?format=csv`)).status(), route).toBe(403);
  }
  await counselorContext.close();

  // Another borrower: not found, and their export holds only their own debts.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signUp(other, { email: uniqueEmail("routes-other"), name: "别人" });
  await expect(other).toHaveURL(/\/dashboard$/);
  const foreign = await other.request.get(evidenceHref ?? "");
  expect(foreign.status()).toBe(404);
  expect(await foreign.text()).toBe(await (await other.request.get(missingHref)).text());
  expect(await (await other.request.get("/api/debts/export?format=csv")).text()).not.toContain("私密平台甲");
  await otherContext.close();

  // Signed out (a progress-link holder is signed out too).
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(evidenceHref ?? "")).status()).toBe(404);
  expect((await anonymous.request.get("/api/evidence/package")).status()).toBeGreaterThanOrEqual(401);
  for (const route of ["/api/debts/export", "/api/payments/export", "/api/plan/schedule"]) {
    const refused = await anonymous.request.get(`${route}?format=xlsx`);
    expect(refused.status(), route).toBe(401);
    expect(await refused.text()).toMatch(/^请先登录，再导出/);
  }
  await anonymous.close();
});
