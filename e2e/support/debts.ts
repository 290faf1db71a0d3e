import { expect, type Page } from "@playwright/test";

/** The debt form as a borrower fills it in: fields by their labels. */
export async function addDebt(
  page: Page,
  debt: {
    platform: string;
    kind?: string;
    principal: string;
    received?: string;
    method?: string;
    count?: string;
    installment?: string;
    monthlyRate?: string;
    outstanding: string;
    firstMissed?: string;
  },
) {
  await page.goto("/debts/new");
  await page.getByLabel("平台或出借人").fill(debt.platform);
  if (debt.kind) await page.getByLabel("借款类型").selectOption({ label: debt.kind });
  await page.getByLabel("借款金额").fill(debt.principal);
  if (debt.received) await page.getByLabel("实际到手").fill(debt.received);
  if (debt.method) await page.getByLabel("还款方式").selectOption(debt.method);
  if (debt.count) await page.getByLabel("期数").fill(debt.count);
  if (debt.installment) await page.getByLabel("每期还款").fill(debt.installment);
  if (debt.monthlyRate) await page.getByLabel(/每期手续费率|月利率/).fill(debt.monthlyRate);
  await page.getByLabel("剩余待还").fill(debt.outstanding);
  if (debt.firstMissed) await page.getByLabel("最早一期未还的还款日").fill(debt.firstMissed);
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page).toHaveURL(/\/debts\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: debt.platform })).toBeVisible();
}
