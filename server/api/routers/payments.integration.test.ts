import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/db/client";
import { findCaseOfOwner } from "@/db/queries/cases";
import { debts, payments } from "@/db/schema";
import { createAccount } from "@/db/seed/factories";
import type { DebtFieldsInput } from "@/server/api/schemas/debts";
import { readXlsx } from "@/server/services/debt-transfer";
import { exportPayments, exportSchedule } from "@/server/services/payment-export";
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
  return { user, api: callerFor(open.db, sessionUserOf(user)), caseId: caseRow?.id ?? "" };
}

const loan: DebtFieldsInput = {
  platform: "某借呗",
  debtKind: "onlineLoan",
  principal: "3000",
  outstanding: "1000.10",
  repaymentMethod: "none",
  status: "overdue",
};

async function debtRow(id: string) {
  const [row] = await open.db.select().from(debts).where(eq(debts.id, id));
  if (!row) throw new Error("no debt");
  return row;
}

describe("payments", () => {
  it("lowers the balance exactly, settles the debt at zero, and deleting puts both back", async () => {
    const me = await newUser("borrower");
    const debt = await me.api.debts.create(loan);

    const first = await me.api.payments.record({ debtId: debt.id, amount: "300.05", paidOn: "2026-11-20" });
    expect(first).toMatchObject({ outstanding: "700.05", settled: false });
    const second = await me.api.payments.record({
      debtId: debt.id,
      amount: "700.05",
      paidOn: "2026-11-27",
      note: "结清",
    });
    expect(second).toMatchObject({ outstanding: "0.00", settled: true });
    let row = await debtRow(debt.id);
    expect(row).toMatchObject({ outstanding: "0.00", status: "settled", settledOn: "2026-11-27" });
    // Each payment bumped the version: an edit form opened before them is refused.
    expect(row.version).toBe(debt.version + 2);

    const history = await me.api.payments.list();
    expect(history.totalPaid).toBe("1000.10");
    expect(history.paidThisMonth).toBe("1000.10");
    expect(history.payments.map((p) => p.amount)).toEqual(["700.05", "300.05"]);
    expect(history.payments[0]).toMatchObject({ platform: "某借呗", settledDebt: true, note: "结清" });
    expect(history.months).toEqual([{ month: "2026-11", amount: "1000.10" }]);

    await me.api.payments.delete({ id: second.id });
    row = await debtRow(debt.id);
    expect(row).toMatchObject({ outstanding: "700.05", status: "overdue", settledOn: null });
    expect((await me.api.payments.list()).totalPaid).toBe("300.05");
  });

  it("refuses more than is owed, a future day, a settled debt and bad amounts, and writes nothing", async () => {
    const me = await newUser("borrower");
    const debt = await me.api.debts.create(loan);
    await expectTrpcError(
      me.api.payments.record({ debtId: debt.id, amount: "1000.11", paidOn: "2026-11-27" }),
      "BAD_REQUEST",
      "超过了这笔债务剩余待还的 ¥1,000.10",
    );
    await expectTrpcError(
      me.api.payments.record({ debtId: debt.id, amount: "10", paidOn: "2026-11-28" }),
      "BAD_REQUEST",
      "还款日期不能晚于今天",
    );
    for (const amount of ["0", "-5", "abc", "1.234", "NaN", "1e400"]) {
      await expectTrpcError(me.api.payments.record({ debtId: debt.id, amount, paidOn: "2026-11-27" }), "BAD_REQUEST");
    }
    await expectTrpcError(
      me.api.payments.record({ debtId: debt.id, amount: "1", paidOn: "2026-02-30" }),
      "BAD_REQUEST",
      "还款日期不是有效的日期",
    );
    expect(await open.db.select().from(payments).where(eq(payments.debtId, debt.id))).toEqual([]);
    expect((await debtRow(debt.id)).outstanding).toBe("1000.10");

    await me.api.payments.record({ debtId: debt.id, amount: "1000.10", paidOn: "2026-11-27" });
    await expectTrpcError(
      me.api.payments.record({ debtId: debt.id, amount: "1", paidOn: "2026-11-27" }),
      "BAD_REQUEST",
      "已结清",
    );
  });

  it("many payments recorded at once keep the balance exact", async () => {
    const me = await newUser("borrower");
    const debt = await me.api.debts.create({ ...loan, outstanding: "1000.00" });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        me.api.payments.record({ debtId: debt.id, amount: "33.33", paidOn: "2026-11-27" }),
      ),
    );
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    expect((await debtRow(debt.id)).outstanding).toBe("333.40");
    expect((await me.api.payments.list({ debtId: debt.id })).totalPaid).toBe("666.60");
  });

  it("another borrower can neither record on, delete nor read someone else's payments", async () => {
    const me = await newUser("borrower");
    const other = await newUser("borrower");
    const debt = await me.api.debts.create(loan);
    const paid = await me.api.payments.record({ debtId: debt.id, amount: "100", paidOn: "2026-11-27" });

    await expectTrpcError(
      other.api.payments.record({ debtId: debt.id, amount: "100", paidOn: "2026-11-27" }),
      "NOT_FOUND",
    );
    await expectTrpcError(other.api.payments.delete({ id: paid.id }), "NOT_FOUND");
    await expectTrpcError(other.api.payments.list({ caseId: me.caseId }), "NOT_FOUND");
    expect((await other.api.payments.list()).payments).toEqual([]);
    expect((await debtRow(debt.id)).outstanding).toBe("900.10");
    expect((await me.api.payments.list()).payments).toHaveLength(1);
  });

  it("a counselor the case is shared with reads the history but cannot record or delete", async () => {
    const me = await newUser("borrower");
    const counselor = await newUser("counselor");
    const debt = await me.api.debts.create(loan);
    const paid = await me.api.payments.record({ debtId: debt.id, amount: "100", paidOn: "2026-11-27" });
    await me.api.sharing.invite({ email: counselor.user.email });
    const [invite] = await counselor.api.counselor.invitations();
    await counselor.api.counselor.respond({ shareId: invite?.id ?? "", accept: true });

    expect((await counselor.api.payments.list({ caseId: me.caseId })).totalPaid).toBe("100.00");
    await expectTrpcError(
      counselor.api.payments.record({ debtId: debt.id, amount: "1", paidOn: "2026-11-27" }),
      "FORBIDDEN",
    );
    await expectTrpcError(counselor.api.payments.delete({ id: paid.id }), "FORBIDDEN");
  });
});

