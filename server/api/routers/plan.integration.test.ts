import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenDatabase } from "@/db/client";
import { findCaseOfOwner } from "@/db/queries/cases";
import { planSteps, plans } from "@/db/schema";
import { createAccount } from "@/db/seed/factories";
import type { BudgetItemInput } from "@/server/api/schemas/budget";
import type { DebtFieldsInput } from "@/server/api/schemas/debts";
import type { SavePlanInput } from "@/server/api/schemas/plan";
import { formatYuan } from "@/server/domain/money";
import { monthlyBudgetToFinishWithin } from "@/server/domain/payoff";
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
type User = Awaited<ReturnType<typeof newUser>>;

// "Today" in these tests is 2026-11-27 (Shanghai): the plan starts in 2026-11.
// 等额本息 at 1% a month: the real annual rate is about 12%; 6,000 still owed; 888.49 due each month.
const bankLoan: DebtFieldsInput = {
  platform: "某银行贷款",
  debtKind: "bankLoan",
  principal: "10000",
  outstanding: "6000",
  repaymentMethod: "equalInstallment",
  installmentCount: 12,
  monthlyRatePercent: "1",
};
// No schedule, no rate: 5,000 owed to family.
const familyLoan: DebtFieldsInput = {
  platform: "表哥",
  debtKind: "privateLoan",
  principal: "5000",
  outstanding: "5000",
  repaymentMethod: "none",
};
// Capacity 3,000 a month.
const budget: BudgetItemInput[] = [
  { label: "工资", kind: "income", monthlyAmount: "5000" },
  { label: "房租 / 房贷", kind: "expense", category: "essential", monthlyAmount: "2000" },
];

async function borrowerWithDebts() {
  const me = await newUser("borrower");
  const bank = await me.api.debts.create(bankLoan);
  const family = await me.api.debts.create(familyLoan);
  await me.api.budget.save({ items: budget });
  return { ...me, bank, family };
}

function planOf(version: number, changes: Partial<SavePlanInput> = {}): SavePlanInput {
  return { version, strategy: "avalanche", startMonth: "2026-11", ...changes };
}

