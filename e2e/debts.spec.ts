import { expect, test } from "@playwright/test";
import { signUp, uniqueEmail } from "./support/auth";
import { addDebt } from "./support/debts";

test("a borrower lists debts and sees real rates, legal-line badges and the priority order with reasons", async ({
  page,
}) => {
  await signUp(page, { email: uniqueEmail("debts"), name: "小林" });
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole("link", { name: "添加第一笔债务" }).click();
  await expect(page).toHaveURL(/\/debts\/new$/);

  // A fee-rate loan: 12,000 over 12 months at 0.6% a month. The form shows the IRR as one types.
  await page.getByLabel("平台或出借人").fill("某呗分期");
  await page.getByLabel("借款金额").fill("1.2万");
  await page.getByLabel("还款方式").selectOption("feeRate");
  await page.getByLabel("期数").fill("12");
  await page.getByLabel(/每期手续费率/).fill("0.6");
  await expect(page.getByText("实际年化 13.03%")).toBeVisible();
  await page.getByLabel("剩余待还").fill("6,000");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "某呗分期" })).toBeVisible();
  await expect(page.getByText("13.03%").first()).toBeVisible();

  // Editing: the saved loan's rate is there before anything is touched, and follows a change.
  await page.getByRole("link", { name: "修改", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "修改：某呗分期" })).toBeVisible();
  await expect(page.getByText("实际年化 13.03%")).toBeVisible();
  await page.getByLabel(/每期手续费率/).fill("0.5");
  await expect(page.getByText("实际年化 13.03%")).toBeHidden();
  await expect(page.getByText(/^实际年化 10\.\d{2}%/)).toBeVisible();
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "债务清单" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "债务清单" })).toBeVisible();

  // 5,000 borrowed, 1,000 deducted in advance, 6 × 1,000, first installment missed.
  await addDebt(page, {
    platform: "急用钱",
    principal: "5000",
    received: "4000",
    count: "6",
    installment: "1000",
    outstanding: "5000",
    firstMissed: "2026-01-10",
  });
  await expect(page.getByText("提前扣除 ¥1,000.00")).toBeVisible();
  await expect(page.getByText("155.74%").first()).toBeVisible();
  await expect(page.getByText("不是法律意见")).toBeVisible();

  await addDebt(page, { platform: "表哥", kind: "民间借贷", principal: "20000", method: "none", outstanding: "20000" });

  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "债务清单" }).click();
  await expect(page.getByText("总欠款")).toBeVisible();
  await expect(page.getByText("¥31,000.00")).toBeVisible();
  const cards = page.getByRole("article");
  await expect(cards).toHaveCount(3);
  await expect(cards.nth(0)).toContainText("急用钱");
  await expect(cards.nth(0)).toContainText("超过 36%");
  await expect(cards.nth(0)).toContainText("逾期");
  await cards.nth(0).getByText("为什么排在这里").click();
  await expect(cards.nth(0).getByRole("listitem").first()).toBeVisible();
  await expect(cards.nth(1)).toContainText("某呗分期");
  await expect(cards.nth(2)).toContainText("表哥");
  await expect(cards.nth(2)).toContainText("未知");
});

test("bad amounts are explained field by field and nothing is lost", async ({ page }) => {
  await signUp(page, { email: uniqueEmail("baddebt"), name: "阿强" });
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/debts/new");
  await page.getByLabel("平台或出借人").fill("某贷");
  await page.getByLabel("借款金额").fill("五千");
  await page.getByLabel("期数").fill("6");
  await page.getByLabel("每期还款").fill("1000");
  await page.getByLabel("剩余待还").fill("5000");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("借款金额：金额格式不正确")).toBeVisible();
  await expect(page.getByLabel("借款金额")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("平台或出借人")).toHaveValue("某贷");
  await page.getByLabel("借款金额").fill("5000");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "某贷" })).toBeVisible();
});

test("another borrower cannot open someone else's debt", async ({ page, browser }) => {
  await signUp(page, { email: uniqueEmail("owner"), name: "甲" });
  await expect(page).toHaveURL(/\/dashboard$/);
  await addDebt(page, {
    platform: "私密平台",
    principal: "1000",
    count: "1",
    installment: "1000",
    outstanding: "1000",
  });
  const url = page.url();

  const other = await browser.newContext();
  const intruder = await other.newPage();
  await signUp(intruder, { email: uniqueEmail("intruder"), name: "乙" });
  await expect(intruder).toHaveURL(/\/dashboard$/);
  await intruder.goto(url);
  await expect(intruder.getByRole("heading", { name: "找不到这个页面" })).toBeVisible();
  await expect(intruder.getByText("私密平台")).toHaveCount(0);
  await other.close();
});
