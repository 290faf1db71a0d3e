import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLprCsv } from "./legal";
import { prioritizeDebts, type PrioritizedDebt, type PriorityDebt } from "./priority";

const lprHistory = parseLprCsv(readFileSync(new URL("../../db/reference/lpr.csv", import.meta.url), "utf8"));
const today = "2026-05-01";

function debt(overrides: Partial<PriorityDebt> & Pick<PriorityDebt, "id">): PriorityDebt {
  return {
    platform: overrides.id,
    debtKind: "onlineLoan",
    outstanding: "5000",
    nominalAnnual: "0.2",
    overdueDays: 0,
    status: "current",
    contractDate: "2025-06-01",
    lenderLicensed: null,
    ...overrides,
  };
}

const order = (items: PrioritizedDebt[]) => items.map((i) => i.debt.id);
const byId = (items: PrioritizedDebt[], id: string) => {
  const found = items.find((i) => i.debt.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};

describe("prioritizeDebts: avalanche base", () => {
  it("orders by real annual rate, highest first, and numbers the ranks", () => {
    const result = prioritizeDebts(
      [
        debt({ id: "card", debtKind: "creditCard", nominalAnnual: "0.18" }),
        debt({ id: "bank", debtKind: "bankLoan", nominalAnnual: "0.045" }),
        debt({ id: "cf", debtKind: "consumerFinance", nominalAnnual: "0.23" }),
      ],
      { today, lprHistory },
    );
    expect(order(result)).toEqual(["cf", "card", "bank"]);
    expect(result.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(result.every((r) => r.group === "rate")).toBe(true);
    expect(byId(result, "card").reasons).toEqual(["实际年化 18.00%"]);
    expect(byId(result, "cf").reasons).toEqual(["实际年化 23.00%，接近 24% 的参考线（差 1.00 个百分点）"]);
  });

  it("keeps the input order for equal rates and does not modify the input", () => {
    const input = [debt({ id: "a" }), debt({ id: "b" }), debt({ id: "c" })];
    const copy = structuredClone(input);
    expect(order(prioritizeDebts(input, { today, lprHistory }))).toEqual(["a", "b", "c"]);
    expect(input).toEqual(copy);
  });

  it("puts debts whose rate is unknown after the known ones, and says how to fix that", () => {
    const result = prioritizeDebts(
      [debt({ id: "unknown", nominalAnnual: null }), debt({ id: "low", debtKind: "bankLoan", nominalAnnual: "0.03" })],
      { today, lprHistory },
    );
    expect(order(result)).toEqual(["low", "unknown"]);
    expect(byId(result, "unknown").reasons).toContain(
      "还不知道实际年化；补充到手金额和还款计划后可以算出，排序会更准确",
    );
  });
});

describe("prioritizeDebts: urgency", () => {
  it("moves a debt 5 days from being over 30 days overdue ahead of higher rates, and says why", () => {
    const result = prioritizeDebts(
      [
        debt({ id: "pricey", platform: "甲平台", debtKind: "consumerFinance", nominalAnnual: "0.23" }),
        debt({
          id: "soon",
          platform: "乙银行",
          debtKind: "creditCard",
          nominalAnnual: "0.18",
          overdueDays: 26,
          status: "overdue",
        }),
      ],
      { today, lprHistory },
    );
    expect(order(result)).toEqual(["soon", "pricey"]);
    const soon = byId(result, "soon");
    expect(soon.group).toBe("stage");
    expect(soon.reasons).toEqual([
      "再过 5 天逾期超过 30 天，可能被上报征信，所以提前处理",
      "实际年化 18.00%",
      "因此排在利率更高的甲平台前面",
    ]);
  });

  it("a stage 8 days away does not move the debt; 7 days away does", () => {
    const base = [debt({ id: "pricey", nominalAnnual: "0.3" })];
    const eight = prioritizeDebts([...base, debt({ id: "d", nominalAnnual: "0.1", overdueDays: 23 })], {
      today,
      lprHistory,
    });
    expect(order(eight)).toEqual(["pricey", "d"]);
    expect(byId(eight, "d").reasons).toContain("已逾期 23 天");
    const seven = prioritizeDebts([...base, debt({ id: "d", nominalAnnual: "0.1", overdueDays: 24 })], {
      today,
      lprHistory,
    });
    expect(order(seven)).toEqual(["d", "pricey"]);
  });

  it("warns before 90 days about third-party collection", () => {
    const [first] = prioritizeDebts([debt({ id: "x", overdueDays: 88, status: "overdue" })], { today, lprHistory });
    expect(first?.reasons[0]).toBe("再过 3 天逾期超过 90 天，可能转给第三方催收，所以提前处理");
    expect(first?.stage.id).toBe("reported");
  });

  it("a court deadline within 7 days comes before everything, earliest first", () => {
    const result = prioritizeDebts(
      [
        debt({ id: "stage", overdueDays: 29, nominalAnnual: "0.5" }),
        debt({ id: "later", deadline: { kind: "paymentOrderObjection", date: "2026-05-07" }, nominalAnnual: "0.1" }),
        debt({ id: "court", deadline: { kind: "answer", date: "2026-05-04" }, nominalAnnual: "0.1" }),
      ],
      { today, lprHistory },
    );
    expect(order(result)).toEqual(["court", "later", "stage"]);
    expect(byId(result, "court").reasons[0]).toBe("答辩期限是 2026年5月4日，还有 3 天，请先处理这件事");
    expect(byId(result, "later").reasons[0]).toBe("支付令异议期限是 2026年5月7日，还有 6 天，请先处理这件事");
  });

  it("a deadline that has passed stays first and points to free legal help; a distant one is only mentioned", () => {
    const result = prioritizeDebts(
      [
        debt({ id: "far", deadline: { kind: "appeal", date: "2026-06-01" }, nominalAnnual: "0.3" }),
        debt({ id: "missed", deadline: { kind: "answer", date: "2026-04-28" }, nominalAnnual: "0.1" }),
      ],
      { today, lprHistory },
    );
    expect(order(result)).toEqual(["missed", "far"]);
    expect(byId(result, "missed").reasons[0]).toContain("已经过了，请尽快咨询 12348");
    expect(byId(result, "far").group).toBe("rate");
    expect(byId(result, "far").reasons[0]).toBe("上诉期限是 2026年6月1日，还有 31 天");
  });

  it("a collection-paused debt is not rushed by its overdue stage", () => {
    const [only] = prioritizeDebts([debt({ id: "p", overdueDays: 28, status: "collectionPaused" })], {
      today,
      lprHistory,
    });
    expect(only?.group).not.toBe("stage");
    expect(only?.reasons).toContain("已达成停催协议，按协议按时还款最要紧");
  });
});

describe("prioritizeDebts: legal lines, worded for the lender", () => {
  it("a consumer-finance loan above 36%: the regulatory cap and 12378", () => {
    const [only] = prioritizeDebts([debt({ id: "cf", debtKind: "consumerFinance", nominalAnnual: "0.58" })], {
      today,
      lprHistory,
    });
    expect(only?.group).toBe("legal");
    expect(only?.reasons).toEqual([
      "实际年化 58.00%，高于 36% 的红线",
      "可以要求对方列出每一项利息和费用；认为收费不合理，可以拨打 12378 投诉",
      "利率超过红线，建议优先处理",
    ]);
  });

  it("an online loan from an unknown lender above 36% is above every line that could apply", () => {
    const [only] = prioritizeDebts([debt({ id: "x", nominalAnnual: "0.58" })], { today, lprHistory });
    expect(only?.reasons[0]).toBe("实际年化 58.00%，高于 36%：不论出借方是哪类机构，都超过了适用的红线");
    expect(only?.reasons[1]).toContain("有没有放贷资质");
  });

  it("a private loan above 4 × LPR goes before a bank card with a higher rate, and the reason says so", () => {
    const result = prioritizeDebts(
      [
        debt({ id: "card", platform: "某银行信用卡", debtKind: "creditCard", nominalAnnual: "0.18" }),
        debt({
          id: "friend",
          platform: "老王",
          debtKind: "privateLoan",
          nominalAnnual: "0.15",
          contractDate: "2025-06-01",
        }),
      ],
      { today, lprHistory },
    );
    expect(order(result)).toEqual(["friend", "card"]);
    expect(byId(result, "friend").reasons).toEqual([
      "实际年化 15.00%，高于 4 倍 LPR（12.00%）的红线",
      "超过这条线的利息和费用，法院不支持；可以先核对合同和还款记录，再和出借方协商",
      "利率超过红线，建议优先处理",
      "因此排在利率更高的某银行信用卡前面",
    ]);
  });

  it("does not hold 4 × LPR against a bank, where it does not apply", () => {
    const [only] = prioritizeDebts([debt({ id: "b", debtKind: "bankLoan", nominalAnnual: "0.18" })], {
      today,
      lprHistory,
    });
    expect(only?.group).toBe("rate");
    expect(only?.reasons).toEqual(["实际年化 18.00%"]);
  });

  it("a microloan company above 36% is pointed to the internet finance association", () => {
    const [only] = prioritizeDebts([debt({ id: "m", lenderKind: "localLender", nominalAnnual: "0.4" })], {
      today,
      lprHistory,
    });
    expect(only?.reasons[1]).toContain("中国互联网金融协会");
  });
});

describe("prioritizeDebts: family loans and inactive debts", () => {
  it("an interest-free loan from family is described without judgment and never with credit-report warnings", () => {
    const result = prioritizeDebts(
      [
        debt({
          id: "mum",
          platform: "妈妈",
          debtKind: "privateLoan",
          nominalAnnual: "0",
          overdueDays: 27,
          contractDate: null,
          status: "overdue",
        }),
        debt({ id: "loan", nominalAnnual: "0.1" }),
      ],
      { today, lprHistory },
    );
    expect(order(result)).toEqual(["loan", "mum"]);
    const mum = byId(result, "mum");
    expect(mum.group).toBe("rate");
    expect(mum.reasons).toEqual([
      "已逾期 27 天",
      "这笔借款没有利息，按利率排在有息借款之后；可以和对方商量一个双方都能接受的还款时间",
    ]);
    expect(mum.reasons.join("")).not.toMatch(/征信|催收|红线/);
  });

  it("settled and paused debts go last, in the order given, whatever their rate or deadline", () => {
    const result = prioritizeDebts(
      [
        debt({
          id: "settled",
          status: "settled",
          nominalAnnual: "0.9",
          deadline: { kind: "answer", date: "2026-05-02" },
        }),
        debt({ id: "active", nominalAnnual: "0.05" }),
        debt({ id: "paused", status: "paused", nominalAnnual: "0.6", overdueDays: 29 }),
      ],
      { today, lprHistory },
    );
    expect(order(result)).toEqual(["active", "settled", "paused"]);
    expect(byId(result, "settled").reasons).toEqual(["已结清，不再参与排序"]);
    expect(byId(result, "paused").reasons).toEqual(["已暂停，暂不参与排序"]);
    expect(byId(result, "active").reasons.join("")).not.toContain("排在利率更高");
  });

  it("refuses a malformed today", () => {
    expect(() => prioritizeDebts([], { today: "5/1/2026", lprHistory })).toThrow("YYYY-MM-DD");
  });
});
