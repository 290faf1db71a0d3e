import { eq } from "drizzle-orm";
import type { Database } from "../client";
import { findCaseOfOwner } from "../queries/cases";
import { listDebtsOfCase } from "../queries/debts";
import { recordPlanProjection } from "../queries/recovery";
import { findUserByEmail } from "../queries/users";
import { plans } from "../schema";
import { createCaller } from "@/server/api/root";
import type { SessionUser } from "@/server/auth/session";
import { monthOfDay, shiftMonth } from "@/server/domain/credit";
import { shanghaiToday } from "@/server/domain/time";
import { addFundEntryRow, addHabitDays, addPayment, createAccount } from "./factories";

/** The demo accounts: printed by `npm run db:seed` and listed in the README. */
export const DEMO_ACCOUNTS = [
  { email: "borrower@demo.shore", password: "shore-demo-borrower", displayName: "示例借款人", role: "borrower" },
  { email: "counselor@demo.shore", password: "shore-demo-counselor", displayName: "示例顾问", role: "counselor" },
] as const;

/** Creates the demo accounts that do not exist yet, and the borrower's year of progress; running it twice changes nothing. */
export async function seedDemo(db: Database, { now = new Date() }: { now?: Date } = {}) {
  const created: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if (await findUserByEmail(db, account.email)) continue;
    await createAccount(db, account);
    created.push(account.email);
  }
  const borrower = await findUserByEmail(db, DEMO_ACCOUNTS[0].email);
  if (borrower) await seedBorrowerProgress(db, borrower, { now });
  return created;
}

function dayBefore(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

/**
 * About a year of a borrower's progress, through the app's own procedures and factories: four
 * debts, a budget and a saved plan (with a negotiated discount), a payment on the 5th of every
 * month for the past 12 months (two small debts settled on the way), emergency fund deposits, a
 * spending-log streak and the first checklist item. Only for a case without debts.
 */
export async function seedBorrowerProgress(
  db: Database,
  user: { id: string; displayName: string; email: string; role: SessionUser["role"] },
  { now = new Date() }: { now?: Date } = {},
) {
  const own = await findCaseOfOwner(db, user.id);
  if (!own || (await listDebtsOfCase(db, own.id)).length > 0) return null;
  const caseId = own.id;
  const api = createCaller({
    db,
    user: { id: user.id, name: user.displayName, email: user.email, role: user.role },
    meta: { ip: "127.0.0.1", userAgent: "seed" },
    now: () => now,
  });
  const today = shanghaiToday(now);
  const month = monthOfDay(today);

  const consumer = await api.debts.create({
    platform: "某消费金融",
    debtKind: "consumerFinance",
    lenderKind: "consumerFinance",
    principal: "20000",
    outstanding: "16000",
    repaymentMethod: "equalInstallment",
    installmentCount: 24,
    monthlyRatePercent: "1.5",
    status: "overdue",
  });
  const app = await api.debts.create({
    platform: "某分期App",
    debtKind: "onlineLoan",
    principal: "8000",
    received: "7200",
    outstanding: "7480",
    repaymentMethod: "fixedInstallments",
    installmentCount: 12,
    installmentAmount: "880",
  });
  const card = await api.debts.create({
    platform: "某银行信用卡",
    debtKind: "creditCard",
    lenderKind: "licensedBank",
    principal: "15000",
    outstanding: "15000",
    repaymentMethod: "none",
    status: "negotiating",
  });
  const small = await api.debts.create({
    platform: "某小额网贷",
    debtKind: "onlineLoan",
    principal: "3000",
    outstanding: "3000",
    repaymentMethod: "none",
    status: "overdue",
  });

  // A payment on the 5th of each of the past 12 months (and this month once the 5th has passed).
  const months = Array.from({ length: 12 }, (_, i) => shiftMonth(month, i - 12));
  if (today >= `${month}-05`) months.push(month);
  for (const [i, m] of months.entries()) {
    const paidOn = `${m}-05`;
    await addPayment(db, { caseId, debtId: consumer.id, amount: "600", paidOn });
    await addPayment(db, { caseId, debtId: card.id, amount: "300", paidOn });
    // 某分期App: 680 a month until it is settled (11 payments).
    if (i < 11) await addPayment(db, { caseId, debtId: app.id, amount: "680", paidOn });
    // 某小额网贷: settled in three payments at the start.
    if (i < 3) await addPayment(db, { caseId, debtId: small.id, amount: "1000", paidOn });
  }

  await api.budget.save({
    items: [
      { label: "工资", kind: "income", monthlyAmount: "7000" },
      { label: "兼职 / 副业收入", kind: "income", monthlyAmount: "1000" },
      { label: "房租 / 房贷", kind: "expense", category: "essential", monthlyAmount: "2200" },
      { label: "伙食", kind: "expense", category: "essential", monthlyAmount: "1200" },
      { label: "交通", kind: "expense", category: "essential", monthlyAmount: "300" },
      { label: "通讯", kind: "expense", category: "essential", monthlyAmount: "100" },
      { label: "外卖 / 聚餐", kind: "expense", category: "discretionary", monthlyAmount: "600" },
      { label: "应急基金", kind: "expense", category: "savings", monthlyAmount: "500" },
    ],
  });
  await api.plan.save({
    version: 0,
    strategy: "avalanche",
    monthlyBudget: "1600",
    startMonth: month,
    terms: [{ debtId: card.id, kind: "principalDiscount", discountPercent: "20", installments: 12 }],
  });
  // The plan was saved two months ago (on the 5th), so it has a projection from last month: a
  // month later than today's, as after a month paid ahead.
  await db
    .update(plans)
    .set({ createdAt: new Date(`${shiftMonth(month, -2)}-05T10:00:00+08:00`) })
    .where(eq(plans.caseId, caseId));
  const plan = await api.plan.get();
  if (plan.result.status === "ok") {
    await recordPlanProjection(db, {
      caseId,
      month: shiftMonth(month, -1),
      debtFreeMonth: shiftMonth(plan.result.debtFreeMonth, 1),
    });
  }
  for (const stepId of ["buffer.listDebts", "buffer.checkRates", "buffer.keepRecords"]) {
    await api.plan.setStep({ stepId, done: true });
  }

  // The emergency fund: 500 a month for the past six months, 300 taken out once.
  for (let k = 6; k >= 1; k--) {
    await addFundEntryRow(db, { caseId, amount: "500", on: `${shiftMonth(month, -k)}-10`, note: "每月存入" });
  }
  await addFundEntryRow(db, { caseId, amount: "-300", on: `${shiftMonth(month, -2)}-20`, note: "看病" });

  // 20 days of logging spending, up to yesterday: today's check-in is still to do.
  await addHabitDays(db, {
    caseId,
    habit: "spendingLogged",
    days: Array.from({ length: 20 }, (_, i) => dayBefore(today, 20 - i)),
  });
  await api.recovery.setChecklistItem({ itemId: "account.open", done: true });
  return { caseId };
}
