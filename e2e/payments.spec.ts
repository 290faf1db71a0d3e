import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signUp, uniqueEmail } from "./support/auth";
import { addDebt } from "./support/debts";

test("three debts, a budget, a negotiated discount, a saved plan and a recorded payment", async ({ page }) => {
  test.slow();
  await signUp(page, { email: uniqueEmail("pay"), name: "小吴" });
  await expect(page).toHaveURL(/\/dashboard$/);

  await page.goto("/budget");
  await page.getByLabel("工资：每月金额").fill("7000");
  await page.getByLabel("房租 / 房贷：每月金额").fill("2000");
  await page.getByLabel("伙食：每月金额").fill("1500");
  await page.getByRole("button", { name: "保存收支预算" }).click();
  await expect(page.getByText("已保存 3 项")).toBeVisible();

  await addDebt(page, {
    platform: "某呗分期",
    principal: "12000",
    method: "feeRate",
    count: "12",
    monthlyRate: "0.6",
    outstanding: "6000",
  });
  await addDebt(page, {
    platform: "急用钱",
    principal: "5000",
    received: "4000",
    count: "6",
    installment: "1000",
    outstanding: "4000",
  });
  await addDebt(page, { platform: "表哥", kind: "民间借贷", principal: "3000", method: "none", outstanding: "3000" });

  await page.goto("/plan");
  const comparison = page.getByRole("table", { name: "各还款策略的还清月份、总还款和利息" });
  await expect(comparison.getByRole("columnheader", { name: /雪崩法/ })).toBeVisible();
  await expect(comparison.getByRole("columnheader", { name: /雪球法/ })).toBeVisible();

  // 急用钱 agreed to take 70%: a 30% principal discount, paid in one go.
  await page.getByRole("button", { name: "给「急用钱」添加协商条款" }).click();
  await page.getByLabel("条款类型").selectOption({ label: "本金减免" });
  await page.getByLabel("减免比例（%）").fill("30");
  await page.getByLabel("减免后分几期还清").fill("1");
  await page.getByRole("button", { name: "保存并重新计算" }).click();
  await expect(page.getByText("计划已保存")).toBeVisible();
  await expect(page.getByText("本金减免：从计划开始减免 30%，一次还清")).toBeVisible();
  await expect(page.getByTestId("debt-free-month")).toHaveText(/^\d{4}年\d{1,2}月$/);

  // Record a payment against 表哥 from the plan page.
  const thisMonth = page.locator("section").filter({ has: page.getByRole("heading", { name: "本月还款" }) });
  await thisMonth.getByLabel("还的是哪笔债务").selectOption({ label: "表哥" });
  await thisMonth.getByLabel("还款金额（元）").fill("1,000.50");
  await thisMonth.getByLabel("备注（可不填）").fill("先还一部分");
  await thisMonth.getByRole("button", { name: "记录这笔还款" }).click();
  await expect(thisMonth.getByRole("status")).toHaveText("已记录，剩余待还已更新。");
  await expect(thisMonth.getByText(/本月已还 ¥1,000\.50/)).toBeVisible();
  await expect(thisMonth.getByText("先还一部分")).toBeVisible();

  // A bad amount is refused with a clear message and nothing changes.
  await thisMonth.getByLabel("还款金额（元）").fill("abc");
  await thisMonth.getByRole("button", { name: "记录这笔还款" }).click();
  await expect(thisMonth.getByText(/金额格式不正确/).first()).toBeVisible();
  await expect(thisMonth.getByText(/本月已还 ¥1,000\.50/)).toBeVisible();

  // The debt shows the new balance and its history; the history downloads as CSV.
  await page.goto("/debts");
  await page.getByRole("link", { name: /表哥/ }).first().click();
  const record = page.locator("section").filter({ has: page.getByRole("heading", { name: "还款记录" }) });
  await expect(record.getByText("已记录还款 ¥1,000.50，剩余待还 ¥1,999.50。")).toBeVisible();
  const download = page.waitForEvent("download");
  await record.getByRole("link", { name: "CSV" }).first().click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^还款记录-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = (await readFile(await file.path())).toString("utf8");
  expect(text).toContain("表哥,1000.50,先还一部分");

  // Deleting the payment (a typo) asks first and puts the amount back.
  await record.getByRole("button", { name: /删除还款记录/ }).click();
  await record.getByRole("button", { name: "确定删除" }).click();
  await expect(record.getByText("已记录还款 ¥0.00，剩余待还 ¥3,000.00。")).toBeVisible();
});
