import { expect, test } from "@playwright/test";
import { signUp, uniqueEmail } from "./support/auth";

// A 1×1 PNG, generated here (no binary fixture in the repository).
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

test("a borrower logs a harassing call, uploads a screenshot and downloads the evidence package", async ({
  page,
}, testInfo) => {
  await signUp(page, { email: uniqueEmail("protect"), name: "小林" });
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "沟通与证据" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "沟通与证据" })).toBeVisible();

  // A call at 23:40 (Shanghai) that threatened and claimed to be from a court.
  const entry = page.getByRole("form", { name: "记录一次催收联系" });
  await entry.getByText("电话", { exact: true }).click();
  await entry.getByLabel("联系时间（北京时间）").fill("2026-01-10T23:40");
  await entry.getByText("接了", { exact: true }).click();
  await entry.getByRole("checkbox", { name: /威胁或暴力/ }).check();
  await entry.getByRole("checkbox", { name: /冒充公检法或律师/ }).check();
  await entry.getByRole("button", { name: "保存这条记录" }).click();
  await expect(entry.getByText("已记录。")).toBeVisible();
  const counts = page.getByRole("list", { name: "各类标记的次数" });
  await expect(counts).toContainText("夜间催收（22:00–08:00）");
  await expect(counts).toContainText("威胁或暴力");
  await expect(page.getByText("2026-01-10 23:40")).toBeVisible();

  // A screenshot, and a renamed text file that is refused with a clear message.
  const upload = page.getByRole("form", { name: "上传证据" });
  await upload.getByLabel("说明").fill("催收短信截图");
  await upload.getByLabel("选择文件（可多选）").setInputFiles([
    { name: "截图.png", mimeType: "image/png", buffer: PNG },
    { name: "病毒.jpg", mimeType: "image/jpeg", buffer: Buffer.from("this is not an image at all") },
  ]);
  await upload.getByRole("button", { name: "上传" }).click();
  const results = page.getByRole("list", { name: "上传结果" });
  await expect(results).toContainText("截图.png：已保存");
  await expect(results).toContainText("无法识别这个文件的类型");
  const list = page.getByRole("list", { name: "证据列表" });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText("催收短信截图");
  await expect(list).toContainText(/[0-9a-f]{64}/);

  await page.screenshot({ path: testInfo.outputPath("protection.png"), fullPage: true });

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载证据包（ZIP）" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^证据包-\d{4}-\d{2}-\d{2}\.zip$/);
  const zipPath = await file.path();
  expect(zipPath).toBeTruthy();
});
