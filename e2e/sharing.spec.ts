import { expect, test } from "@playwright/test";
import { signUp, uniqueEmail } from "./support/auth";
import { addDebt } from "./support/debts";

test("a borrower invites a counselor, who reviews and advises until access is revoked", async ({ page, browser }) => {
  const counselorEmail = uniqueEmail("counselor");
  await signUp(page, { email: uniqueEmail("client"), name: "小林" });
  await expect(page).toHaveURL(/\/dashboard$/);
  await addDebt(page, {
    platform: "急用钱",
    principal: "5000",
    received: "4000",
    count: "6",
    installment: "1000",
    outstanding: "5000",
  });

  await page.goto("/sharing");
  await page.getByLabel("债务顾问的邮箱").fill(counselorEmail);
  await page.getByRole("button", { name: "邀请" }).click();
  await expect(page.getByText("等待对方接受")).toBeVisible();

  // The counselor signs up later with that email and finds the invitation.
  const counselorContext = await browser.newContext();
  const counselor = await counselorContext.newPage();
  await signUp(counselor, { email: counselorEmail, name: "王顾问", role: "债务顾问" });
  await expect(counselor).toHaveURL(/\/clients$/);
  await counselor.getByRole("button", { name: "接受小林的邀请" }).click();
  await counselor.getByRole("link", { name: "小林" }).click();
  await expect(counselor.getByRole("heading", { name: "客户案件（只读）" })).toBeVisible();
  await expect(counselor.getByText("急用钱")).toBeVisible();
  await expect(counselor.getByRole("link", { name: "修改" })).toHaveCount(0);
  await counselor.getByLabel("写给借款人的建议").fill("先和急用钱协商停催，别再借新还旧。");
  await counselor.getByRole("button", { name: "发送建议" }).click();
  // Saved once the field is cleared (the controlled textarea itself holds the text until then).
  await expect(counselor.getByLabel("写给借款人的建议")).toHaveValue("");
  await expect(counselor.getByRole("listitem").filter({ hasText: "先和急用钱协商停催" })).toBeVisible();
  const caseUrl = counselor.url();

  // The borrower sees the recommendation and the access log, then revokes.
  await page.goto("/dashboard");
  await expect(page.getByText("先和急用钱协商停催")).toBeVisible();
  await page.goto("/sharing");
  await expect(page.getByText("顾问 王顾问 查看了案件").first()).toBeVisible();
  await page.getByRole("button", { name: "收回 王顾问 的查看权限" }).click();
  await expect(page.getByText("已收回")).toBeVisible();

  // The counselor's very next load is refused.
  await counselor.goto(caseUrl);
  await expect(counselor.getByRole("heading", { name: "找不到这个页面" })).toBeVisible();
  await expect(counselor.getByText("急用钱")).toHaveCount(0);
  await counselorContext.close();
});

test("a progress link shows progress without private data, and stops working once revoked", async ({
  page,
  browser,
}) => {
  await signUp(page, { email: uniqueEmail("linkowner"), name: "阿梅" });
  await expect(page).toHaveURL(/\/dashboard$/);
  await addDebt(page, {
    platform: "秘密平台",
    principal: "3000",
    count: "3",
    installment: "1100",
    outstanding: "3300",
  });

  await page.goto("/sharing");
  await page.getByLabel("给谁看").fill("妈妈");
  await page.getByRole("button", { name: "生成只读进度链接" }).click();
  const link = (await page.getByTestId("new-link").textContent())?.trim() ?? "";
  expect(link).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  const response = await visitor.goto(link);
  expect(response?.headers()["cache-control"]).toContain("no-store");
  await expect(visitor.getByRole("heading", { name: "还款进度" })).toBeVisible();
  await expect(visitor.getByText("¥3,000.00")).toBeVisible();
  await expect(visitor.getByText("秘密平台")).toHaveCount(0);
  await expect(visitor.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(visitor.locator('meta[name="referrer"]')).toHaveAttribute("content", "no-referrer");

  await page.reload();
  await expect(page.getByText("打开 1 次")).toBeVisible();
  await expect(page.getByText("给妈妈的链接被打开")).toBeVisible();
  await page.getByRole("button", { name: "收回给妈妈的链接" }).click();
  await expect(page.getByText("已收回")).toBeVisible();

  await visitor.reload();
  await expect(visitor.getByRole("heading", { name: "链接不可用" })).toBeVisible();
  await expect(visitor.getByText("¥3,000.00")).toHaveCount(0);
  await visitor.goto(link.replace(/.$/, (c) => (c === "A" ? "B" : "A")));
  await expect(visitor.getByRole("heading", { name: "链接不可用" })).toBeVisible();
  await visitorContext.close();
});
