import { readFileSync } from "node:fs";
import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RateError, realAnnualRate, scheduleFromDescription, type LoanDescription } from "./apr";
import { Dec } from "./money";

interface Vector {
  name: string;
  received: string;
  payments: string[];
  periodsPerYear: number;
  nominalAnnual: string;
  effectiveAnnual?: string;
  tolerance: string;
}

const vectors = JSON.parse(
  readFileSync(new URL("../../test/reference/apr-vectors.json", import.meta.url), "utf8"),
) as Vector[];

/** Σ p_k / (1 + r)^k − received, computed directly with powers (not Horner). */
function npv(received: Decimal.Value, payments: readonly Decimal.Value[], r: Decimal): Decimal {
  return payments
    .reduce<Decimal>((acc, p, i) => acc.plus(new Dec(p).dividedBy(r.plus(1).pow(i + 1))), new Dec(0))
    .minus(received);
}

/** Independent solver: plain bisection on a closed-form present value, 200 halvings. */
function bisect(pv: (r: Decimal) => Decimal, target: Decimal): Decimal {
  let lo = new Dec(0);
  let hi = new Dec(10);
  for (let i = 0; i < 200; i++) {
    const mid = lo.plus(hi).dividedBy(2);
    if (pv(mid).greaterThan(target)) lo = mid;
    else hi = mid;
  }
  return lo.plus(hi).dividedBy(2);
}

/** Present value of n level payments A: A·(1 − (1+r)^−n)/r. */
const annuityPv = (a: Decimal.Value, n: number) => (r: Decimal) =>
  r.isZero() ? new Dec(a).times(n) : new Dec(a).times(new Dec(1).minus(r.plus(1).pow(-n))).dividedBy(r);

/** Present value of interest-only payments c with principal P repaid at period n. */
const bulletPv = (c: Decimal.Value, principal: Decimal.Value, n: number) => (r: Decimal) =>
  annuityPv(c, n)(r).plus(new Dec(principal).dividedBy(r.plus(1).pow(n)));

describe("realAnnualRate: published reference vectors", () => {
  it("has the five vectors", () => {
    expect(vectors).toHaveLength(5);
  });

  it.each(vectors.map((v) => [v.name, v] as const))("%s", (_name, v) => {
    const r = realAnnualRate({ received: v.received, payments: v.payments, periodsPerYear: v.periodsPerYear });
    const tol = new Dec(v.tolerance);
    expect(r.nominalAnnual.minus(v.nominalAnnual).abs().lessThanOrEqualTo(tol)).toBe(true);
    if (v.effectiveAnnual) {
      expect(r.effectiveAnnual.minus(v.effectiveAnnual).abs().lessThanOrEqualTo(tol)).toBe(true);
    }
    expect(r.nominalAnnual.equals(r.perPeriod.times(v.periodsPerYear))).toBe(true);
    expect(npv(v.received, v.payments, r.perPeriod).abs().lessThan("1e-8")).toBe(true);
  });

  it("reproduces the PBOC monthly IRR of 1.06698%", () => {
    const v = vectors[0];
    if (!v) throw new Error("missing vector");
    const r = realAnnualRate(v);
    expect(r.perPeriod.times(100).toDecimalPlaces(5).toFixed(5)).toBe("1.06698");
  });
});

