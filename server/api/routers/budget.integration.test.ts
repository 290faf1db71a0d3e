import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/db/client";
import { findCaseOfOwner } from "@/db/queries/cases";
import { budgetItems } from "@/db/schema";
import { createAccount } from "@/db/seed/factories";
import type { BudgetItemInput } from "@/server/api/schemas/budget";
import { callerFor, sessionUserOf } from "@/test/callers";
import { openTestDatabase, STRONG_PASSWORD, uniqueEmail } from "@/test/database";
import { expectTrpcError } from "@/test/trpc-errors";

let open: OpenDatabase;
beforeAll(async () => {
  open = await openTestDatabase();
});
afterAll(async () => {
  await open.close();
});

async function newUser(role: "borrower" | "counselor") {
  const user = await createAccount(open.db, {
    email: uniqueEmail(role),
    password: STRONG_PASSWORD,
    displayName: role === "borrower" ? "小林" : "王顾问",
    role,
  });
  const caseRow = await findCaseOfOwner(open.db, user.id);
  return { api: callerFor(open.db, sessionUserOf(user)), caseId: caseRow?.id ?? "" };
}

const healthy: BudgetItemInput[] = [
  { label: "工资", kind: "income", monthlyAmount: "8,000" },
  { label: "兼职 / 副业收入", kind: "income", monthlyAmount: "１５００.５" },
  { label: "房租 / 房贷", kind: "expense", category: "essential", monthlyAmount: "3000" },
  { label: "伙食", kind: "expense", category: "essential", monthlyAmount: "1200" },
  { label: "交通", kind: "expense", category: "essential", monthlyAmount: "300" },
  { label: "娱乐", kind: "expense", category: "discretionary", monthlyAmount: "800" },
  { label: "外卖 / 聚餐", kind: "expense", category: "discretionary", monthlyAmount: "700" },
  { label: "储蓄", kind: "expense", category: "savings", monthlyAmount: "500" },
];

// Income 6,000; essentials 3,800 (63.33%); discretionary 2,000 (33.33%); savings 500: 300 short.
const strained: BudgetItemInput[] = [
  { label: "工资", kind: "income", monthlyAmount: "6000" },
  { label: "房租 / 房贷", kind: "expense", category: "essential", monthlyAmount: "2800" },
  { label: "伙食", kind: "expense", category: "essential", monthlyAmount: "1000" },
  { label: "购物", kind: "expense", category: "discretionary", monthlyAmount: "1500" },
  { label: "娱乐", kind: "expense", category: "discretionary", monthlyAmount: "500" },
  { label: "应急基金", kind: "expense", category: "savings", monthlyAmount: "500" },
];