describe("plan: computed from the case's debts and budget", () => {
  it("runs avalanche by default with the budget's capacity, exact to the fen, and compares strategies", async () => {
    const me = await borrowerWithDebts();
    const bank = (await me.api.debts.list()).items.find((d) => d.platform === "某银行贷款");
    // The IRR of the rounded 888.49 installment: a hair above 12%, not enough to move a fen below.
    expect(bank?.realAnnualRate).toBe("0.120001");
    expect(bank?.monthlyPayment).toBe("888.49");

    const plan = await me.api.plan.get();
    expect(plan.saved).toBe(false);
    expect(plan.version).toBe(0);
    expect(plan.effective).toEqual({ startMonth: "2026-11", monthlyBudget: "3000.00", usesBudget: true });
    const r = plan.result;
    if (r.status !== "ok") throw new Error(`expected a plan, got ${r.status}`);
    // By hand: 2026-11 bank 6,000 + 60.00 interest − 3,000 → 3,060.00; 2026-12 + 30.60 − 3,000 → 90.60;
    // 2027-01 + 0.91 → 91.51 paid, 2,908.49 to family → 2,091.51; 2027-02 family paid.
    expect(r.debtFreeMonth).toBe("2027-02");
    expect(r.monthCount).toBe(4);
    expect(r.totalInterest).toBe("91.51");
    expect(r.totalPaid).toBe("11091.51");
    expect(r.totalDiscount).toBe("0.00");
    const bankRows = r.perDebt.find((d) => d.label === "某银行贷款")?.rows ?? [];
    expect(bankRows.map((x) => [x.month, x.interest, x.payment, x.balance])).toEqual([
      ["2026-11", "60.00", "3000.00", "3060.00"],
      ["2026-12", "30.60", "3000.00", "90.60"],
      ["2027-01", "0.91", "91.51", "0.00"],
    ]);
    expect(r.perDebt.find((d) => d.label === "表哥")?.paidOffMonth).toBe("2027-02");
    expect(r.months.at(-1)).toMatchObject({ month: "2027-02", payment: "2091.51", unspent: "908.49" });

    // Snowball pays the family loan first and the 12% loan keeps accruing:
    // 60.00 + 51.72 + 43.35 + 21.55 = 176.62 of interest, 85.11 more than avalanche.
    const c = plan.comparison;
    expect(c?.best).toBe("avalanche");
    const snowball = c?.outcomes.find((o) => o.strategy === "snowball");
    expect(snowball).toMatchObject({
      ok: true,
      debtFreeMonth: "2027-02",
      totalInterest: "176.62",
      totalPaid: "11176.62",
      interestVsChosen: "85.11",
      monthsVsChosen: 0,
    });
    expect(c?.outcomes.find((o) => o.strategy === "avalanche")).toMatchObject({ ok: true, interestVsChosen: "0.00" });
  });

  it("saves strategy, amount, terms and inflows, and the plan moves with them", async () => {
    const me = await borrowerWithDebts();
    const saved = await me.api.plan.save(
      planOf(0, {
        strategy: "custom",
        customOrder: [me.family.id, me.bank.id],
        monthlyBudget: "2,000",
        terms: [
          { debtId: me.bank.id, kind: "principalDiscount", from: "2026-12", discountPercent: "30", installments: "1" },
          { debtId: me.family.id, kind: "stopCollection", months: 3 },
        ],
        inflows: [{ month: "2027-01", amount: "1万", label: "卖电动车" }],
      }),
    );
    expect(saved.version).toBe(1);
    const plan = await me.api.plan.get();
    expect(plan.saved).toBe(true);
    expect(plan.settings).toMatchObject({
      strategy: "custom",
      monthlyBudget: "2000.00",
      customOrder: [me.family.id, me.bank.id],
      inflows: [{ month: "2027-01", amount: "10000.00", label: "卖电动车" }],
    });
    expect(plan.settings.terms[0]).toMatchObject({
      kind: "principalDiscount",
      discountPercent: "30",
      installments: "1",
    });
    expect(plan.debts.find((d) => d.id === me.bank.id)?.terms).toEqual(["本金减免：从 2026-12 起减免 30%，一次还清"]);
    const r = plan.result;
    if (r.status !== "ok") throw new Error(`expected a plan, got ${r.status}`);
    // 2026-11: bank due 888.49, 1,111.51 to family → 3,888.49; bank 6,060 − 888.49 = 5,171.51.
    // 2026-12: bank discounted 30% → 3,620.06 due at once (1,551.45 forgiven); 2,000 paid, 1,620.06 missed.
    expect(r.totalDiscount).toBe("1551.45");
    expect(r.warnings.join("")).toContain("不够支付所有应还金额");
    expect(plan.comparison?.outcomes.map((o) => o.strategy)).toEqual(["avalanche", "snowball", "custom"]);
    expect(plan.comparison?.chosen).toBe("custom");
  });

  it("reflects changes to debts and budget on the next read", async () => {
    const me = await borrowerWithDebts();
    await me.api.debts.setStatus({ id: me.bank.id, version: me.bank.version, status: "paused" });
    await me.api.budget.save({ items: [...budget, { label: "兼职", kind: "income", monthlyAmount: "2000" }] });
    const plan = await me.api.plan.get();
    expect(plan.debts.map((d) => d.platform)).toEqual(["表哥"]);
    expect(plan.excludedCount).toBe(1);
    expect(plan.effective.monthlyBudget).toBe("5000.00");
    expect(plan.result).toMatchObject({ status: "ok", debtFreeMonth: "2026-11", totalPaid: "5000.00" });
  });

  it("says when a plan can never finish, and what monthly amount would", async () => {
    const me = await newUser("borrower");
    await me.api.debts.create(bankLoan);
    const [bank] = (await me.api.debts.list()).items;
    // No budget yet: nothing to repay with, while 60.00 of interest accrues each month.
    const plan = await me.api.plan.get();
    const r = plan.result;
    if (r.status !== "neverFinishes") throw new Error(`expected an explanation, got ${r.status}`);
    expect(r.reason).toBe("belowInterest");
    expect(r.monthlyInterest).toBe("60.00");
    const required = monthlyBudgetToFinishWithin({
      startMonth: "2026-11",
      strategy: "avalanche",
      monthlyBudget: "0",
      debts: [{ id: "x", balance: "6000", annualRate: bank?.realAnnualRate ?? "", minimumPayment: "888.49" }],
    });
    expect(r.requiredMonthlyBudget).toBe(required?.toFixed(2));
    expect(Number(r.requiredMonthlyBudget)).toBeGreaterThan(60);
    expect(r.message).toContain("不够支付每月新增的利息 ¥60.00");
    expect(r.message).toContain(`每月至少需要 ${formatYuan(r.requiredMonthlyBudget ?? "0")}`);
    expect(plan.comparison?.outcomes.every((o) => !o.ok)).toBe(true);

    // With that amount, it finishes.
    await me.api.plan.save(planOf(0, { monthlyBudget: r.requiredMonthlyBudget ?? "" }));
    expect((await me.api.plan.get()).result.status).toBe("ok");
  });

  it("refuses a stale save and keeps the first one", async () => {
    const me = await borrowerWithDebts();
    const first = await me.api.plan.save(planOf(0, { monthlyBudget: "2500" }));
    await expectTrpcError(
      me.api.plan.save(planOf(0, { monthlyBudget: "100" })),
      "CONFLICT",
      "还款计划刚刚在别处被修改过",
    );
    const second = await me.api.plan.save(planOf(first.version, { strategy: "snowball" }));
    expect(second.version).toBe(first.version + 1);
    await expectTrpcError(me.api.plan.save(planOf(first.version, { monthlyBudget: "1" })), "CONFLICT", "请刷新页面");
    const plan = await me.api.plan.get();
    expect(plan.version).toBe(second.version);
    expect(plan.settings.strategy).toBe("snowball");
    expect(plan.settings.monthlyBudget).toBeNull();
  });

  it("refuses bad terms and inflows with messages saying what to fix, and saves nothing", async () => {
    const me = await borrowerWithDebts();
    const other = await borrowerWithDebts();
    const bad: [Partial<SavePlanInput>, string][] = [
      [
        { terms: [{ debtId: me.bank.id, kind: "principalDiscount", discountPercent: "120" }] },
        "本金减免比例必须在 0 到 100% 之间",
      ],
      [{ terms: [{ debtId: me.bank.id, kind: "principalDiscount", discountPercent: "0" }] }, "本金减免比例必须大于 0"],
      [
        { terms: [{ debtId: me.bank.id, kind: "installment", count: 12, annualRatePercent: "abc" }] },
        "分期年利率格式不正确",
      ],
      [{ terms: [{ debtId: me.bank.id, kind: "stopCollection", months: 0 }] }, "停催月数至少为 1"],
      [{ terms: [{ debtId: me.bank.id, kind: "deferral", months: 2.5 }] }, "延期月数请填写整数"],
      [{ terms: [{ debtId: me.bank.id, kind: "stopCollection", from: "2026-13", months: 3 }] }, "请按 2026-12 的格式"],
      [{ terms: [{ debtId: me.bank.id, kind: "bogus", months: 3 } as never] }, "请选择协商条款的类型"],
      [
        {
          terms: [
            { debtId: me.bank.id, kind: "installment", count: 12 },
            { debtId: me.bank.id, kind: "principalDiscount", discountPercent: "20" },
          ],
        },
        "同一笔债务只能有一个分期协议或本金减免",
      ],
      [{ terms: [{ debtId: other.bank.id, kind: "stopCollection", months: 3 }] }, "不在您的债务清单里"],
      [{ strategy: "custom", customOrder: [other.family.id] }, "不在您的债务清单里"],
      [{ strategy: "custom", customOrder: [] }, "请排好每笔债务的先后"],
      [{ inflows: [{ month: "2026-10", amount: "100" }] }, "不能早于计划的开始月份"],
      [{ inflows: [{ month: "2027-01", amount: "0" }] }, "一次性收入金额必须大于 0"],
      [{ inflows: [{ month: "2027-01", amount: "一万" }] }, "一次性收入金额：金额格式不正确"],
      [{ monthlyBudget: "-1" }, "每月还款金额：金额不能为负数"],
      [{ startMonth: "2030-01" }, "开始月份最多只能定在 24 个月以内"],
      [{ strategy: "fastest" as never }, "请选择还款策略"],
    ];
    for (const [changes, message] of bad) {
      await expectTrpcError(me.api.plan.save(planOf(0, changes)), "BAD_REQUEST", message);
    }
    expect((await me.api.plan.get()).saved).toBe(false);
  });
});