describe("scheduleFromDescription, checked against closed forms", () => {
  it("fee rate 0.6% a month over 12 months: IRR 13.03%, not the 13.29% shortcut", () => {
    const s = scheduleFromDescription({
      kind: "feeRate",
      principal: "12000",
      installments: 12,
      monthlyFeeRate: "0.006",
    });
    expect(s.received.toFixed(2)).toBe("12000.00");
    expect(s.payments.map((p) => p.toFixed(2))).toEqual(Array(12).fill("1072.00"));
    const r = realAnnualRate(s);
    const independent = bisect(annuityPv("1072", 12), new Dec(12000));
    expect(r.perPeriod.minus(independent).abs().lessThan("1e-12")).toBe(true);
    expect(r.nominalAnnual.toDecimalPlaces(4).toFixed(4)).toBe("0.1303");
    // The shortcut fee × 24n/(n+1) gives 13.29%: a real difference, not rounding.
    const shortcut = new Dec("0.006").times(24 * 12).dividedBy(13);
    expect(shortcut.toDecimalPlaces(4).toFixed(4)).toBe("0.1329");
  });

  it("fee rate with a fee deducted in advance: the rate is on the cash received", () => {
    const s = scheduleFromDescription({
      kind: "feeRate",
      principal: "12000",
      installments: 12,
      monthlyFeeRate: "0.005",
      upfrontFee: "600",
    });
    expect(s.received.toFixed(2)).toBe("11400.00");
    expect(s.payments.every((p) => p.equals(1060))).toBe(true);
    const r = realAnnualRate(s);
    const independent = bisect(annuityPv("1060", 12), new Dec(11400));
    expect(r.perPeriod.minus(independent).abs().lessThan("1e-12")).toBe(true);
    expect(r.nominalAnnual.greaterThan(realAnnualRate({ ...s, received: s.principal }).nominalAnnual)).toBe(true);
  });

  it("fee rate with an uneven principal: the last payment takes the remainder and the total principal is exact", () => {
    const s = scheduleFromDescription({ kind: "feeRate", principal: "10000", installments: 3, monthlyFeeRate: "0.01" });
    expect(s.payments.map((p) => p.toFixed(2))).toEqual(["3433.33", "3433.33", "3433.34"]);
    expect(s.totalRepaid.toFixed(2)).toBe("10300.00");
  });

  it("等额本息 at 1% a month: payment from the annuity formula, IRR back to 1%", () => {
    const s = scheduleFromDescription({
      kind: "equalInstallment",
      principal: "10000",
      installments: 12,
      monthlyRate: "0.01",
    });
    // A = P·r / (1 − 1.01^−12) = 888.4878867…
    const a = new Dec(10000).times("0.01").dividedBy(new Dec(1).minus(new Dec("1.01").pow(-12)));
    expect(a.toDecimalPlaces(2).toFixed(2)).toBe("888.49");
    expect(s.payments.slice(0, 11).every((p) => p.toFixed(2) === "888.49")).toBe(true);
    const r = realAnnualRate(s);
    expect(r.perPeriod.minus("0.01").abs().lessThan("1e-6")).toBe(true);
    expect(r.nominalAnnual.toDecimalPlaces(4).toFixed(4)).toBe("0.1200");
    expect(r.effectiveAnnual.toDecimalPlaces(4).toFixed(4)).toBe("0.1268");
  });

  it("等额本息 with a fee deducted in advance matches the annuity formula on the cash received", () => {
    const s = scheduleFromDescription({
      kind: "equalInstallment",
      principal: "10000",
      installments: 12,
      monthlyRate: "0.01",
      upfrontFee: "300",
    });
    const exactPayment = new Dec(10000).times("0.01").dividedBy(new Dec(1).minus(new Dec("1.01").pow(-12)));
    const independent = bisect(annuityPv(exactPayment, 12), new Dec(9700));
    const r = realAnnualRate(s);
    // Only the fen rounding of the schedule separates the two.
    expect(r.perPeriod.minus(independent).abs().lessThan("1e-6")).toBe(true);
    expect(r.nominalAnnual.minus(independent.times(12)).abs().lessThan("1.2e-5")).toBe(true);
    expect(r.nominalAnnual.greaterThan("0.1260")).toBe(true);
  });

  it("等额本息 at 0% is the principal split evenly", () => {
    const s = scheduleFromDescription({
      kind: "equalInstallment",
      principal: "1200",
      installments: 12,
      monthlyRate: "0",
    });
    expect(s.payments.every((p) => p.equals(100))).toBe(true);
    expect(realAnnualRate(s).perPeriod.isZero()).toBe(true);
  });

  it("等额本金 at 1% a month: interest on the declining balance, IRR exactly 1%", () => {
    const s = scheduleFromDescription({
      kind: "equalPrincipal",
      principal: "12000",
      installments: 12,
      monthlyRate: "0.01",
    });
    expect(s.payments.map((p) => p.toFixed(2))).toEqual(
      [1120, 1110, 1100, 1090, 1080, 1070, 1060, 1050, 1040, 1030, 1020, 1010].map((x) => x.toFixed(2)),
    );
    expect(realAnnualRate(s).perPeriod.minus("0.01").abs().lessThan("1e-20")).toBe(true);
  });

  it("等额本金 with a fee deducted in advance: closed form Σ (P/n + r·balance)/(1+i)^k", () => {
    const s = scheduleFromDescription({
      kind: "equalPrincipal",
      principal: "12000",
      installments: 12,
      monthlyRate: "0.01",
      upfrontFee: "500",
    });
    const pv = (i: Decimal) => {
      let total = new Dec(0);
      for (let k = 1; k <= 12; k++) total = total.plus(new Dec(1000 + 10 * (13 - k)).dividedBy(i.plus(1).pow(k)));
      return total;
    };
    const independent = bisect(pv, new Dec(11500));
    expect(realAnnualRate(s).perPeriod.minus(independent).abs().lessThan("1e-12")).toBe(true);
  });

  it("先息后本 at 1.5% a month: five interest payments then principal plus interest", () => {
    const s = scheduleFromDescription({
      kind: "interestFirst",
      principal: "10000",
      installments: 6,
      monthlyRate: "0.015",
    });
    expect(s.payments.map((p) => p.toFixed(2))).toEqual(["150.00", "150.00", "150.00", "150.00", "150.00", "10150.00"]);
    expect(realAnnualRate(s).perPeriod.minus("0.015").abs().lessThan("1e-20")).toBe(true);
  });

  it("先息后本 with a fee deducted in advance matches the bond-price formula", () => {
    const s = scheduleFromDescription({
      kind: "interestFirst",
      principal: "10000",
      installments: 6,
      monthlyRate: "0.015",
      upfrontFee: "300",
    });
    const independent = bisect(bulletPv("150", "10000", 6), new Dec(9700));
    const r = realAnnualRate(s);
    expect(r.perPeriod.minus(independent).abs().lessThan("1e-12")).toBe(true);
    // 3% taken up front on a 6-month loan adds about 6 points a year: well above the stated 18%.
    expect(r.nominalAnnual.greaterThan("0.23")).toBe(true);
  });

  it("n installments of X with a fee deducted: the PBOC example through the description helper", () => {
    const s = scheduleFromDescription({
      kind: "fixedInstallments",
      principal: "100000",
      upfrontFee: "1000",
      installments: 12,
      installmentAmount: "8833.3",
    });
    const r = realAnnualRate(s);
    const independent = bisect(annuityPv("8833.3", 12), new Dec(99000));
    expect(r.perPeriod.minus(independent).abs().lessThan("1e-12")).toBe(true);
    expect(r.nominalAnnual.toDecimalPlaces(4).toFixed(4)).toBe("0.1280");
  });

  it.each<[string, LoanDescription, string]>([
    [
      "no principal",
      { kind: "feeRate", principal: "0", installments: 12, monthlyFeeRate: "0.006" },
      "借款金额必须大于 0",
    ],
    ["0 installments", { kind: "feeRate", principal: "1000", installments: 0, monthlyFeeRate: "0.006" }, "期数"],
    [
      "fraction of an installment",
      { kind: "equalPrincipal", principal: "1000", installments: 1.5, monthlyRate: "0.01" },
      "期数",
    ],
    [
      "fee as large as the principal",
      { kind: "feeRate", principal: "1000", installments: 12, monthlyFeeRate: "0.006", upfrontFee: "1000" },
      "提前扣除的费用不能达到或超过借款金额",
    ],
    [
      "rate as a percent",
      { kind: "equalInstallment", principal: "1000", installments: 12, monthlyRate: "1.5" },
      "请按小数填写",
    ],
    [
      "negative rate",
      { kind: "interestFirst", principal: "1000", installments: 12, monthlyRate: "-0.01" },
      "不能为负数",
    ],
    [
      "not a number",
      { kind: "fixedInstallments", principal: "abc", installments: 12, installmentAmount: "100" },
      "格式不正确",
    ],
  ])("refuses %s", (_name, desc, message) => {
    expect(() => scheduleFromDescription(desc)).toThrow(RateError);
    expect(() => scheduleFromDescription(desc)).toThrow(message);
  });
});