describe("exports", () => {
  const csvText = (body: Uint8Array) => new TextDecoder().decode(body);

  it("exports the payment history as CSV and Excel with exact amounts", async () => {
    const me = await newUser("borrower");
    const debt = await me.api.debts.create(loan);
    await me.api.payments.record({ debtId: debt.id, amount: "300.05", paidOn: "2026-10-03", note: "=SUM(A1)" });
    await me.api.payments.record({ debtId: debt.id, amount: "0.01", paidOn: "2026-11-01" });

    const csv = await exportPayments(open.db, sessionUserOf(me.user), "csv", "2026-11-27");
    expect(csv.fileName).toBe("还款记录-2026-11-27.csv");
    const lines = csvText(csv.body)
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toEqual([
      "还款日期,平台或出借人,金额（元）,备注,是否结清",
      '2026-10-03,某借呗,300.05,"\'=SUM(A1)",',
      "2026-11-01,某借呗,0.01,,",
    ]);

    const xlsx = await exportPayments(open.db, sessionUserOf(me.user), "xlsx", "2026-11-27");
    const read = await readXlsx(xlsx.body);
    const rows = read.sheets[0]?.rows ?? [];
    expect(rows).toHaveLength(3);
    expect(rows[1]?.[2]).toEqual({ kind: "number", text: "300.05" });
    expect(rows[2]?.[0]).toEqual({ kind: "date", iso: "2026-11-01" });
  });

  it("exports the schedule of the plan per debt, and refuses a debt that is not in the borrower's plan", async () => {
    const me = await newUser("borrower");
    const other = await newUser("borrower");
    const debt = await me.api.debts.create({
      platform: "某银行",
      debtKind: "bankLoan",
      principal: "1200",
      outstanding: "1200",
      repaymentMethod: "none",
    });
    const othersDebt = await other.api.debts.create(loan);
    await me.api.plan.save({ version: 0, strategy: "avalanche", startMonth: "2026-11", monthlyBudget: "500" });

    const file = await exportSchedule(open.db, sessionUserOf(me.user), "csv", "2026-11-27", debt.id);
    const lines = csvText(file.body)
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("月份,平台或出借人,阶段,月初余额,减免,利息,应还,计划还款,未还足,月末余额");
    // 1,200 at no interest with 500 a month: 500, 500, 200.
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 2).concat(l.split(",").slice(7)))).toEqual([
      ["2026-11", "某银行", "500.00", "0.00", "700.00"],
      ["2026-12", "某银行", "500.00", "0.00", "200.00"],
      ["2027-01", "某银行", "200.00", "0.00", "0.00"],
    ]);

    await expect(
      exportSchedule(open.db, sessionUserOf(me.user), "csv", "2026-11-27", othersDebt.id),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(exportSchedule(open.db, sessionUserOf(other.user), "csv", "2026-11-27")).rejects.toMatchObject({
      code: "BAD_INPUT",
    });
  });
});