describe("plan: the three stages", () => {
  it("checks and unchecks steps with dates and notes; the current stage and next step follow", async () => {
    const me = await newUser("borrower");
    let progress = await me.api.plan.progress();
    expect(progress.currentStage).toMatchObject({ id: "buffer", number: 1, title: "争取缓冲", done: 0 });
    expect(progress.nextStep?.id).toBe("buffer.listDebts");

    await me.api.plan.setStep({ stepId: "buffer.listDebts", done: true, note: "共 3 笔" });
    await me.api.plan.setStep({ stepId: "buffer.checkRates", done: true, doneOn: "2026-11-20" });
    progress = await me.api.plan.progress();
    const buffer = progress.stages[0];
    expect(buffer?.steps[0]).toMatchObject({ checked: true, doneOn: "2026-11-27", note: "共 3 笔" });
    expect(buffer?.steps[1]).toMatchObject({ checked: true, doneOn: "2026-11-20", note: "" });
    expect(buffer).toMatchObject({ status: "inProgress", statusLabel: "进行中", done: 2, total: 5, percent: 40 });
    expect(progress.nextStep?.id).toBe("buffer.contactLenders");

    // Unchecked, the note stays; unchecked without a note, the row goes.
    await me.api.plan.setStep({ stepId: "buffer.listDebts", done: false, note: "共 3 笔" });
    await me.api.plan.setStep({ stepId: "buffer.checkRates", done: false });
    progress = await me.api.plan.progress();
    expect(progress.stages[0]?.steps[0]).toMatchObject({ checked: false, doneOn: null, note: "共 3 笔" });
    expect(progress.done).toBe(0);
    const rows = await open.db.select().from(planSteps).where(eq(planSteps.caseId, me.caseId));
    expect(rows.map((r) => r.stepId)).toEqual(["buffer.listDebts"]);

    for (const step of ["listDebts", "checkRates", "contactLenders", "requestStopCollection", "keepRecords"]) {
      await me.api.plan.setStep({ stepId: `buffer.${step}`, done: true });
    }
    progress = await me.api.plan.progress();
    expect(progress.stages[0]?.status).toBe("done");
    expect(progress.currentStage?.id).toBe("raiseFunds");
    expect(progress.nextStep?.id).toBe("raiseFunds.budget");
  });

  it("refuses unknown steps and dates in the future", async () => {
    const me = await newUser("borrower");
    await expectTrpcError(me.api.plan.setStep({ stepId: "buffer.nope", done: true }), "BAD_REQUEST", "没有这个步骤");
    await expectTrpcError(
      me.api.plan.setStep({ stepId: "buffer.listDebts", done: true, doneOn: "2026-11-28" }),
      "BAD_REQUEST",
      "完成日期不能晚于今天（2026-11-27）",
    );
    await expectTrpcError(
      me.api.plan.setStep({ stepId: "buffer.listDebts", done: true, doneOn: "2026-02-30" }),
      "BAD_REQUEST",
      "完成日期不是有效的日期",
    );
    expect((await me.api.plan.progress()).done).toBe(0);
  });
});

