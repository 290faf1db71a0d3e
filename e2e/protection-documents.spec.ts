import { expect, test, type Page } from "@playwright/test";
import { signUp, uniqueEmail } from "./support/auth";
import { addDebt } from "./support/debts";

// A 1×1 PNG, generated here (no binary fixture in the repository).
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** A Shanghai calendar date `days` from today, as YYYY-MM-DD. */
function shanghaiDate(days: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

/** Nothing wider than the screen (a long option or label would make a 375 px phone scroll sideways). */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function expectPrintsWithoutNavigation(page: Page) {
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();
  await expect(page.getByTestId("printed-document")).toBeVisible();
  await expect(page.getByRole("button", { name: /打印/ })).toBeHidden();
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  await page.emulateMedia({ media: "screen" });
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeVisible();
}

test("a borrower logs a harassing call, links a screenshot to it, generates a complaint, copies and prints it", async ({
  page,
  context,
}, testInfo) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signUp(page, { email: uniqueEmail("docs"), name: "小周" });
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 30_000 });
  await addDebt(page, { platform: "急用钱", principal: "5000", method: "none", outstanding: "3000" });

  await page.goto("/protection");
  const entry = page.getByRole("form", { name: "记录一次催收联系" });
  await entry.getByLabel("联系时间（北京时间）").fill("2026-01-10T23:40");
  await entry.getByText("接了", { exact: true }).click();
  await entry.getByLabel("哪一笔债务").selectOption({ label: "急用钱" });
  await entry.getByRole("checkbox", { name: /冒充公检法或律师/ }).check();
  await entry.getByRole("button", { name: "保存这条记录" }).click();
  await expect(entry.getByText("已记录。")).toBeVisible();

  // The file input: a Chinese button, still a labelled file input; the file is linked to the call on upload.
  const upload = page.getByRole("form", { name: "上传证据" });
  await expect(upload.getByText("选择文件", { exact: true })).toBeVisible();
  await expect(upload.getByText("还没有选择文件")).toBeVisible();
  await upload
    .getByLabel("选择文件（可多选）")
    .setInputFiles([{ name: "假律师函.png", mimeType: "image/png", buffer: PNG }]);
  await expect(upload.getByText("已选择：假律师函.png")).toBeVisible();
  await upload.getByLabel("证明哪条沟通记录（可不选）").selectOption({ label: "2026年1月10日 23:40 · 电话" });
  await upload.getByRole("button", { name: "上传" }).click();
  await expect(page.getByRole("list", { name: "上传结果" })).toContainText("假律师函.png：已保存");
  const evidenceList = page.getByRole("list", { name: "证据列表" });
  await expect(evidenceList).toContainText("证明沟通记录：2026年1月10日 23:40 · 电话");
  await expectNoSidewaysScroll(page);
  const sha = (await evidenceList.textContent())?.match(/[0-9a-f]{64}/)?.[0] ?? "";
  expect(sha).toHaveLength(64);

  await page
    .getByRole("navigation", { name: "文书和记录" })
    .getByRole("link", { name: /投诉材料/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "投诉材料" })).toBeVisible();
  const form = page.getByRole("form", { name: "投诉材料的内容" });
  await form.getByRole("radio", { name: /110/ }).check();
  await expect(form.getByRole("note")).toContainText("依据：");
  const text = page.getByLabel("正文（可以直接修改）");
  await expect(text).toHaveValue(/致：当地公安机关/);
  await expect(text).toHaveValue(/被投诉方：急用钱/);
  await expect(text).toHaveValue(/2026-01-10 23:40 电话【夜间催收（22:00–08:00）、冒充公检法或律师】/);
  await expect(text).toHaveValue(new RegExp(`SHA-256：${sha}`));
  await expect(page.getByText("不是法律意见").filter({ visible: true }).first()).toBeVisible();

  // The borrower edits the text; the edit is what is copied and printed.
  await text.fill(`${await text.inputValue()}\n补充：对方自称某某律所。`);
  await page.getByRole("button", { name: "复制全文" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已复制" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("补充：对方自称某某律所。");
  await expect(page.getByTestId("printed-document")).toContainText("补充：对方自称某某律所。", { useInnerText: false });

  await page.screenshot({ path: testInfo.outputPath("complaint.png"), fullPage: true });
  await expectNoSidewaysScroll(page);
  await expectPrintsWithoutNavigation(page);
});

