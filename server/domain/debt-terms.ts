/**
 * From how a borrower describes a loan to its real annual rate. Pure: the debt form previews
 * the rate live with it, and the server stores what it computes.
 */
import type Decimal from "decimal.js";
import { realAnnualRate, RateError, scheduleFromDescription, type LoanDescription } from "./apr";
import { Dec } from "./money";
import { MONTHLY_RATE_LABEL, type RepaymentMethod } from "./debt-vocabulary";

export { MONTHLY_RATE_LABEL, REPAYMENT_METHOD_LABEL, REPAYMENT_METHODS, type RepaymentMethod } from "./debt-vocabulary";

export interface LoanTerms {
  method: RepaymentMethod;
  principal: Decimal;
  received: Decimal;
  installmentCount: number | null;
  installmentAmount: Decimal | null;
  /** Fraction per month (fee rate or interest rate, by method). */
  monthlyRate: Decimal | null;
}

export interface LoanCost {
  /** The first installment: what is due each month. Null without a schedule. */
  monthlyPayment: Decimal | null;
  totalRepaid: Decimal | null;
  /** Nominal annual rate from the IRR (实际年化), fraction. */
  realAnnualRate: Decimal | null;
  /** Compound annual rate (复利年化), fraction. */
  effectiveAnnualRate: Decimal | null;
  /** Fees deducted in advance (砍头息) = principal − received. */
  upfrontFee: Decimal;
}

/** The loan's schedule and real rate; throws RateError with a Chinese message when impossible. */
export function loanCost(terms: LoanTerms): LoanCost {
  if (terms.received.greaterThan(terms.principal)) throw new RateError("实际到手金额不能多于借款金额");
  const upfrontFee = terms.principal.minus(terms.received);
  if (terms.method === "none") {
    return { monthlyPayment: null, totalRepaid: null, realAnnualRate: null, effectiveAnnualRate: null, upfrontFee };
  }
  const installments = terms.installmentCount;
  if (installments === null) throw new RateError("请填写期数");
  const base = { principal: terms.principal, installments, upfrontFee };
  let description: LoanDescription;
  if (terms.method === "fixedInstallments") {
    if (!terms.installmentAmount) throw new RateError("请填写每期还款金额");
    description = { ...base, kind: "fixedInstallments", installmentAmount: terms.installmentAmount };
  } else {
    const rate = terms.monthlyRate;
    if (!rate) throw new RateError(`请填写${MONTHLY_RATE_LABEL[terms.method] ?? "月利率"}`);
    description =
      terms.method === "feeRate"
        ? { ...base, kind: "feeRate", monthlyFeeRate: rate }
        : { ...base, kind: terms.method, monthlyRate: rate };
  }
  const schedule = scheduleFromDescription(description);
  const rate = realAnnualRate({ received: schedule.received, payments: schedule.payments });
  return {
    monthlyPayment: schedule.payments[0] ?? new Dec(0),
    totalRepaid: schedule.totalRepaid,
    realAnnualRate: rate.nominalAnnual,
    effectiveAnnualRate: rate.effectiveAnnual,
    upfrontFee,
  };
}
