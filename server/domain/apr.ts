/**
 * The real annual rate (实际年化利率) of a loan, by the IRR method.
 *
 * A loan is the cash actually received at time 0 (after any fee deducted in advance, 砍头息) and
 * the payments made at the end of periods 1..n. The per-period rate r is the one root of
 *
 *     received = Σ payments[k-1] / (1 + r)^k        (k = 1..n)
 *
 * We solve it in the discount factor v = 1/(1 + r): f(v) = Σ p_k·v^k − received is a polynomial
 * with non-negative coefficients apart from the constant, so on (0, 1] it is increasing and convex,
 * f(0) = −received < 0 and f(1) = Σ p_k − received. When the payments add up to at least what was
 * received there is exactly one root with r ≥ 0, bracketed by [0, 1], and a safeguarded Newton
 * iteration (bisection whenever Newton would leave the bracket or stalls) always converges.
 *
 * Rates are fractions (0.24 = 24%). `nominalAnnual = perPeriod × periodsPerYear` is the APR
 * convention lenders must display (PBOC announcement 2021 No. 3); `effectiveAnnual` is the
 * compound rate (复利年化) shown beside it.
 *
 * Pure: decimal arithmetic only (40 significant digits), no floats, no I/O.
 */
import Decimal from "decimal.js";
import { Dec, roundFen, toDec } from "./money";

/** An amount or rate as given by the caller: a decimal string ("8833.30") or a Decimal. */
export type DecInput = Decimal | string;

/** A loan whose real rate cannot be computed, with a message the borrower can act on. */
export class RateError extends Error {
  override readonly name = "RateError";
}

export interface RealAnnualRateInput {
  /** Cash actually received at the start (实际到手), after fees deducted in advance. */
  received: DecInput;
  /** Amounts paid at the end of periods 1..n; a period may be 0. */
  payments: readonly DecInput[];
  /** Periods per year: 12 for monthly (default), 52 weekly, 365 daily. */
  periodsPerYear?: number;
}

export interface RealAnnualRate {
  /** IRR per period, as a fraction. */
  perPeriod: Decimal;
  /** perPeriod × periodsPerYear: the real annual rate (实际年化) compared with the legal lines. */
  nominalAnnual: Decimal;
  /** (1 + perPeriod)^periodsPerYear − 1: the compound annual rate (复利年化). */
  effectiveAnnual: Decimal;
}

const ONE = new Dec(1);
/** Stop once the bracket in v is this narrow: far below the 1e-8 per period promised. */
const V_TOLERANCE = new Dec("1e-32");
const MAX_ITERATIONS = 500;
/** Digits kept in the returned rates. */
const RATE_PLACES = 24;
const MAX_PERIODS_PER_YEAR = 366;

function parseAmount(value: DecInput, what: string): Decimal {
  let d: Decimal;
  try {
    d = toDec(value);
  } catch {
    throw new RateError(`${what}格式不正确，请输入数字`);
  }
  if (!d.isFinite()) throw new RateError(`${what}格式不正确，请输入数字`);
  return d;
}

/** f(v) = Σ p_k v^k − received and f'(v), by Horner's rule. */
function evaluate(received: Decimal, payments: readonly Decimal[], v: Decimal): { f: Decimal; df: Decimal } {
  let f = new Dec(0);
  let df = new Dec(0);
  for (let k = payments.length - 1; k >= 0; k--) {
    // Coefficients from the highest power down to v^1: p_n, p_{n-1}, ..., p_1, then the constant.
    df = df.times(v).plus(f);
    f = f.times(v).plus(payments[k] ?? 0);
  }
  // Last Horner step with the constant term −received (v^0).
  df = df.times(v).plus(f);
  f = f.times(v).minus(received);
  return { f, df };
}

/**
 * The real rate of a loan from the cash received and the payment schedule.
 * Throws RateError when an input is invalid or the payments never repay what was received.
 */
