import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { OpenDatabase } from "@/db/client";
import { findCaseOfOwner } from "@/db/queries/cases";
import { listHabitDays, recentPlanProjections, recordPlanProjection } from "@/db/queries/recovery";
import { plans } from "@/db/schema";
import { seedBorrowerProgress } from "@/db/seed/demo";
import { createAccount } from "@/db/seed/factories";
import { shiftMonth } from "@/server/domain/credit";
import { progressHistory, progressSummary } from "@/server/services/progress";
import { callerFor, sessionUserOf } from "@/test/callers";
import { openTestDatabase, STRONG_PASSWORD, uniqueEmail } from "@/test/database";
import { expectTrpcError } from "@/test/trpc-errors";

// "Today" is 2026-11-27 in Shanghai (the callers' clock: 2026-11-27T04:00Z).
const NOW = new Date("2026-11-27T04:00:00Z");

let open: OpenDatabase;
beforeAll(async () => {
  open = await openTestDatabase();
});
afterAll(async () => {
  await open.close();
});

async function newUser(role: "borrower" | "counselor", now = NOW) {
  const user = await createAccount(open.db, {
    email: uniqueEmail(role),
    password: STRONG_PASSWORD,
    displayName: role === "borrower" ? "小周" : "李顾问",
    role,
  });
  const caseRow = await findCaseOfOwner(open.db, user.id);
  return { user, api: callerFor(open.db, sessionUserOf(user), { now: () => now }), caseId: caseRow?.id ?? "" };
}

/** The demo borrower's year: payments on the 5th from 2025-11 to 2026-11, two small debts settled. */
async function borrowerWithAYear() {
  const me = await newUser("borrower");
  await seedBorrowerProgress(open.db, me.user, { now: NOW });
  return me;
}

async function counselorOf(me: Awaited<ReturnType<typeof newUser>>) {
  const counselor = await newUser("counselor");
  await me.api.sharing.invite({ email: counselor.user.email });
  const [invite] = await counselor.api.counselor.invitations();
  await counselor.api.counselor.respond({ shareId: invite?.id ?? "", accept: true });
  return { ...counselor, shareId: invite?.id ?? "" };
}

describe("recovery.overview: credit milestones, fund, habits", () => {
  it("dates each settled debt's record removal 5 years after settlement, the mortgage 2 years after the last", async () => {
    const me = await borrowerWithAYear();
    const o = await me.api.recovery.overview();
    expect(o.settledCount).toBe(2);
    const byLabel = new Map(o.perDebt.map((d) => [d.label, d]));
    expect(byLabel.get("某分期App")?.negativeRecordRemoval.date).toBe("2031-09-05");
    expect(byLabel.get("某小额网贷")?.negativeRecordRemoval.date).toBe("2031-01-05");
    expect(byLabel.get("某小额网贷")?.goodRecord24.date).toBe("2028-01-05");
    expect(byLabel.get("某小额网贷")?.negativeRecordRemoval.source.citation).toBe("《征信业管理条例》第 16 条");
    expect(o.lastSettlement).toBe("2026-09-05");
    expect(o.mortgageEarliest?.date).toBe("2028-09-05");
    // Every 6 months from the first settlement: 2026-07-05 has passed, 2027-01-05 is next.
    expect(o.nextReportCheck?.date).toBe("2027-01-05");
    expect(o.timeline.filter((m) => m.kind === "reportCheck").map((m) => m.date)).toEqual(["2027-01-05"]);
    expect(o.timeline.map((m) => m.date)).toEqual([...o.timeline.map((m) => m.date)].sort());
  });

  it("measures the fund against 3–6 months of essentials, with the budget's savings as the contribution", async () => {
    const me = await borrowerWithAYear();
    const { fund } = await me.api.recovery.overview();
    // 6 × 500 in, 300 out; essentials 3,800 a month; 500 a month to savings.
    expect(fund.balance).toBe("2700.00");
    expect(fund.targetMin).toBe("11400.00");
    expect(fund.targetMax).toBe("22800.00");
    expect(fund.percentToMin).toBe(23);
    expect(fund.monthlyContribution).toBe("500.00");
    expect(fund.monthsToMin).toBe(18);
    expect(fund.entries).toHaveLength(7);
    expect(fund.entries[0]?.amount).toBe("500.00");
  });

  it("counts the habit streak up to yesterday, and today's check-in once", async () => {
    const me = await borrowerWithAYear();
    const before = (await me.api.recovery.overview()).habits.find((h) => h.habit === "spendingLogged");
    expect(before).toMatchObject({ current: 20, loggedToday: false, goal: 66, daysToGoal: 46 });
    await me.api.recovery.checkIn({ habit: "spendingLogged" });
    await me.api.recovery.checkIn({ habit: "spendingLogged" });
    const after = (await me.api.recovery.overview()).habits.find((h) => h.habit === "spendingLogged");
    expect(after).toMatchObject({ current: 21, loggedToday: true, lastDay: "2026-11-27" });
    await me.api.recovery.checkIn({ habit: "spendingLogged", done: false });
    const undone = (await me.api.recovery.overview()).habits.find((h) => h.habit === "spendingLogged");
    expect(undone).toMatchObject({ current: 20, loggedToday: false });
  });

  it("checks in on the Shanghai day: 16:30 UTC on the 27th is already the 28th", async () => {
    const me = await newUser("borrower", new Date("2026-11-27T16:30:00Z"));
    await me.api.recovery.checkIn({ habit: "budgetKept" });
    const days = await listHabitDays(open.db, me.caseId);
    expect(days.map((d) => [d.habit, d.day])).toEqual([["budgetKept", "2026-11-28"]]);
  });

  it("shows the 50/30/20 split of the budget", async () => {
    const me = await borrowerWithAYear();
    const { split } = await me.api.recovery.overview();
    expect(split.hasIncome).toBe(true);
    const essential = split.parts.find((p) => p.category === "essential");
    // 3,800 of 8,000 = 47.5%.
    expect(essential).toMatchObject({ percent: 47, targetPercent: 50, ok: true });
  });
});

