import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import readXlsxFile from "read-excel-file/node";
import { signUp, uniqueEmail } from "./support/auth";
import { addDebt } from "./support/debts";

const HEADER =
  "平台或出借人,借款类型,出借方是,借款金额,实际到手,剩余待还,还款方式,期数,每期还款,月利率或每期手续费率(%),借款日期,最早一期未还的还款日,状态,备注";

/** A date some days ago (the first missed installment of an overdue loan). */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

const HEAD_FEE = `急用钱,网贷,小额贷款公司,5000,4000,5000,每期固定还款,6,1000,,2026-07-01,${daysAgo(10)},逾期,到手只有 4000`;
const FAMILY = "表哥,民间借贷,个人,2万,,20000,无,,,,,,,";
const BAD_AMOUNT = "阿强,网贷,,五千,,5000,每期固定还款,6,1000,,,,,";

function csvUpload(...rows: string[]) {
  return {
    name: "我的债务.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`\uFEFF${[HEADER, ...rows].join("\r\n")}\r\n`, "utf8"),
  };
}

async function download(page: Page, linkName: string) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: linkName }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(path) };
}

test("a borrower adds one debt by the form and two by importing a CSV, sees the real rates, badges and order, and exports the list", async ({
  page,
}, testInfo) => {
  await signUp(page, { email: uniqueEmail("import"), name: "小林" });
  await expect(page).toHaveURL(/\/dashboard$/);

  // One debt through the form, described by its monthly fee rate.
  await addDebt(page, {
    platform: "某呗分期",
    principal: "1.2万",
    method: "feeRate",
    count: "12",
    monthlyRate: "0.6",
    outstanding: "6000",
  });
  await expect(page.getByText("13.03%").first()).toBeVisible();

  await page.goto("/debts");
  await page.getByRole("link", { name: "导入", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "导入债务清单" })).toBeVisible();
  await expect(page.getByText("不超过 1 MB、最多 500 行")).toBeVisible();

  // A file with a mistake: the preview names the row and the column; nothing can be imported yet.
  const fileInput = page.getByLabel("选择要导入的文件");
  await fileInput.setInputFiles(csvUpload(HEAD_FEE, BAD_AMOUNT));
  await expect(page.getByText("1 行需要修改")).toBeVisible();
  await expect(page.getByText("第 3 行「借款金额」：金额格式不正确")).toBeVisible();
  await expect(page.getByRole("button", { name: /全部导入/ })).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath("import-errors.png"), fullPage: true });

  // The corrected file: every row fine, with the real rate it will have.
  await fileInput.setInputFiles(csvUpload(HEAD_FEE, FAMILY));
  await expect(page.getByText("共 2 行，都没问题")).toBeVisible();
  await expect(page.getByRole("row", { name: /急用钱/ })).toContainText("155.74%");
  await expect(page.getByRole("row", { name: /表哥/ })).toContainText("未知");
  await page.screenshot({ path: testInfo.outputPath("import-preview.png"), fullPage: true });
  await page.getByRole("button", { name: "全部导入（2 笔）" }).click();

  // The list: three debts in priority order, with badges and reasons.
  await expect(page).toHaveURL(/\/debts$/);
  await expect(page.getByText("¥31,000.00")).toBeVisible();
  const cards = page.getByRole("article");
  await expect(cards).toHaveCount(3);
  await expect(cards.nth(0)).toContainText("急用钱");
  await expect(cards.nth(0)).toContainText("155.74%");
  await expect(cards.nth(0)).toContainText("超过 36%");
  await expect(cards.nth(0)).toContainText("逾期");
  await cards.nth(0).getByText("为什么排在这里").click();
  await expect(cards.nth(0).getByRole("listitem").filter({ hasText: "实际年化" }).first()).toBeVisible();
  await expect(cards.nth(1)).toContainText("某呗分期");
  await expect(cards.nth(1)).toContainText("13.03%");
  await expect(cards.nth(2)).toContainText("表哥");
  await expect(cards.nth(2)).toContainText("未知");

  // Export: both formats hold every platform.
  const csv = await download(page, "导出 CSV");
  expect(csv.name).toMatch(/\.csv$/);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = csv.bytes.toString("utf8");
  for (const platform of ["急用钱", "某呗分期", "表哥"]) expect(text).toContain(platform);

  const xlsx = await download(page, "导出 Excel");
  expect(xlsx.name).toMatch(/\.xlsx$/);
  const [sheet] = await readXlsxFile(xlsx.bytes);
  const platforms = (sheet?.data ?? []).slice(1).map((row) => row[0]);
  expect(platforms).toEqual(["急用钱", "某呗分期", "表哥"]);
});

test("the templates download in both formats", async ({ page }) => {
  await signUp(page, { email: uniqueEmail("template"), name: "阿梅" });
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/debts/import");
  const xlsx = await download(page, "下载 Excel 模板");
  expect(xlsx.name).toMatch(/\.xlsx$/);
  expect(xlsx.bytes.subarray(0, 2).toString()).toBe("PK");
  const csv = await download(page, "下载 CSV 模板");
  expect(csv.bytes.toString("utf8")).toContain(HEADER);
});