describe("plan: access is denied to everyone but the owner", () => {
  async function ownerWithPlan() {
    const owner = await borrowerWithDebts();
    const { version } = await owner.api.plan.save(planOf(0, { monthlyBudget: "2500" }));
    await owner.api.plan.setStep({ stepId: "buffer.listDebts", done: true, note: "owner" });
    return { owner, version };
  }

  async function expectUnchanged(owner: User, version: number) {
    const [row] = await open.db.select().from(plans).where(eq(plans.caseId, owner.caseId));
    expect(row?.version).toBe(version);
    expect(row?.monthlyBudget).toBe("2500.00");
    expect(row?.negotiatedTerms).toEqual([]);
    const steps = await open.db.select().from(planSteps).where(eq(planSteps.caseId, owner.caseId));
    expect(steps.map((s) => [s.stepId, s.note])).toEqual([["buffer.listDebts", "owner"]]);
  }

  it("another borrower can neither read the plan nor write into it", async () => {
    const { owner, version } = await ownerWithPlan();
    const other = await newUser("borrower");
    await expectTrpcError(other.api.plan.get({ caseId: owner.caseId }), "NOT_FOUND", "找不到这个案件");
    await expectTrpcError(other.api.plan.progress({ caseId: owner.caseId }), "NOT_FOUND", "找不到这个案件");
    await expectTrpcError(
      other.api.plan.save(planOf(version, { terms: [{ debtId: owner.bank.id, kind: "stopCollection", months: 3 }] })),
      "BAD_REQUEST",
      "不在您的债务清单里",
    );
    // Writes carry no case: a smuggled case id is ignored and the write lands in the caller's own case.
    await other.api.plan.setStep({ caseId: owner.caseId, stepId: "buffer.listDebts", done: false } as never);
    await other.api.plan.setStep({ caseId: owner.caseId, stepId: "buffer.keepRecords", done: true } as never);
    await expectTrpcError(other.api.plan.save(planOf(version, { monthlyBudget: "1" })), "CONFLICT");
    await expectUnchanged(owner, version);
    expect((await other.api.plan.progress()).done).toBe(1);
  });

  it("a counselor without a share reads nothing and writes nothing", async () => {
    const { owner, version } = await ownerWithPlan();
    const counselor = await newUser("counselor");
    await expectTrpcError(counselor.api.plan.get({ caseId: owner.caseId }), "NOT_FOUND", "找不到这个案件");
    await expectTrpcError(counselor.api.plan.progress({ caseId: owner.caseId }), "NOT_FOUND", "找不到这个案件");
    await expectTrpcError(counselor.api.plan.get(), "FORBIDDEN", "只有借款人");
    await expectTrpcError(counselor.api.plan.progress(), "FORBIDDEN", "只有借款人");
    await expectTrpcError(counselor.api.plan.save(planOf(version)), "FORBIDDEN");
    await expectTrpcError(counselor.api.plan.setStep({ stepId: "buffer.listDebts", done: false }), "FORBIDDEN");
    await expectUnchanged(owner, version);
  });

  it("signed-out callers are refused everywhere", async () => {
    const { owner, version } = await ownerWithPlan();
    const anonymous = callerFor(open.db, null);
    await expectTrpcError(anonymous.plan.get(), "UNAUTHORIZED");
    await expectTrpcError(anonymous.plan.get({ caseId: owner.caseId }), "UNAUTHORIZED");
    await expectTrpcError(anonymous.plan.progress({ caseId: owner.caseId }), "UNAUTHORIZED");
    await expectTrpcError(anonymous.plan.save(planOf(version)), "UNAUTHORIZED");
    await expectTrpcError(anonymous.plan.setStep({ stepId: "buffer.listDebts", done: false }), "UNAUTHORIZED");
    await expectUnchanged(owner, version);
  });
});