describe("budget: a borrower's own budget", () => {
  it("starts empty, with the income prompt", async () => {
    const { api } = await newUser("borrower");
    const overview = await api.budget.get();
    expect(overview.saved).toBe(false);
    expect(overview.items).toEqual([]);
    expect(overview.analysis.capacity).toBe("0.00");
    expect(overview.analysis.suggestions.map((s) => s.rule)).toEqual(["income"]);
  });

  it("saves the lines as typed (全角, 千分位) and analyzes them exactly", async () => {
    const { api } = await newUser("borrower");
    expect(await api.budget.save({ items: healthy })).toEqual({ count: 8 });
    const { items, analysis, saved, emergencyFund } = await api.budget.get();
    expect(saved).toBe(true);
    expect(items.map((i) => [i.label, i.kind, i.monthlyAmount])).toEqual([
      ["工资", "income", "8000.00"],
      ["兼职 / 副业收入", "income", "1500.50"],
      ["房租 / 房贷", "expense", "3000.00"],
      ["伙食", "expense", "1200.00"],
      ["交通", "expense", "300.00"],
      ["娱乐", "expense", "800.00"],
      ["外卖 / 聚餐", "expense", "700.00"],
      ["储蓄", "expense", "500.00"],
    ]);
    expect(analysis.totals).toEqual({
      income: "9500.50",
      essential: "4500.00",
      discretionary: "1500.00",
      savings: "500.00",
      expenses: "6500.00",
    });
    // 9,500.50 − 6,500.00
    expect(analysis.capacity).toBe("3000.50");
    expect(analysis.shortfall).toBe("0.00");
    expect(analysis.checks.map((c) => [c.category, c.ok, c.gap])).toEqual([
      ["essential", true, "0.00"],
      ["discretionary", true, "0.00"],
      ["savings", true, "0.00"],
    ]);
    // 4,500 / 9,500.50, exact to the digits decimal.js keeps.
    expect(analysis.checks[0]?.share?.startsWith("0.473659")).toBe(true);
    expect(analysis.rescue.ok).toBe(true);
    expect(analysis.suggestions).toEqual([]);
    expect(emergencyFund).toMatchObject({ min: "13500.00", max: "27000.00" });
  });

  it("says which rule is broken and by how much, and replaces the whole list on save", async () => {
    const { api } = await newUser("borrower");
    await api.budget.save({ items: healthy });
    await api.budget.save({ items: strained });
    const { items, analysis, emergencyFund } = await api.budget.get();
    expect(items).toHaveLength(6);
    expect(analysis.capacity).toBe("0.00");
    expect(analysis.shortfall).toBe("300.00");
    expect(analysis.rescue).toMatchObject({ ok: false, excess: "800.00" });
    const byRule = Object.fromEntries(analysis.suggestions.map((s) => [s.rule, s]));
    expect(byRule.rescue?.amount).toBe("800.00");
    expect(byRule.rescue?.message).toContain("必要支出占收入 63.34%");
    expect(byRule.rescue?.message).toContain("「房租 / 房贷」");
    expect(byRule.fiftyThirtyTwenty?.amount).toBe("200.00");
    expect(byRule.fiftyThirtyTwenty?.message).toContain("可选支出占收入 33.34%");
    expect(byRule.balance?.amount).toBe("300.00");
    // Savings and repayment: 6,000 − 3,800 − 2,000 = 200, 1,000 below the 20% line.
    expect(analysis.checks.find((c) => c.category === "savings")).toMatchObject({ amount: "200.00", gap: "1000.00" });
    expect(emergencyFund).toMatchObject({ min: "11400.00", max: "22800.00" });
  });

  it("refuses bad lines with a message saying what to fix, and keeps the saved budget", async () => {
    const { api } = await newUser("borrower");
    await api.budget.save({ items: healthy });
    await expectTrpcError(
      api.budget.save({ items: [{ label: "工资", kind: "income", monthlyAmount: "八千" }] }),
      "BAD_REQUEST",
      "每月金额：金额格式不正确",
    );
    await expectTrpcError(
      api.budget.save({ items: [{ label: "房租", kind: "expense", category: "essential", monthlyAmount: "-5" }] }),
      "BAD_REQUEST",
      "金额不能为负数",
    );
    await expectTrpcError(
      api.budget.save({ items: [{ label: "  ", kind: "income", monthlyAmount: "1" }] }),
      "BAD_REQUEST",
      "请填写这一项的名称",
    );
    await expectTrpcError(
      api.budget.save({
        items: [{ label: "房租", kind: "expense", category: "luxury" as "essential", monthlyAmount: "1" }],
      }),
      "BAD_REQUEST",
      "请选择类别",
    );
    const tooMany = Array.from({ length: 101 }, () => ({ label: "工资", kind: "income" as const, monthlyAmount: "1" }));
    await expectTrpcError(api.budget.save({ items: tooMany }), "BAD_REQUEST", "预算最多 100 项");
    expect((await api.budget.get()).items).toHaveLength(8);
  });
});

describe("budget: access is denied to everyone but the owner", () => {
  it("another borrower cannot read the budget, and their save only ever touches their own case", async () => {
    const owner = await newUser("borrower");
    const other = await newUser("borrower");
    await owner.api.budget.save({ items: healthy });
    await expectTrpcError(other.api.budget.get({ caseId: owner.caseId }), "NOT_FOUND", "找不到这个案件");
    // A case id smuggled into a write is ignored: writes always go to the caller's own case.
    await other.api.budget.save({ caseId: owner.caseId, items: strained } as never);
    const ownerRows = await open.db.select().from(budgetItems).where(eq(budgetItems.caseId, owner.caseId));
    expect(ownerRows).toHaveLength(8);
    expect((await owner.api.budget.get()).analysis.capacity).toBe("3000.50");
    expect((await other.api.budget.get()).items).toHaveLength(6);
  });

  it("a counselor without a share reads nothing and writes nothing", async () => {
    const owner = await newUser("borrower");
    const counselor = await newUser("counselor");
    await owner.api.budget.save({ items: healthy });
    await expectTrpcError(counselor.api.budget.get({ caseId: owner.caseId }), "NOT_FOUND", "找不到这个案件");
    await expectTrpcError(counselor.api.budget.get(), "FORBIDDEN", "只有借款人");
    await expectTrpcError(counselor.api.budget.save({ items: strained }), "FORBIDDEN");
    const ownerRows = await open.db.select().from(budgetItems).where(eq(budgetItems.caseId, owner.caseId));
    expect(ownerRows.map((r) => r.monthlyAmount).sort()).toEqual(
      ["8000.00", "1500.50", "3000.00", "1200.00", "300.00", "800.00", "700.00", "500.00"].sort(),
    );
    expect((await owner.api.budget.get()).analysis.totals.income).toBe("9500.50");
  });

  it("signed-out callers are refused everywhere", async () => {
    const owner = await newUser("borrower");
    const anonymous = callerFor(open.db, null);
    await expectTrpcError(anonymous.budget.get(), "UNAUTHORIZED");
    await expectTrpcError(anonymous.budget.get({ caseId: owner.caseId }), "UNAUTHORIZED");
    await expectTrpcError(anonymous.budget.save({ items: healthy }), "UNAUTHORIZED");
    expect((await owner.api.budget.get()).items).toHaveLength(0);
  });
});