describe("recovery.history: the dashboard's month by month", () => {
  it("rebuilds what was owed at each month end from the payments, next to the plan", async () => {
    const me = await borrowerWithAYear();
    const h = await me.api.recovery.history();
    expect(h.currentMonth).toBe("2026-11");
    expect(h.debt.months[0]).toBe("2025-11");
    // 41,480 owed before the first payments; 2,580 paid in 2025-11.
    expect(h.debt.actual[0]).toBe("38900.00");
    const nowIndex = h.debt.months.indexOf("2026-11");
    // 某消费金融 16,000 − 13 × 600 and 某银行信用卡 15,000 − 13 × 300.
    expect(h.debt.actual[nowIndex]).toBe("19300.00");
    expect(h.debt.actual[nowIndex + 1]).toBeNull();
    expect(h.debt.plan[nowIndex - 1]).toBeNull();
    expect(h.debt.plan[nowIndex]).not.toBeNull();
    // 2026-01: the last of 某小额网贷 (1,000) too; 2026-02: 600 + 300 + 680.
    expect(h.payments.actual[h.payments.months.indexOf("2026-01")]).toBe("2580.00");
    expect(h.payments.actual[h.payments.months.indexOf("2026-02")]).toBe("1580.00");
    expect(h.thisMonth.paid).toBe("900.00");

    const plan = await me.api.plan.get();
    if (plan.result.status !== "ok") throw new Error("the seeded plan should finish");
    expect(h.thisMonth.planned).toBe(plan.result.months[0]?.payment);
    expect(h.plan.debtFreeMonth).toBe(plan.result.debtFreeMonth);
    // 20% of 某银行信用卡's 11,100 waived.
    expect(h.plan.totalDiscount).toBe("2220.00");
    expect(h.fund?.balance.at(-1)).toBe("2700.00");
    expect(h.fund?.targetMin).toBe("11400.00");
  });

  it("the share link's view has the same progress and no emergency fund", async () => {
    const me = await borrowerWithAYear();
    const mine = await me.api.recovery.history();
    const shared = await progressHistory(open.db, me.caseId, { today: "2026-11-27", includeFund: false });
    expect(shared.fund).toBeNull();
    expect(shared.debt).toEqual(mine.debt);
    expect(shared.payments).toEqual(mine.payments);
    const summary = await progressSummary(open.db, me.caseId, { now: NOW, showPlatforms: false });
    expect(summary).toMatchObject({ owedAtStart: "46000.00", owedNow: "19300.00", percentRepaid: 58, debts: null });
  });

  it("counts the months on the plan in Shanghai days, and none until the first month is full", async () => {
    const me = await borrowerWithAYear();
    // Saved at 01:00 on 1 November in Shanghai, which is still 31 October in UTC.
    await open.db
      .update(plans)
      .set({ createdAt: new Date("2026-10-31T17:00:00Z") })
      .where(eq(plans.caseId, me.caseId));
    const monthsAt = async (now: string) =>
      (await progressSummary(open.db, me.caseId, { now: new Date(now), showPlatforms: false })).monthsOnPlan;
    expect(await monthsAt("2026-11-30T15:59:00Z")).toBe(0); // 30 November, 23:59 in Shanghai
    expect(await monthsAt("2026-11-30T16:00:00Z")).toBe(1); // 1 December, 00:00 in Shanghai
    expect(await monthsAt("2027-11-01T00:00:00Z")).toBe(12);
  });

  it("an active counselor reads it; a revoked one, another borrower and the signed-out cannot", async () => {
    const me = await borrowerWithAYear();
    const counselor = await counselorOf(me);
    const seen = await counselor.api.recovery.history({ caseId: me.caseId });
    expect(seen.thisMonth.paid).toBe("900.00");
    expect((await counselor.api.recovery.overview({ caseId: me.caseId })).fund.balance).toBe("2700.00");
    const other = await newUser("borrower");
    await expectTrpcError(other.api.recovery.history({ caseId: me.caseId }), "NOT_FOUND");
    await expectTrpcError(other.api.recovery.overview({ caseId: me.caseId }), "NOT_FOUND");
    await expectTrpcError(callerFor(open.db, null).recovery.overview({ caseId: me.caseId }), "UNAUTHORIZED");
    await me.api.sharing.revoke({ shareId: counselor.shareId });
    await expectTrpcError(counselor.api.recovery.overview({ caseId: me.caseId }), "NOT_FOUND");
  });
});

