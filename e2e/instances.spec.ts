import { expect, test, type Browser } from "@playwright/test";
import { expectSignedOutAtSignIn, signIn, signUp, uniqueEmail } from "./support/auth";
import { addDebt } from "./support/debts";
import {
  createDeployment,
  serverDatabaseUrl,
  startApp,
  type AppInstance,
  type Deployment,
} from "./support/app-process";

/**
 * Several app instances behind a load balancer behave as one: two `next start` processes of the
 * same build on one PostgreSQL database and one NEXTAUTH_SECRET. Sign-in counters and shares live
 * in the database, so what happens through one instance holds on the other at once.
 */
test.describe.configure({ mode: "default", timeout: 240_000 });

let deployment: Deployment | undefined;
let a: AppInstance | undefined;
let b: AppInstance | undefined;

test.beforeAll(async ({}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "starts its own app instances: runs in the desktop project only");
  test.skip(
    !serverDatabaseUrl,
    "needs DATABASE_URL: the embedded database (PGlite) is opened by one process only, so it cannot back two instances",
  );
  testInfo.setTimeout(300_000);
  deployment = await createDeployment("instances");
  [a, b] = await Promise.all([startApp(deployment), startApp(deployment)]);
});

test.afterAll(async () => {
  await Promise.allSettled([a?.stop(), b?.stop()]);
  await deployment?.remove();
});

async function contextOn(browser: Browser, instance: AppInstance | undefined) {
  if (!instance) throw new Error("the instance did not start");
  const context = await browser.newContext({ baseURL: instance.url });
  return { context, page: await context.newPage() };
}

test("a sign-in lockout reached through one instance holds on the other", async ({ browser }) => {
  const email = uniqueEmail("lockout");
  const bystander = uniqueEmail("bystander");
  const onA = await contextOn(browser, a);
  const onB = await contextOn(browser, b);

  await signUp(onA.page, { email, name: "小郑" });
  await expect(onA.page).toHaveURL(/\/dashboard$/);
  await signUp(onB.page, { email: bystander, name: "路人" });
  await expect(onB.page).toHaveURL(/\/dashboard$/);
  await onA.context.clearCookies();
  await onB.context.clearCookies();

  // Before any failure, instance B accepts the account's password.
  await signIn(onB.page, email);
  await expect(onB.page).toHaveURL(/\/dashboard$/);
  await onB.context.clearCookies();

  // Five wrong passwords, all through instance A.
  for (let attempt = 1; attempt <= 5; attempt++) {
    await signIn(onA.page, email, `wrong-password-${attempt}`);
    await expect(onA.page.getByRole("main").getByRole("alert")).toHaveText("邮箱或密码不正确");
  }

  // Instance B refuses even the right password now, and says why.
  await signIn(onB.page, email);
  await expect(onB.page.getByRole("main").getByRole("alert")).toHaveText(/^登录失败次数过多，请在 \d+ 分钟后再试$/);
  await onB.page.goto("/dashboard");
  await expectSignedOutAtSignIn(onB.page);
  // Instance A says the same.
  await signIn(onA.page, email);
  await expect(onA.page.getByRole("main").getByRole("alert")).toHaveText(/^登录失败次数过多/);

  // The lockout is the account's: another account still signs in on B.
  await signIn(onB.page, bystander);
  await expect(onB.page).toHaveURL(/\/dashboard$/);
  await expect(onB.page.getByRole("heading", { name: "你好，路人" })).toBeVisible();

  await onA.context.close();
  await onB.context.close();
});

test("a share revoked through one instance ends the counselor's access on the other at once", async ({ browser }) => {
  const counselorEmail = uniqueEmail("two-instances-counselor");
  const borrower = await contextOn(browser, a);
  await signUp(borrower.page, { email: uniqueEmail("two-instances-client"), name: "小林" });
  await expect(borrower.page).toHaveURL(/\/dashboard$/);
  await addDebt(borrower.page, {
    platform: "两地贷",
    principal: "5000",
    received: "4000",
    count: "6",
    installment: "1000",
    outstanding: "5000",
  });
  await borrower.page.goto("/sharing");
  await borrower.page.getByLabel("债务顾问的邮箱").fill(counselorEmail);
  await borrower.page.getByRole("button", { name: "邀请" }).click();
  await expect(borrower.page.getByText("等待对方接受")).toBeVisible();

  // The counselor signs up and accepts through instance B, where the invitation made on A shows.
  const counselor = await contextOn(browser, b);
  await signUp(counselor.page, { email: counselorEmail, name: "王顾问", role: "债务顾问" });
  await expect(counselor.page).toHaveURL(/\/clients$/);
  await counselor.page.getByRole("button", { name: "接受小林的邀请" }).click();
  await counselor.page.getByRole("link", { name: "小林" }).click();
  await expect(counselor.page).toHaveURL(/\/clients\/[0-9a-f-]{36}$/);
  const casePath = new URL(counselor.page.url()).pathname;
  await expect(counselor.page.getByRole("heading", { name: "客户案件（只读）" })).toBeVisible();
  await expect(counselor.page.getByText("两地贷")).toBeVisible();

  // The borrower, on instance A, sees the view recorded on B and revokes.
  await borrower.page.goto("/sharing");
  await expect(borrower.page.getByText("顾问 王顾问 查看了案件").first()).toBeVisible();
  await borrower.page.getByRole("button", { name: "收回 王顾问 的查看权限" }).click();
  await expect(borrower.page.getByText("已收回")).toBeVisible();

  // The counselor's very next load on B is refused, though their session there is still valid.
  await counselor.page.goto(casePath);
  await expect(counselor.page.getByRole("heading", { name: "找不到这个页面" })).toBeVisible();
  await expect(counselor.page.getByText("两地贷")).toHaveCount(0);
  await counselor.page.goto("/clients");
  await expect(counselor.page.getByRole("heading", { name: "我的客户" })).toBeVisible();
  await expect(counselor.page.getByRole("link", { name: "小林" })).toHaveCount(0);

  await borrower.context.close();
  await counselor.context.close();
});
