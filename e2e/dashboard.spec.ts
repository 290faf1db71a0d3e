import { expect, test, type Page } from "@playwright/test";
import { signUp, uniqueEmail } from "./support/auth";
import { addDebt } from "./support/debts";

/** Today in Shanghai, "YYYY-MM-DD". */
const shanghaiToday = () =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());

function shiftMonth(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

const longDate = (iso: string) => `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
const plusYears = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;

/** Calls a procedure over HTTP as the signed-in page (the same route the app's forms use). */
async function call(page: Page, path: string, input: unknown) {
  const origin = new URL(page.url()).origin;
  const response = await page.request.post(`/api/trpc/${path}`, {
    data: { json: input },
    headers: { origin, "content-type": "application/json" },
  });
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  return response.json();
}

const debtIdOf = (page: Page) => /\/debts\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? "";

/**
 * A borrower with a year of payments: 某消费金融 (16,000 owed of 20,000) paid 600 on the 1st of
 * each of the past 12 months and this month; 某小额网贷 (3,000) paid off in three payments, settled
 * on the 1st ten months ago. A budget of 7,000 income and 3,500 essentials.
 */
async function borrowerWithAYear(page: Page) {
  await signUp(page, { email: uniqueEmail("dash"), name: "小陈" });
  await expect(page).toHaveURL(/\/dashboard$/);
  await addDebt(page, { platform: "某消费金融", principal: "20000", method: "none", outstanding: "16000" });
  const consumer = debtIdOf(page);
  await addDebt(page, { platform: "某小额网贷", principal: "3000", method: "none", outstanding: "3000" });
  const small = debtIdOf(page);
  await call(page, "budget.save", {
    items: [
      { label: "工资", kind: "income", monthlyAmount: "7000" },
      { label: "房租 / 房贷", kind: "expense", category: "essential", monthlyAmount: "2000" },
      { label: "伙食", kind: "expense", category: "essential", monthlyAmount: "1500" },
      { label: "储蓄", kind: "expense", category: "savings", monthlyAmount: "500" },
    ],
  });
  const month = shanghaiToday().slice(0, 7);
  for (let k = 12; k >= 0; k--) {
    const paidOn = `${shiftMonth(month, -k)}-01`;
    await call(page, "payments.record", { debtId: consumer, amount: "600", paidOn, note: "" });
    if (k >= 10) await call(page, "payments.record", { debtId: small, amount: "1000", paidOn, note: "" });
  }
  return { settledOn: `${shiftMonth(month, -10)}-01` };
}

test("a borrower with a year of payments sees the right totals and milestones; the share page shows the same progress and nothing private", async ({
  page,
  browser,
}, testInfo) => {
  test.slow();
  const { settledOn } = await borrowerWithAYear(page);

  // Dashboard: 23,000 borrowed, 8,200 still owed (16,000 − 13 × 600): 64% repaid.
  await page.goto("/dashboard");
  await expect(page.getByTestId("percent-repaid")).toHaveText("64%");
  await expect(page.getByTestId("owed-now")).toHaveText("¥8,200.00");
  await expect(page.getByTestId("owed-at-start")).toHaveText("¥23,000.00");
  // How far they have come and what to do next, both on the first screen (a phone's too).
  await expect(page.getByTestId("percent-repaid")).toBeInViewport();
  await expect(page.getByText(/^下一步：/)).toBeInViewport();
  // This month: 600 paid; the plan (the budget's 3,000 a month) pays 3,000.
  await expect(page.getByTestId("stat-month")).toContainText("¥600.00");
  await expect(page.getByTestId("stat-month")).toContainText("计划 ¥3,000.00");
  await expect(page.getByTestId("stat-debtFree")).toContainText(/\d{4}年\d{1,2}月/);
  const debtChart = page.getByRole("img", { name: /剩余欠款：实际与计划/ });
  await expect(debtChart).toBeVisible();
  await expect(page.getByRole("img", { name: /每月还款/ })).toBeVisible();
  // The chart's numbers as a table: 13 months of history, 8,200 at the end.
  await page.getByText("以表格查看“剩余欠款：实际与计划”的数字").click();
  const debtTable = page.getByRole("table", { name: "剩余欠款：实际与计划" });
  await expect(debtTable.getByRole("row").nth(1)).toContainText("¥17,400.00");
  await expect(debtTable.getByRole("row").nth(13)).toContainText("¥8,200.00");

  // 信用修复: the settled debt's record removal 5 years after settlement; mortgage 2 years after.
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "信用修复" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "信用修复" })).toBeVisible();
  const settled = page.getByTestId("settled-debt");
  await expect(settled).toHaveCount(1);
  await expect(settled).toContainText("某小额网贷");
  await expect(settled).toContainText(`逾期记录应在 ${longDate(plusYears(settledOn, 5))} 删除`);
  await expect(settled).toContainText("《征信业管理条例》第 16 条");
  await expect(page.getByTestId("key-mortgage")).toContainText(longDate(plusYears(settledOn, 2)));
  await expect(page.getByText("不是法律意见")).toBeVisible();

  // Emergency fund: a deposit through the form; target 3 × 3,500.
  const fundForm = page.getByRole("form", { name: "记录应急基金的存入或取出" });
  await fundForm.getByLabel("金额（元）").fill("1,500");
  await fundForm.getByRole("button", { name: "记录" }).click();
  await expect(page.getByTestId("fund-balance")).toHaveText("¥1,500.00");
  await expect(page.getByText("¥10,500.00 – ¥21,000.00")).toBeVisible();
  await fundForm.getByLabel("存入还是取出").selectOption({ label: "取出" });
  await fundForm.getByLabel("金额（元）").fill("2000");
  await fundForm.getByRole("button", { name: "记录" }).click();
  await expect(fundForm.getByRole("alert")).toContainText("取出的金额不能超过应急基金余额（¥1,500.00）");

  // Habits: today's check-in starts a streak.
  const logging = page.getByTestId("habit-spendingLogged");
  await expect(logging).toContainText("已连续 0 天");
  await logging.getByRole("button", { name: "今天已记账" }).click();
  await expect(logging).toContainText("已连续 1 天");
  await expect(logging.getByRole("status")).toContainText("今天已记账");

  // New borrowing above 10% is flagged, with its source.
  const check = page.getByRole("form", { name: "新借款检查" });
  await check.getByLabel("实际年化利率（%）").fill("18");
  await check.getByRole("button", { name: "检查这笔借款" }).click();
  await expect(check).toContainText("高于 10%");
  await expect(page.getByText("小心“征信修复”骗局")).toBeVisible();

  if (process.env.SHORE_SCREENSHOTS && testInfo.project.name === "phone") {
    await page.screenshot({ path: `${process.env.SHORE_SCREENSHOTS}/recovery.png`, fullPage: true });
    await page.goto("/dashboard");
    await page.screenshot({ path: `${process.env.SHORE_SCREENSHOTS}/dashboard.png`, fullPage: true });
  }

  // A progress link without platform names.
  await page.goto("/sharing");
  await page.getByLabel("给谁看").fill("妈妈");
  await page.getByRole("button", { name: "生成只读进度链接" }).click();
  const link = (await page.getByTestId("new-link").textContent())?.trim() ?? "";
  expect(link).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(link);
  await expect(visitor.getByRole("heading", { name: "还款进度" })).toBeVisible();
  await expect(visitor.getByTestId("percent-repaid")).toHaveText("64%");
  await expect(visitor.getByTestId("owed-now")).toHaveText("¥8,200.00");
  await expect(visitor.getByTestId("owed-at-start")).toHaveText("¥23,000.00");
  await expect(visitor.getByTestId("stat-month")).toContainText("¥600.00");
  await expect(visitor.getByRole("img", { name: /剩余欠款：实际与计划/ })).toBeVisible();
  await visitor.getByText("以表格查看“剩余欠款：实际与计划”的数字").click();
  await expect(visitor.getByRole("table", { name: "剩余欠款：实际与计划" }).getByRole("row").nth(13)).toContainText(
    "¥8,200.00",
  );
  // Nothing private: no platform names, no income, no emergency fund, no counselor tools.
  const text = (await visitor.locator("main").textContent()) ?? "";
  for (const secret of ["某消费金融", "某小额网贷", "¥7,000.00", "¥1,500.00", "应急基金余额", "工资"]) {
    expect(text, `the share page shows ${secret}`).not.toContain(secret);
  }
  await expect(visitor.getByRole("img", { name: /应急基金/ })).toHaveCount(0);
  await expect(visitor.getByTestId("stat-aboveLine")).toHaveCount(0);
  if (process.env.SHORE_SCREENSHOTS && testInfo.project.name === "phone") {
    await visitor.screenshot({ path: `${process.env.SHORE_SCREENSHOTS}/share.png`, fullPage: true });
  }
  await visitorContext.close();
});

test("the phone navigation shows every link without sideways scrolling, prefetches nothing, and the keyboard reaches 信用修复", async ({
  page,
}) => {
  // Personal pages are not prefetched: links neither in view nor under the pointer send Next's
  // background route requests (each one a server render for a page the click must fetch anyway).
  const prefetches: string[] = [];
  page.on("request", (request) => {
    if (request.headers()["next-router-prefetch"]) prefetches.push(request.url());
  });
  await signUp(page, { email: uniqueEmail("nav"), name: "小林" });
  await expect(page).toHaveURL(/\/dashboard$/);
  const nav = page.getByRole("navigation", { name: "主导航" });
  await nav.getByRole("link", { name: "债务清单" }).hover();
  await page.waitForLoadState("networkidle");
  expect(prefetches).toEqual([]);
  const overflow = await nav.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const recovery = nav.getByRole("link", { name: "信用修复" });
  await expect(recovery).toBeInViewport();
  await recovery.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/recovery$/);
  await expect(page.getByText("还没有已结清并记录了结清日期的债务")).toBeVisible();
});
