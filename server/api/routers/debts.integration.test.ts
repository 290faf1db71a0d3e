import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/db/client";
import { debts } from "@/db/schema";
import { createAccount } from "@/db/seed/factories";
import type { DebtFieldsInput } from "@/server/api/schemas/debts";
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
  return callerFor(open.db, sessionUserOf(user));
}

// "Today" in these tests is 2026-11-27 (Shanghai); see test/callers.ts.
const feeRateLoan: DebtFieldsInput = {
  platform: "某呗分期",
  debtKind: "onlineLoan",
  lenderKind: "licensedBank",
  principal: "12,000",
  outstanding: "6000",
  repaymentMethod: "feeRate",
  installmentCount: 12,
  monthlyRatePercent: "0.6",
  contractDate: "2026-03-10",
  status: "current",
  notes: "",
};
const headFeeLoan: DebtFieldsInput = {
  platform: "急用钱",
  debtKind: "onlineLoan",
  lenderKind: "localLender",
  principal: "5000",
  received: "4000",
  outstanding: "5,000",
  repaymentMethod: "fixedInstallments",
  installmentCount: 6,
  installmentAmount: "1000",
  contractDate: "2026-07-01",
  firstMissedDueDate: "2026-10-31",
  status: "overdue",
};
const familyLoan: DebtFieldsInput = {
  platform: "表哥",
  debtKind: "privateLoan",
  principal: "2万",
  outstanding: "２００００",
  repaymentMethod: "none",
};

describe("debts: a borrower's own list", () => {
  it("adds debts described the way people describe them and computes the real rate", async () => {
    const me = await newUser("borrower");
    await me.debts.create(feeRateLoan);
    await me.debts.create(headFeeLoan);
    await me.debts.create(familyLoan);
    const { items, totals } = await me.debts.list();
    expect(items).toHaveLength(3);

    const fee = items.find((d) => d.platform === "某呗分期");
    expect(fee?.realAnnualRate && (Number(fee.realAnnualRate) * 100).toFixed(2)).toBe("13.03");
    expect(fee?.monthlyPayment).toBe("1072.00");

    const head = items.find((d) => d.platform === "急用钱");
    // 4,000 received, 6 × 1,000 repaid: far above 36%.
    // Independent check: 1,000 × (1 − 1.1298^−6) / 0.1298 ≈ 4,000, so about 12.98% a month, ×12 ≈ 155.7%.
    expect(Number(head?.realAnnualRate)).toBeGreaterThan(1.555);
    expect(Number(head?.realAnnualRate)).toBeLessThan(1.56);
    expect(head?.upfrontFee).toBe("1000.00");
    expect(head?.overdueDays).toBe(27);
    expect(head?.stage.label).toBe("逾期 1–30 天");
    expect(head?.statusLabel).toBe("逾期");
    expect(head?.badges.some((b) => b.label === "36%" && b.position === "above")).toBe(true);

    const family = items.find((d) => d.platform === "表哥");
    expect(family?.realAnnualRate).toBeNull();
    expect(family?.outstanding).toBe("20000.00");

    expect(totals).toEqual({
      owed: "31000.00",
      monthlyDue: "2072.00",
      overdueAmount: "5000.00",
      aboveLineCount: 1,
      activeCount: 3,
    });
    // The overdue, high-rate loan about to be reported comes first, with its reasons.
    expect(items[0]?.platform).toBe("急用钱");
    expect(items[0]?.reasons.join(" ")).toContain("再过 4 天");
    expect(items.at(-1)?.rank).toBe(3);
  });

  it("shows a debt's consequences and the legal lines with sources and the not-legal-advice note", async () => {
    const me = await newUser("borrower");
    const { id } = await me.debts.create(headFeeLoan);
    const detail = await me.debts.get({ id });
    expect(detail.debt.platform).toBe("急用钱");
    expect(detail.consequences.length).toBeGreaterThan(0);
    expect(detail.consequences.every((c) => c.source.citation.length > 0)).toBe(true);
    expect(detail.rateLines.map((l) => l.label)).toEqual(expect.arrayContaining(["24%", "36%"]));
    expect(detail.notLegalAdvice).toContain("不是法律意见");
  });

  it("refuses bad input with a message per field and saves nothing", async () => {
    const me = await newUser("borrower");
    const err = await expectTrpcError(
      me.debts.create({ ...feeRateLoan, principal: "十二万", monthlyRatePercent: "abc" }),
      "BAD_REQUEST",
      "借款金额：金额格式不正确",
    );
    expect(err.message).not.toContain("Internal");
    await expectTrpcError(
      me.debts.create({ ...headFeeLoan, received: "6000" }),
      "BAD_REQUEST",
      "实际到手金额不能多于借款金额",
    );
    await expectTrpcError(
      me.debts.create({ ...headFeeLoan, installmentAmount: "100" }),
      "BAD_REQUEST",
      "还款总额低于实际到手金额",
    );
    await expectTrpcError(me.debts.create({ ...familyLoan, platform: "  " }), "BAD_REQUEST", "请填写平台或出借人");
    await expectTrpcError(
      me.debts.create({ ...familyLoan, contractDate: "2026-02-30" }),
      "BAD_REQUEST",
      "不是有效的日期",
    );
    expect((await me.debts.list()).items).toHaveLength(0);
  });

  it("refuses a stale edit and keeps the first one", async () => {
    const me = await newUser("borrower");
    const { id, version } = await me.debts.create(familyLoan);
    const first = await me.debts.update({ id, version, fields: { ...familyLoan, outstanding: "15000" } });
    expect(first.version).toBe(version + 1);
    await expectTrpcError(
      me.debts.update({ id, version, fields: { ...familyLoan, outstanding: "1" } }),
      "CONFLICT",
      "刚刚在别处被修改过",
    );
    await expectTrpcError(me.debts.setStatus({ id, version, status: "settled" }), "CONFLICT");
    const after = await me.debts.get({ id });
    expect(after.debt.outstanding).toBe("15000.00");
    expect(after.debt.status).toBe("current");
  });

  it("pauses, settles and archives: archived debts leave the list and the totals", async () => {
    const me = await newUser("borrower");
    const a = await me.debts.create(feeRateLoan);
    const b = await me.debts.create(familyLoan);
    const paused = await me.debts.setStatus({ id: a.id, version: a.version, status: "paused" });
    let overview = await me.debts.list();
    expect(overview.totals.monthlyDue).toBe("0.00");
    expect(overview.items.at(-1)?.id).toBe(a.id);
    await me.debts.setArchived({ id: b.id, version: b.version, archived: true });
    overview = await me.debts.list();
    expect(overview.items.map((d) => d.id)).toEqual([a.id]);
    expect(overview.archived.map((d) => d.id)).toEqual([b.id]);
    expect(overview.totals.owed).toBe("6000.00");
    await me.debts.setStatus({ id: a.id, version: paused.version, status: "settled" });
    expect((await me.debts.list()).totals.owed).toBe("0.00");
  });
});