describe("realAnnualRate: errors", () => {
  it.each<[string, { received: string; payments: string[]; periodsPerYear?: number }, string]>([
    [
      "payments below the cash received",
      { received: "1000", payments: ["300", "300", "300"] },
      "还款总额低于实际到手金额",
    ],
    ["only zeros", { received: "1000", payments: ["0", "0"] }, "还款总额低于实际到手金额"],
    ["nothing received", { received: "0", payments: ["100"] }, "实际到手金额必须大于 0"],
    ["negative received", { received: "-5", payments: ["100"] }, "实际到手金额必须大于 0"],
    ["no payments", { received: "100", payments: [] }, "请至少填写一期还款"],
    ["a negative payment", { received: "100", payments: ["200", "-1"] }, "第 2 期还款不能为负数"],
    ["a payment that is not a number", { received: "100", payments: ["abc"] }, "第 1 期还款格式不正确"],
    ["periods per year of 0", { received: "100", payments: ["200"], periodsPerYear: 0 }, "每年期数"],
  ])("throws a RateError for %s", (_name, input, message) => {
    expect(() => realAnnualRate(input)).toThrow(RateError);
    expect(() => realAnnualRate(input)).toThrow(message);
  });

  it("is a RateError with its name set, so the API can tell it from a bug", () => {
    try {
      realAnnualRate({ received: "1000", payments: ["1"] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RateError);
      expect((e as Error).name).toBe("RateError");
    }
  });
});

describe("realAnnualRate: irregular schedules and extremes", () => {
  it("handles leading and middle zero periods", () => {
    const r = realAnnualRate({ received: "1000", payments: ["0", "0", "0", "1100"] });
    // 1000·(1+r)^4 = 1100
    const expected = new Dec("1.1").pow(new Dec(1).dividedBy(4)).minus(1);
    expect(r.perPeriod.minus(expected).abs().lessThan("1e-20")).toBe(true);
  });

  it("one payment a period later is simple interest", () => {
    expect(realAnnualRate({ received: "100", payments: ["100.01"] }).perPeriod.toFixed(10)).toBe("0.0001000000");
  });

  it("reaches 1000% a year and beyond without diverging", () => {
    // 90 a month for 30 years on 100 received is 90% a month (1080% a year).
    const r = realAnnualRate({ received: "100", payments: Array<string>(360).fill("90") });
    expect(r.perPeriod.minus("0.9").abs().lessThan("1e-12")).toBe(true);
    const extreme = realAnnualRate({ received: "100", payments: ["1000000"] });
    expect(extreme.perPeriod.toFixed(6)).toBe("9999.000000");
  });

  it("a single far payment (slow for plain Newton) converges", () => {
    const payments = [...Array<string>(359).fill("0"), "1000000000000"];
    const r = realAnnualRate({ received: "100", payments });
    const expected = new Dec("1e10").pow(new Dec(1).dividedBy(360)).minus(1);
    expect(r.perPeriod.minus(expected).abs().lessThan("1e-15")).toBe(true);
  });

  it("uses periodsPerYear for weekly schedules", () => {
    const r = realAnnualRate({ received: "1000", payments: Array<string>(52).fill("20"), periodsPerYear: 52 });
    expect(r.nominalAnnual.equals(r.perPeriod.times(52))).toBe(true);
    expect(r.effectiveAnnual.minus(r.perPeriod.plus(1).pow(52).minus(1)).abs().lessThan("1e-20")).toBe(true);
  });

  it("accepts Decimals as well as strings", () => {
    const a = realAnnualRate({ received: new Dec("99000"), payments: Array(12).fill(new Dec("8833.3")) });
    const b = realAnnualRate({ received: "99000", payments: Array<string>(12).fill("8833.3") });
    expect(a.perPeriod.equals(b.perPeriod)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

const fen = (cents: number) => new Dec(cents).dividedBy(100);

/** A schedule of 1–36 payments in whole fen (zeros allowed, at least one positive). */
const scheduleArb = fc
  .array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 36 })
  .filter((cents) => cents.some((c) => c > 0));

/** Cash received as a share (0.1%–100%) of the total repaid, in whole fen and positive. */
const loanArb = fc.tuple(scheduleArb, fc.integer({ min: 1, max: 1000 })).map(([cents, permille]) => {
  const total = cents.reduce((a, b) => a + b, 0);
  const receivedCents = Math.max(1, Math.floor((total * permille) / 1000));
  return { received: fen(receivedCents), payments: cents.map(fen) };
});

describe("realAnnualRate: properties", () => {
  it("raising any payment never lowers the rate", () => {
    fc.assert(
      fc.property(loanArb, fc.nat(), fc.integer({ min: 1, max: 1_000_000 }), (loan, pick, raiseCents) => {
        const i = pick % loan.payments.length;
        const raised = loan.payments.map((p, k) => (k === i ? p.plus(fen(raiseCents)) : p));
        const before = realAnnualRate(loan).perPeriod;
        const after = realAnnualRate({ received: loan.received, payments: raised }).perPeriod;
        expect(after.greaterThanOrEqualTo(before)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("a schedule that repays exactly what was received has rate 0", () => {
    fc.assert(
      fc.property(scheduleArb, (cents) => {
        const payments = cents.map(fen);
        const received = payments.reduce((a, b) => a.plus(b), new Dec(0));
        const r = realAnnualRate({ received, payments });
        expect(r.perPeriod.isZero()).toBe(true);
        expect(r.nominalAnnual.isZero()).toBe(true);
        expect(r.effectiveAnnual.isZero()).toBe(true);
      }),
    );
  });

  it("the rate lies within the bounds set by the first and last payment dates, and solves the equation", () => {
    fc.assert(
      fc.property(loanArb, (loan) => {
        const r = realAnnualRate(loan).perPeriod;
        const total = loan.payments.reduce((a, b) => a.plus(b), new Dec(0));
        const ratio = total.dividedBy(loan.received);
        const first = loan.payments.findIndex((p) => !p.isZero()) + 1;
        const last = loan.payments.length - [...loan.payments].reverse().findIndex((p) => !p.isZero());
        const growth = r.plus(1);
        // received = Σ p_k (1+r)^−k lies between total·(1+r)^−last and total·(1+r)^−first.
        expect(r.greaterThanOrEqualTo(0)).toBe(true);
        expect(growth.pow(first).lessThanOrEqualTo(ratio.times("1.000000001"))).toBe(true);
        expect(growth.pow(last).greaterThanOrEqualTo(ratio.times("0.999999999"))).toBe(true);
        expect(npv(loan.received, loan.payments, r).abs().dividedBy(loan.received).lessThan("1e-10")).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("recovers a known rate from 0 to 1000% a year to within 1e-8 a period, zeros allowed", () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 60 })
          .filter((c) => c.some((x) => x > 0)),
        fc.integer({ min: 0, max: 1_000_000 }),
        (cents, millionths) => {
          // A monthly rate between 0 and 1000%/12 per period.
          const rate = new Dec(millionths).dividedBy(1_000_000).times(10).dividedBy(12);
          const payments = cents.map(fen);
          const received = payments.reduce<Decimal>(
            (acc, p, k) => acc.plus(p.dividedBy(rate.plus(1).pow(k + 1))),
            new Dec(0),
          );
          const r = realAnnualRate({ received, payments }).perPeriod;
          expect(r.minus(rate).abs().lessThan("1e-8")).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});
