import { describe, expect, it } from "vitest";
import { EMPTY_DEBT, previewOf } from "./debt-preview";

describe("the debt form's live rate preview", () => {
  it("asks for the amounts until it can compute, and computes nothing without a schedule", () => {
    expect(previewOf(EMPTY_DEBT)).toEqual({
      kind: "hint",
      text: "填写借款金额、期数和每期还款后，这里会显示真实的年化利率。",
    });
    expect(previewOf({ ...EMPTY_DEBT, principal: "5000" })).toEqual({ kind: "hint", text: "请填写期数。" });
    expect(previewOf({ ...EMPTY_DEBT, repaymentMethod: "none", principal: "3000" }).text).toBe(
      "没有固定还款计划时不计算利率。",
    );
  });

  it("shows the real rate of a fee-rate installment loan, below the 24% line", () => {
    const p = previewOf({
      ...EMPTY_DEBT,
      principal: "12000",
      repaymentMethod: "feeRate",
      installmentCount: "12",
      monthlyRatePercent: "0.6",
    });
    expect(p).toEqual({
      kind: "rate",
      high: false,
      text: "实际年化 13.03%（复利年化 13.84%）；每月约 ¥1,072.00，共还 ¥12,864.00",
    });
  });

  it("flags a loan whose upfront deduction pushes the real rate over 24%", () => {
    const p = previewOf({
      ...EMPTY_DEBT,
      principal: "5000",
      received: "4000",
      installmentCount: "6",
      installmentAmount: "1000",
    });
    expect(p.kind).toBe("rate");
    expect(p.kind === "rate" && p.high).toBe(true);
    expect(p.text).toContain("其中提前扣除 ¥1,000.00（按实际到手计算）");
  });
});