export function realAnnualRate({ received, payments, periodsPerYear = 12 }: RealAnnualRateInput): RealAnnualRate {
  if (!Number.isInteger(periodsPerYear) || periodsPerYear < 1 || periodsPerYear > MAX_PERIODS_PER_YEAR) {
    throw new RateError("每年期数必须是 1 到 366 之间的整数");
  }
  const cash = parseAmount(received, "实际到手金额");
  if (cash.lessThanOrEqualTo(0)) throw new RateError("实际到手金额必须大于 0");
  if (payments.length === 0) throw new RateError("请至少填写一期还款");
  const amounts = payments.map((p, i) => {
    const d = parseAmount(p, `第 ${i + 1} 期还款`);
    if (d.isNegative()) throw new RateError(`第 ${i + 1} 期还款不能为负数`);
    return d;
  });
  const total = amounts.reduce((acc, p) => acc.plus(p), new Dec(0));
  const cmp = total.comparedTo(cash);
  if (cmp < 0) throw new RateError("还款总额低于实际到手金额，无法计算利率");

  let perPeriod: Decimal;
  if (cmp === 0) {
    perPeriod = new Dec(0);
  } else {
    const v = solveDiscountFactor(cash, amounts);
    perPeriod = ONE.dividedBy(v).minus(ONE).toDecimalPlaces(RATE_PLACES, Decimal.ROUND_HALF_UP);
  }
  return {
    perPeriod,
    nominalAnnual: perPeriod.times(periodsPerYear),
    effectiveAnnual: ONE.plus(perPeriod)
      .pow(periodsPerYear)
      .minus(ONE)
      .toDecimalPlaces(RATE_PLACES, Decimal.ROUND_HALF_UP),
  };
}

