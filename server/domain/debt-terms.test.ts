import { describe, expect, it } from "vitest";
import { RateError } from "./apr";
import { loanCost, type LoanTerms } from "./debt-terms";
import { Dec } from "./money";

const base: LoanTerms = {
  method: "fixedInstallments",
  principal: new Dec(100000),
  received: new Dec(99000),
  installmentCount: 12,
  installmentAmount: new Dec("8833.3"),
  monthlyRate: null,
};

describe("loanCost", () => {
  it("treats fees deducted in advance as not lent: the rate is on what was received (PBOC example)", () => {
    const cost = loanCost(base);
    expect(cost.upfrontFee.toString()).toBe("1000");
    expect(cost.realAnnualRate?.toDecimalPlaces(4).toString()).toBe("0.128");
    expect(cost.effectiveAnnualRate?.toDecimalPlaces(4).toString()).toBe("0.1358");
    expect(cost.monthlyPayment?.toFixed(2)).toBe("8833.30");
  });

  it("computes a fee-rate loan's IRR, not the shortcut (12 × 0.6%: 13.03%)", () => {
    const cost = loanCost({
      ...base,
      method: "feeRate",
      principal: new Dec(12000),
      received: new Dec(12000),
      installmentAmount: null,
      monthlyRate: new Dec("0.006"),
    });
    expect(cost.realAnnualRate?.times(100).toDecimalPlaces(2).toString()).toBe("13.03");
    expect(cost.monthlyPayment?.toFixed(2)).toBe("1072.00");
  });

  it("has no rate for a loan without a schedule", () => {
    const cost = loanCost({ ...base, method: "none", received: base.principal, installmentCount: null });
    expect(cost.realAnnualRate).toBeNull();
    expect(cost.monthlyPayment).toBeNull();
  });

  it("explains what is missing or impossible", () => {
    expect(() => loanCost({ ...base, installmentAmount: null })).toThrow("请填写每期还款金额");
    expect(() => loanCost({ ...base, method: "feeRate", installmentAmount: null })).toThrow("请填写每期手续费率");
    expect(() => loanCost({ ...base, received: new Dec(100001) })).toThrow("实际到手金额不能多于借款金额");
    expect(() => loanCost({ ...base, installmentAmount: new Dec(100) })).toThrow(RateError);
  });
});
