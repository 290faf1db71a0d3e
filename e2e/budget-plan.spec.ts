import { expect, test } from "@playwright/test";
import { signUp, uniqueEmail } from "./support/auth";
import { addDebt } from "./support/debts";

test("a borrower enters a budget, adds debts, sees the plan and the strategies, and checks a stage step", async ({
  page,
}) => {
  // A whole journey: sign-up, budget, two debts, plan, save, checklist, dashboard.
  test.slow();
  await signUp(page, { email: uniqueEmail("plan"), name: "小周" });
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByText("当前：第 1 阶段 · 争取缓冲")).toBeVisible();

  // The budget: common lines are pre-filled; type the amounts that apply.
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "收支预算" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "收支预算" })).toBeVisible();
  await page.getByLabel("工资：每月金额").fill("6,000");
  await page.getByLabel("房租 / 房贷：每月金额").fill("1800");
  await page.getByLabel("伙食：每月金额").fill("1000");
  await page.getByLabel("娱乐：每月金额").fill("2000");
  await expect(page.getByText("每月可用于还款 ¥1,200.00")).toBeVisible();
  await page.getByRole("button", { name: "保存收支预算" }).click();
  await expect(page.getByText("已保存 4 项")).toBeVisible();
  // 2,000 of 6,000 on 娱乐 is 33.34%: above the 30% line by 200.
  await expect(page.getByText("可选支出占收入 33.34%")).toBeVisible();
  await expect(page.getByLabel("每月合计").getByText("¥1,200.00")).toBeVisible();

  // Two debts: 12,000 over 12 months at 0.6% a month (13.03%), and 5,000 with 1,000 deducted (155.74%).
  await addDebt(page, {
    platform: "某呗分期",
    principal: "12000",
    method: "feeRate",
    count: "12",
    monthlyRate: "0.6",
    outstanding: "3000",
  });
  await addDebt(page, {
    platform: "急用钱",
    principal: "5000",
    received: "4000",
    count: "6",
    installment: "1000",
    outstanding: "2000",
  });

  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "还款计划" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "还款计划" })).toBeVisible();
  await expect(page.getByText("按这个计划，预计还清债务的月份")).toBeVisible();
  await expect(page.getByTestId("debt-free-month")).toHaveText(/^\d{4}年\d{1,2}月$/);
  const table = page.getByRole("table", { name: "各还款策略的还清月份、总还款和利息" });
  await expect(table.getByRole("columnheader", { name: /雪崩法/ })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: /雪球法/ })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: "利息", exact: true })).toBeVisible();
  await expect(table.getByText("最省利息")).toBeVisible();

  // The schedule per debt opens on demand.
  await page.getByText("急用钱", { exact: true }).last().click();
  await expect(page.getByRole("table", { name: "急用钱的每月还款明细" })).toBeVisible();

  // Switch to snowball and save: the plan is recomputed and the choice is kept.
  await page.getByRole("radio", { name: /雪球法/ }).check();
  await page.getByRole("button", { name: "保存并重新计算" }).click();
  await expect(page.getByText("计划已保存")).toBeVisible();
  await expect(table.getByRole("columnheader", { name: /雪球法.*当前选择/ })).toBeVisible();

  // The three stages: check the first step of the current stage.
  const stage1 = page.locator("details[aria-current=step]");
  await expect(stage1).toContainText("第 1 阶段 · 争取缓冲");
  await expect(stage1).toContainText("当前阶段");
  await stage1.getByRole("checkbox", { name: "列出全部债务" }).check();
  await expect(stage1.getByText("已完成 1/5 步")).toBeVisible();
  await expect(stage1.getByText(/完成于 \d{4}年\d{1,2}月\d{1,2}日/)).toBeVisible();
  await expect(stage1.getByRole("checkbox", { name: "列出全部债务" })).toBeChecked();

  // The dashboard shows the current stage and its next step.
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "首页" }).click();
  await expect(page.getByText("下一步：核对实际利率")).toBeVisible();
});

test("a plan that can never finish says so and what monthly amount would", async ({ page }) => {
  await signUp(page, { email: uniqueEmail("noplan"), name: "阿梅" });
  await expect(page).toHaveURL(/\/dashboard$/);
  await addDebt(page, {
    platform: "某贷",
    principal: "5000",
    received: "4000",
    count: "6",
    installment: "1000",
    outstanding: "5000",
  });
  await page.goto("/plan");
  await expect(page.getByText("这个计划还不完")).toBeVisible();
  await expect(page.getByText(/每月至少需要 ¥[\d,]+\.\d{2}/).first()).toBeVisible();
  await page.getByRole("button", { name: /^改为每月 ¥/ }).click();
  await page.getByRole("button", { name: "保存并重新计算" }).click();
  await expect(page.getByTestId("debt-free-month")).toBeVisible();
});