/** The root of f on (0, 1), given f(0) < 0 < f(1): Newton safeguarded by bisection. */
function solveDiscountFactor(received: Decimal, payments: readonly Decimal[]): Decimal {
  let lo = new Dec(0); // f(lo) < 0
  let hi = new Dec(1); // f(hi) > 0
  let v = hi;
  let { f, df } = evaluate(received, payments, v);
  let previousStep = hi.minus(lo);
  let step = previousStep;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const newton = df.isZero() ? null : v.minus(f.dividedBy(df));
    // Bisect when Newton leaves the bracket or does not at least halve the step of two rounds ago.
    const useNewton =
      newton !== null &&
      newton.greaterThan(lo) &&
      newton.lessThan(hi) &&
      f.abs().times(2).lessThan(previousStep.times(df).abs());
    previousStep = step;
    const next = useNewton ? newton : lo.plus(hi).dividedBy(2);
    step = next.minus(v).abs();
    v = next;
    ({ f, df } = evaluate(received, payments, v));
    if (f.isZero()) return v;
    if (f.isNegative()) lo = v;
    else hi = v;
    if (hi.minus(lo).lessThan(V_TOLERANCE) || step.lessThan(V_TOLERANCE)) return v;
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// Schedules from the way people describe their loans
// ---------------------------------------------------------------------------------------------

interface DescriptionBase {
  /** 借款金额: the contract amount. */
  principal: DecInput;
  /** 期数: number of monthly installments. */
  installments: number;
  /** A one-off fee deducted from the principal when the loan is paid out (砍头息): received = principal − fee. */
  upfrontFee?: DecInput;
}

/** Equal installments with a fee per period on the original principal (每期手续费率), as card issuers and many platforms quote. */
export interface FeeRateDescription extends DescriptionBase {
  kind: "feeRate";
  /** Monthly fee rate on the original principal, as a fraction (0.006 = 0.6%). */
  monthlyFeeRate: DecInput;
}

/** 等额本息: equal payments at a stated monthly interest rate on the balance. */
export interface EqualInstallmentDescription extends DescriptionBase {
  kind: "equalInstallment";
  /** Monthly interest rate as a fraction (0.01 = 1% a month). */
  monthlyRate: DecInput;
}

/** 等额本金: equal principal each month plus interest on the balance. */
export interface EqualPrincipalDescription extends DescriptionBase {
  kind: "equalPrincipal";
  monthlyRate: DecInput;
}

/** 先息后本: interest every month, the whole principal with the last payment. */
export interface InterestFirstDescription extends DescriptionBase {
  kind: "interestFirst";
  monthlyRate: DecInput;
}

/** "n installments of X": what the app or the contract says is due each month. */
export interface FixedInstallmentsDescription extends DescriptionBase {
  kind: "fixedInstallments";
  /** 每期还款. */
  installmentAmount: DecInput;
}

export type LoanDescription =
  | FeeRateDescription
  | EqualInstallmentDescription
  | EqualPrincipalDescription
  | InterestFirstDescription
  | FixedInstallmentsDescription;

export interface Schedule {
  principal: Decimal;
  /** principal − upfrontFee: the cash actually received, which the IRR is computed on. */
  received: Decimal;
  /** Monthly payments, each rounded half-up to the fen. */
  payments: Decimal[];
  /** Σ payments. */
  totalRepaid: Decimal;
}

const MAX_INSTALLMENTS = 600;

function parseRate(value: DecInput, what: string): Decimal {
  const d = parseAmount(value, what);
  if (d.isNegative()) throw new RateError(`${what}不能为负数`);
  if (d.greaterThanOrEqualTo(1)) throw new RateError(`${what}请按小数填写，例如 0.6% 填 0.006`);
  return d;
}

/**
 * The cash received and the payment schedule for a common loan description, ready for
 * `realAnnualRate`. Principal parts are the principal split evenly and rounded to the fen, the last
 * one taking the remainder so that exactly the principal is repaid; every payment is rounded
 * half-up to the fen (`roundFen`).
 */
export function scheduleFromDescription(desc: LoanDescription): Schedule {
  const principal = parseAmount(desc.principal, "借款金额");
  if (principal.lessThanOrEqualTo(0)) throw new RateError("借款金额必须大于 0");
  const n = desc.installments;
  if (!Number.isInteger(n) || n < 1 || n > MAX_INSTALLMENTS) {
    throw new RateError(`期数必须是 1 到 ${MAX_INSTALLMENTS} 之间的整数`);
  }
  const fee = desc.upfrontFee === undefined ? new Dec(0) : parseAmount(desc.upfrontFee, "砍头息（提前扣除的费用）");
  if (fee.isNegative()) throw new RateError("提前扣除的费用不能为负数");
  if (fee.greaterThanOrEqualTo(principal)) throw new RateError("提前扣除的费用不能达到或超过借款金额");
  const received = principal.minus(fee);

  let payments: Decimal[];
  switch (desc.kind) {
    case "feeRate": {
      const feeRate = parseRate(desc.monthlyFeeRate, "每期手续费率");
      const feePerPeriod = roundFen(principal.times(feeRate));
      payments = principalParts(principal, n).map((part) => roundFen(part.plus(feePerPeriod)));
      break;
    }
    case "equalInstallment":
      payments = equalInstallment(principal, parseRate(desc.monthlyRate, "月利率"), n);
      break;
    case "equalPrincipal": {
      const rate = parseRate(desc.monthlyRate, "月利率");
      let balance = principal;
      payments = principalParts(principal, n).map((part) => {
        const payment = roundFen(part.plus(balance.times(rate)));
        balance = balance.minus(part);
        return payment;
      });
      break;
    }
    case "interestFirst": {
      const interest = roundFen(principal.times(parseRate(desc.monthlyRate, "月利率")));
      payments = Array.from({ length: n }, (_, i) => (i === n - 1 ? roundFen(principal.plus(interest)) : interest));
      break;
    }
    case "fixedInstallments": {
      const amount = parseAmount(desc.installmentAmount, "每期还款");
      if (amount.lessThanOrEqualTo(0)) throw new RateError("每期还款必须大于 0");
      payments = Array.from({ length: n }, () => roundFen(amount));
      break;
    }
  }
  const totalRepaid = payments.reduce((acc, p) => acc.plus(p), new Dec(0));
  return { principal, received, payments, totalRepaid };
}

/** The principal split into n parts of principal/n rounded to the fen, the last taking the remainder. */
function principalParts(principal: Decimal, n: number): Decimal[] {
  const part = roundFen(principal.dividedBy(n));
  const last = principal.minus(part.times(n - 1));
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? last : part));
}

/**
 * 等额本息 as lenders run it: payment A = P·r/(1 − (1+r)^−n) rounded to the fen; each month's
 * interest is the balance × r rounded to the fen; the last payment clears the balance.
 */
function equalInstallment(principal: Decimal, rate: Decimal, n: number): Decimal[] {
  if (rate.isZero()) return principalParts(principal, n);
  const payment = roundFen(principal.times(rate).dividedBy(ONE.minus(ONE.plus(rate).pow(-n))));
  const payments: Decimal[] = [];
  let balance = principal;
  for (let k = 1; k <= n; k++) {
    const interest = roundFen(balance.times(rate));
    if (k === n) {
      payments.push(roundFen(balance.plus(interest)));
    } else {
      payments.push(payment);
      balance = balance.minus(payment.minus(interest));
    }
  }
  return payments;
}