test("a borrower writes a negotiation letter from the debt's data, with the rate lines it exceeds", async ({
  page,
}, testInfo) => {
  await signUp(page, { email: uniqueEmail("letter"), name: "小周" });
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 30_000 });
  await addDebt(page, {
    platform: "快借",
    principal: "5000",
    received: "4000",
    method: "fixedInstallments",
    count: "6",
    installment: "1000",
    outstanding: "3000",
  });

  await page.goto("/protection/letters/negotiation");
  await expect(page.getByRole("heading", { level: 1, name: "协商还款申请书" })).toBeVisible();
  await expect(page.getByText("实际年化利率超过了这些标准")).toBeVisible();
  await expect(page.getByText(/依据：.*（/).first()).toBeVisible();

  const form = page.getByRole("form", { name: "申请书的内容" });
  await form.getByLabel("为什么还不上（困难情况）").fill("2026 年 8 月被裁员，目前靠临时工作维持。");
  await form.getByLabel("证明材料（每行一项）").fill("离职证明\n银行流水");
  await form.getByText("分期还款", { exact: true }).click();
  await form.getByLabel("分几期（月）").fill("12");
  await form.getByLabel("每月还款（元）").fill("250");
  const text = page.getByLabel("正文（可以直接修改）");
  await expect(text).toHaveValue(/致：快借/);
  await expect(text).toHaveValue(/借款金额（合同金额）：¥5,000\.00/);
  await expect(text).toHaveValue(/实际到手：¥4,000\.00（借款时被预先扣除 ¥1,000\.00/);
  await expect(text).toHaveValue(/分 12 期偿还，每月还款 ¥250\.00，合计 ¥3,000\.00/);
  await expect(text).toHaveValue(/四、关于利率/);
  await expect(text).toHaveValue(/1\. 离职证明\n2\. 银行流水/);

  await form.getByLabel("每月还款（元）").fill("25o");
  await expect(form.getByText("每月还款：金额格式不正确")).toBeVisible();

  await form.getByText("暂停催收（停催）", { exact: true }).click();
  await form.getByLabel("暂停催收几个月").fill("3");
  await expect(text).toHaveValue(/申请暂停催收 3 个月/);

  await page.screenshot({ path: testInfo.outputPath("negotiation.png"), fullPage: true });
  await expectNoSidewaysScroll(page);
  await expectPrintsWithoutNavigation(page);
});

test("a borrower records an agreement and a complaint, and is reminded of the ending agreement and the late reply", async ({
  page,
}, testInfo) => {
  await signUp(page, { email: uniqueEmail("records"), name: "小周" });
  await expect(page).toHaveURL(/\/dashboard$/, { timeout: 30_000 });
  await addDebt(page, { platform: "信用飞", principal: "8000", method: "none", outstanding: "6000" });

  await page.goto("/protection/agreements");
  const agreement = page.getByRole("form", { name: "记录一份协议" });
  await agreement.getByLabel("协议类型").selectOption({ label: "停催协议" });
  await agreement.getByLabel("金额（可不填）").fill("1.2万");
  await agreement.getByLabel("结束日期（可不填）").fill(shanghaiDate(3));
  await agreement.getByLabel("协议内容").fill("停催 3 个月，客服工号 1024");
  await agreement.getByRole("button", { name: "保存协议" }).click();
  await expect(agreement.getByText("已记录这份协议")).toBeVisible();
  const list = page.getByRole("list", { name: "协议列表" });
  await expect(list).toContainText("信用飞 · 停催协议");
  await expect(list).toContainText("¥12,000.00");
  await expect(page.getByRole("region", { name: "需要跟进" })).toContainText("还剩 3 天");

  // A start after the end is refused with what to fix.
  await agreement.getByLabel("开始日期（可不填）").fill(shanghaiDate(0));
  await agreement.getByLabel("结束日期（可不填）").fill(shanghaiDate(-1));
  await agreement.getByRole("button", { name: "保存协议" }).click();
  await expect(agreement.getByRole("alert")).toContainText("结束日期不能早于开始日期");

  await page.goto("/protection/complaints");
  const complaint = page.getByRole("form", { name: "记录一次投诉" });
  await complaint.getByLabel("投诉渠道").selectOption({ label: "互联网金融协会" });
  await complaint.getByLabel("投诉日期").fill(shanghaiDate(-30));
  await complaint.getByLabel("受理编号（可不填）").fill("NIFA-778");
  await complaint.getByLabel("预计答复日期（可不填）").fill(shanghaiDate(-2));
  await complaint.getByRole("button", { name: "保存投诉记录" }).click();
  await expect(complaint.getByText("已记录这次投诉")).toBeVisible();
  const complaints = page.getByRole("list", { name: "投诉列表" });
  await expect(complaints).toContainText("受理编号 NIFA-778");
  await expect(page.getByRole("region", { name: "需要跟进" })).toContainText("已超过 2 天还没有答复");

  await complaints.getByLabel("跟进情况").fill("打电话催问，说已转给平台");
  await complaints.getByRole("button", { name: "添加跟进" }).click();
  await expect(complaints.getByRole("list", { name: "跟进记录" })).toContainText("打电话催问，说已转给平台");

  // Both reminders also show on the protection page.
  await page.goto("/protection");
  const reminders = page.getByRole("region", { name: "需要跟进" });
  await expect(reminders).toContainText("信用飞 · 停催协议");
  await expect(reminders).toContainText("中国互联网金融协会举报平台");
  await page.screenshot({ path: testInfo.outputPath("protection-reminders.png"), fullPage: true });
  await expectNoSidewaysScroll(page);

  await page.goto("/protection/complaints");
  await page.getByRole("button", { name: "标记为已答复" }).click();
  await expect(page.getByRole("list", { name: "投诉列表" })).toContainText("已答复");
  await expect(page.getByRole("region", { name: "需要跟进" })).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath("complaints.png"), fullPage: true });
  await expectNoSidewaysScroll(page);
  await page.goto("/protection/agreements");
  await expectNoSidewaysScroll(page);
});
