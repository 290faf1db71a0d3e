import { expect, type Page } from "@playwright/test";

export const PASSWORD = "晚风-lantern-Orbit-47";

let counter = 0;
/** A unique email per test and worker, so tests own their data. */
export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid}-${counter}@example.com`;
}

export async function signUp(
  page: Page,
  {
    email,
    name,
    role = "借款人",
    password = PASSWORD,
  }: { email: string; name: string; role?: "借款人" | "债务顾问"; password?: string },
) {
  await page.goto("/sign-up");
  await page.getByRole("radio", { name: new RegExp(`^${role}`) }).check();
  await page.getByLabel("称呼").fill(name);
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "注册" }).click();
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

export async function expectSignedOutAtSignIn(page: Page) {
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "登录上岸" })).toBeVisible();
}
