import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { expectSignedOutAtSignIn, PASSWORD, signIn, signUp, uniqueEmail } from "./support/auth";

const NEW_PASSWORD = "晨雾-harbor-Quartz-83";

test("changing the password keeps this device signed in and signs the other device out", async ({ browser }) => {
  const email = uniqueEmail("chpw");
  const phone = await browser.newContext();
  const laptop = await browser.newContext();
  const phonePage = await phone.newPage();
  const laptopPage = await laptop.newPage();
  await signUp(phonePage, { email, name: "小孙" });
  await expect(phonePage).toHaveURL(/\/dashboard$/);
  await signIn(laptopPage, email);
  await expect(laptopPage).toHaveURL(/\/dashboard$/);

  await phonePage.goto("/account");
  await phonePage.getByLabel("当前密码", { exact: true }).fill("not-the-right-password");
  await phonePage.getByLabel("新密码", { exact: true }).fill(NEW_PASSWORD);
  await phonePage.getByRole("button", { name: "修改密码" }).click();
  await expect(phonePage.getByText("当前密码不正确，请重新输入")).toBeVisible();

  await phonePage.getByLabel("当前密码", { exact: true }).fill(PASSWORD);
  await phonePage.getByLabel("新密码", { exact: true }).fill(NEW_PASSWORD);
  await phonePage.getByRole("button", { name: "修改密码" }).click();
  await expect(phonePage.getByText("其他设备上的登录都已退出，这台设备保持登录")).toBeVisible();
  await phonePage.reload();
  await expect(phonePage).toHaveURL(/\/account$/);
  await expect(phonePage.getByText("修改了密码（其他设备已退出）")).toBeVisible();

  await laptopPage.reload();
  await expectSignedOutAtSignIn(laptopPage);
  await signIn(laptopPage, email, PASSWORD);
  await expect(laptopPage.getByRole("main").getByRole("alert")).toHaveText("邮箱或密码不正确");
  await signIn(laptopPage, email, NEW_PASSWORD);
  await expect(laptopPage).toHaveURL(/\/dashboard$/);
  await phone.close();
  await laptop.close();
});

test("exporting my data downloads one ZIP, only for the signed-in account", async ({ page, playwright }) => {
  const email = uniqueEmail("export");
  await signUp(page, { email, name: "小钱" });
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/account");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载我的全部数据（ZIP）" }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/^上岸-我的数据-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = fs.readFileSync((await file.path()) ?? "");
  expect(zip.subarray(0, 2).toString("latin1")).toBe("PK");
  expect(zip.includes(Buffer.from("data.json"))).toBe(true);

  const res = await page.request.get("/api/account/export");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/zip");
  expect(res.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(res.headers()["cache-control"]).toContain("no-store");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");

  // Another site cannot start it in this browser.
  const crossSite = await page.request.get("/api/account/export", { headers: { "sec-fetch-site": "cross-site" } });
  expect(crossSite.status()).toBe(403);
  // Signed out: refused.
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const signedOut = await anonymous.get("/api/account/export");
  expect(signedOut.status()).toBe(401);
  expect(signedOut.headers()["content-type"]).not.toContain("zip");
  await anonymous.dispose();
  await page.reload();
  await expect(page.getByText("导出了我的数据").first()).toBeVisible();
});

test("deleting the account asks for the password, then removes it and signs out", async ({ page }) => {
  const email = uniqueEmail("delete");
  await signUp(page, { email, name: "小李" });
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/account");

  const confirm = page.getByRole("button", { name: "永久注销账户" });
  await expect(confirm).toBeDisabled();
  await page.getByLabel("输入当前密码以确认注销").fill("not-the-right-password");
  await page.getByRole("checkbox", { name: /我明白/ }).check();
  await confirm.click();
  await expect(page.getByText("当前密码不正确，请重新输入")).toBeVisible();

  await page.getByLabel("输入当前密码以确认注销").fill(PASSWORD);
  await confirm.click();
  await expect(page.getByText("账户已注销，您的数据已全部删除")).toBeVisible();
  await page.goto("/dashboard");
  await expectSignedOutAtSignIn(page);
  await signIn(page, email, PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("邮箱或密码不正确");
});