describe("recovery.history: how the projected debt-free month moved", () => {
  it("keeps the borrower's projection per month and compares with the latest earlier month", async () => {
    const me = await borrowerWithAYear();
    const october = callerFor(open.db, sessionUserOf(me.user), { now: () => new Date("2026-10-27T04:00:00Z") });
    const first = await october.recovery.history();
    expect(first.plan.previous).toBeNull();
    expect(first.plan.movedMonths).toBeNull();
    expect(await recentPlanProjections(open.db, me.caseId, "2026-10")).toMatchObject([
      { month: "2026-10", debtFreeMonth: first.plan.debtFreeMonth },
    ]);

    // A counselor's read and the share link's view only read; the borrower's own view keeps November's.
    const counselor = await counselorOf(me);
    const seen = await counselor.api.recovery.history({ caseId: me.caseId });
    await progressHistory(open.db, me.caseId, { today: "2026-11-27", includeFund: false });
    expect(await recentPlanProjections(open.db, me.caseId, "2026-11")).toHaveLength(1);
    expect(seen.plan.previous).toEqual({ recordedIn: "2026-10", debtFreeMonth: first.plan.debtFreeMonth });

    // October's projection, set to six months after November's: now it is six months earlier.
    const now = await me.api.recovery.history();
    if (!now.plan.debtFreeMonth) throw new Error("the seeded plan should finish");
    await recordPlanProjection(open.db, {
      caseId: me.caseId,
      month: "2026-10",
      debtFreeMonth: shiftMonth(now.plan.debtFreeMonth, 6),
    });
    const again = await me.api.recovery.history();
    expect(again.plan.previous?.recordedIn).toBe("2026-10");
    expect(again.plan.movedMonths).toBe(-6);
    const rows = await recentPlanProjections(open.db, me.caseId, "2026-11");
    expect(rows.map((r) => [r.month, r.debtFreeMonth])).toEqual([
      ["2026-11", now.plan.debtFreeMonth],
      ["2026-10", shiftMonth(now.plan.debtFreeMonth, 6)],
    ]);

    // A plan that can no longer finish is kept as "none", and the move is not a number of months.
    await recordPlanProjection(open.db, { caseId: me.caseId, month: "2026-10", debtFreeMonth: null });
    const fromNone = await me.api.recovery.history();
    expect(fromNone.plan.previous).toEqual({ recordedIn: "2026-10", debtFreeMonth: null });
    expect(fromNone.plan.movedMonths).toBeNull();
  });

  it("the demo borrower's dashboard shows last month's projection a month later than today's", async () => {
    const me = await borrowerWithAYear();
    const h = await me.api.recovery.history();
    if (!h.plan.debtFreeMonth) throw new Error("the seeded plan should finish");
    expect(h.plan.previous).toEqual({ recordedIn: "2026-10", debtFreeMonth: shiftMonth(h.plan.debtFreeMonth, 1) });
    expect(h.plan.movedMonths).toBe(-1);
    // The plan was saved on 2026-09-05, before that projection.
    expect((await me.api.progress.summary()).monthsOnPlan).toBe(2);
  });

  it("refuses a malformed month at the database", async () => {
    const me = await newUser("borrower");
    await expect(
      recordPlanProjection(open.db, { caseId: me.caseId, month: "2026-13", debtFreeMonth: null }),
    ).rejects.toThrow();
    await expect(
      recordPlanProjection(open.db, { caseId: me.caseId, month: "2026-11", debtFreeMonth: "next year" }),
    ).rejects.toThrow();
  });
});