describe("debts: access is denied to everyone but the owner", () => {
  it("another borrower cannot read, edit, re-status or archive the first one's debts", async () => {
    const owner = await newUser("borrower");
    const other = await newUser("borrower");
    const { id, version } = await owner.debts.create(headFeeLoan);

    await expectTrpcError(other.debts.get({ id }), "NOT_FOUND", "找不到这笔债务");
    await expectTrpcError(other.debts.update({ id, version, fields: familyLoan }), "NOT_FOUND");
    await expectTrpcError(other.debts.setStatus({ id, version, status: "settled" }), "NOT_FOUND");
    await expectTrpcError(other.debts.setArchived({ id, version, archived: true }), "NOT_FOUND");
    expect((await other.debts.list()).items).toHaveLength(0);

    const [row] = await open.db.select().from(debts).where(eq(debts.id, id));
    expect(row?.version).toBe(version);
    expect(row?.platform).toBe("急用钱");
    expect(row?.archivedAt).toBeNull();
  });

  it("a borrower cannot read another case by its id", async () => {
    const owner = await newUser("borrower");
    const other = await newUser("borrower");
    await owner.debts.create(familyLoan);
    const { caseId } = await ownCaseIdOf(owner);
    await expectTrpcError(other.debts.list({ caseId }), "NOT_FOUND", "找不到这个案件");
  });

  it("a counselor without a share sees nothing and can write nothing", async () => {
    const owner = await newUser("borrower");
    const counselor = await newUser("counselor");
    const { id, version } = await owner.debts.create(familyLoan);
    const { caseId } = await ownCaseIdOf(owner);
    await expectTrpcError(counselor.debts.list({ caseId }), "NOT_FOUND");
    await expectTrpcError(counselor.debts.get({ id, caseId }), "NOT_FOUND");
    await expectTrpcError(counselor.debts.list(), "FORBIDDEN", "只有借款人");
    await expectTrpcError(counselor.debts.create(familyLoan), "FORBIDDEN");
    await expectTrpcError(counselor.debts.update({ id, version, fields: familyLoan }), "FORBIDDEN");
  });

  it("signed-out callers are refused everywhere", async () => {
    const anonymous = callerFor(open.db, null);
    await expectTrpcError(anonymous.debts.list(), "UNAUTHORIZED");
    await expectTrpcError(anonymous.debts.create(familyLoan), "UNAUTHORIZED");
  });
});

async function ownCaseIdOf(caller: Awaited<ReturnType<typeof newUser>>) {
  const me = await caller.account.me();
  const { findCaseOfOwner } = await import("@/db/queries/cases");
  const found = await findCaseOfOwner(open.db, me.id);
  if (!found) throw new Error("no case");
  return { caseId: found.id };
}
