import { expect, test } from "@playwright/test";
import { expectSignedOutAtSignIn, PASSWORD, signIn, signUp, uniqueEmail } from "./support/auth";

test("the landing page says what Shore is for, in Chinese", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("上岸");
  await expect(page.getByText("网贷逾期的人")).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "免费注册，开始整理" })).toBeVisible();
});

test("a borrower signs up, sees the dashboard, signs out and signs in again", async ({ page }) => {
  const email = uniqueEmail("borrower");
  await signUp(page, { email, name: "小林" });
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "你好，小林" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "先做这一步：把所有借款找齐，记进债务清单" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("小林");

  await page.getByRole("link", { name: "账户与安全" }).click();
  await expect(page.getByText("登录成功")).toBeVisible();
  await page.getByRole("button", { name: "退出登录" }).click();
  await expectSignedOutAtSignIn(page);

  await page.goto("/dashboard");
  await expectSignedOutAtSignIn(page);

  await signIn(page, email.toUpperCase());
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "你好，小林" })).toBeVisible();
});

test("a wrong password and an unknown email get the same message", async ({ page }) => {
  const email = uniqueEmail("wrongpw");
  await signUp(page, { email, name: "阿强" });
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.context().clearCookies();

  await signIn(page, email, "not-the-right-password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("邮箱或密码不正确");
  await signIn(page, uniqueEmail("nobody"), PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("邮箱或密码不正确");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a duplicate email is refused with a clear message", async ({ page, browser }) => {
  const email = uniqueEmail("dup");
  await signUp(page, { email, name: "第一位" });
  await expect(page).toHaveURL(/\/dashboard$/);

  const other = await browser.newContext();
  const second = await other.newPage();
  await signUp(second, { email, name: "第二位" });
  await expect(second.getByRole("main").getByRole("alert")).toHaveText("这个邮箱已经注册过了，请直接登录");
  await expect(second).toHaveURL(/\/sign-up/);
  await other.close();
});

test("sign-up explains what to fix, field by field", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("称呼").fill("小林");
  await page.getByLabel("邮箱").fill("not-an-email");
  await page.getByLabel("密码").fill("short");
  await page.getByRole("button", { name: "注册" }).click();
  await expect(page.getByText("邮箱格式不正确，例如 name@example.com")).toBeVisible();
  await expect(page.getByText("密码至少需要 12 个字符")).toBeVisible();
  await expect(page.getByLabel("邮箱")).toHaveAttribute("aria-invalid", "true");
});

test("a counselor signs up and lands on their client list", async ({ page }) => {
  const email = uniqueEmail("counselor");
  await signUp(page, { email, name: "王顾问", role: "债务顾问" });
  await expect(page).toHaveURL(/\/clients$/);
  await expect(page.getByRole("heading", { name: "我的客户" })).toBeVisible();
  await expect(page.getByText("还没有借款人与你共享案件")).toBeVisible();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/clients$/);
});

test("signed-out visits to workspace pages go to sign-in", async ({ page }) => {
  for (const path of ["/dashboard", "/clients", "/account"]) {
    await page.goto(path);
    await expectSignedOutAtSignIn(page);
  }
});

test("sign out on all devices ends the other device's session at its next request", async ({ browser }) => {
  const email = uniqueEmail("everywhere");
  const phone = await browser.newContext();
  const laptop = await browser.newContext();
  const phonePage = await phone.newPage();
  const laptopPage = await laptop.newPage();
  await signUp(phonePage, { email, name: "小周" });
  await expect(phonePage).toHaveURL(/\/dashboard$/);
  await signIn(laptopPage, email);
  await expect(laptopPage).toHaveURL(/\/dashboard$/);

  await phonePage.goto("/account");
  await phonePage.getByRole("button", { name: "退出所有设备" }).click();
  await expectSignedOutAtSignIn(phonePage);

  await laptopPage.reload();
  await expectSignedOutAtSignIn(laptopPage);
  await phone.close();
  await laptop.close();
});

test("state-changing API calls from another site are refused", async ({ request }) => {
  const body = JSON.stringify({
    0: { json: { email: uniqueEmail("csrf"), password: PASSWORD, displayName: "x", role: "borrower" } },
  });
  const form = await request.post("/api/trpc/account.signUp?batch=1", {
    headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
    data: "email=a%40b.c",
  });
  expect(form.status()).toBe(403);
  const crossJson = await request.post("/api/trpc/account.signUp?batch=1", {
    headers: { "content-type": "application/json", origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    data: body,
  });
  expect(crossJson.status()).toBe(403);
  expect((await crossJson.json()).error.message).toBe("拒绝来自其他网站的请求");
});

test("the health route checks the database and answers JSON", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok" });
  expect(res.headers()["cache-control"]).toContain("no-store");
});