describe("recovery writes", () => {
  it("deposits and withdraws; a withdrawal above the balance or a future day is refused", async () => {
    const me = await newUser("borrower");
    const first = await me.api.recovery.addFundEntry({ direction: "deposit", amount: "1,000.50", on: "2026-11-01" });
    expect(first.balance).toBe("1000.50");
    const out = await me.api.recovery.addFundEntry({
      direction: "withdrawal",
      amount: "200",
      on: "2026-11-20",
      note: "药费",
    });
    expect(out).toMatchObject({ amount: "-200.00", balance: "800.50" });
    await expectTrpcError(
      me.api.recovery.addFundEntry({ direction: "withdrawal", amount: "800.51", on: "2026-11-27" }),
      "BAD_REQUEST",
      "取出的金额不能超过应急基金余额（¥800.50）",
    );
    await expectTrpcError(
      me.api.recovery.addFundEntry({ direction: "deposit", amount: "10", on: "2026-11-28" }),
      "BAD_REQUEST",
      "日期不能晚于今天",
    );
    await expectTrpcError(
      me.api.recovery.addFundEntry({ direction: "deposit", amount: "0", on: "2026-11-27" }),
      "BAD_REQUEST",
      "金额要大于 0",
    );
    expect((await me.api.recovery.overview()).fund.balance).toBe("800.50");
  });

  it("deletes only the caller's own entries, never leaving a negative balance", async () => {
    const me = await newUser("borrower");
    const deposit = await me.api.recovery.addFundEntry({ direction: "deposit", amount: "500", on: "2026-11-01" });
    const withdrawal = await me.api.recovery.addFundEntry({ direction: "withdrawal", amount: "300", on: "2026-11-02" });
    const other = await newUser("borrower");
    await expectTrpcError(other.api.recovery.deleteFundEntry({ id: deposit.id }), "NOT_FOUND");
    const counselor = await counselorOf(me);
    await expectTrpcError(counselor.api.recovery.deleteFundEntry({ id: deposit.id }), "FORBIDDEN");
    await expectTrpcError(
      counselor.api.recovery.addFundEntry({ direction: "deposit", amount: "1", on: "2026-11-01" }),
      "FORBIDDEN",
    );
    await expectTrpcError(me.api.recovery.deleteFundEntry({ id: deposit.id }), "BAD_REQUEST", "余额会变成负数");
    expect((await me.api.recovery.overview()).fund.balance).toBe("200.00");
    await me.api.recovery.deleteFundEntry({ id: withdrawal.id });
    await me.api.recovery.deleteFundEntry({ id: deposit.id });
    expect((await me.api.recovery.overview()).fund.balance).toBe("0.00");
  });

  it("checks and unchecks checklist items; unknown items are refused", async () => {
    const me = await newUser("borrower");
    await me.api.recovery.setChecklistItem({ itemId: "account.autoDebit", done: true });
    let items = (await me.api.recovery.overview()).checklist;
    expect(items.find((i) => i.id === "account.autoDebit")?.doneOn).toBe("2026-11-27");
    await me.api.recovery.setChecklistItem({ itemId: "account.autoDebit", done: false });
    items = (await me.api.recovery.overview()).checklist;
    expect(items.every((i) => i.doneOn === null)).toBe(true);
    await expectTrpcError(
      me.api.recovery.setChecklistItem({ itemId: "account.other", done: true }),
      "BAD_REQUEST",
      "清单项目不正确",
    );
    const counselor = await counselorOf(me);
    await expectTrpcError(counselor.api.recovery.checkIn({ habit: "spendingLogged" }), "FORBIDDEN");
  });

  it("flags new borrowing above 10% a year, and explains what it could not read", async () => {
    const me = await newUser("borrower");
    expect(await me.api.recovery.checkBorrowing({ annualRatePercent: "10", licensed: "yes" })).toEqual({
      ok: true,
      warnings: [],
    });
    const high = await me.api.recovery.checkBorrowing({ annualRatePercent: "10.01%", licensed: "unknown" });
    expect(high.ok).toBe(false);
    expect(high.warnings.map((w) => w.code)).toEqual(["rateAboveLimit", "lenderUnknown"]);
    expect(high.warnings[0]?.source.markLabel).toBe("一般经验，非法律规定");
    await expectTrpcError(
      me.api.recovery.checkBorrowing({ annualRatePercent: "abc", licensed: "yes" }),
      "BAD_REQUEST",
      "实际年化利率格式不正确",
    );
    await expectTrpcError(callerFor(open.db, null).recovery.checkBorrowing({ annualRatePercent: "8" }), "UNAUTHORIZED");
  });
});
