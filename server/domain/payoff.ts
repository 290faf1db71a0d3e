/**
 * The repayment plan (还款计划): a month-by-month simulation over all debts, exact in decimal.
 *
 * Each month, for each debt still owed:
 *   1. a restructuring agreement starting this month is applied (installment agreement 分期协议, or
 *      principal discount 本金减免: the balance becomes the settled amount = balance × (1 − discount),
 *      rounded half-up to the fen, and the difference is recorded as the discount);
 *   2. interest = balance × annual rate / 12, **rounded half-up to the fen every month**, and added
 *      to the balance. The rate is the real nominal annual rate (实际年化, from the IRR), replaced by
 *      0 during an interest freeze (停催协议), by the deferral's rate during a deferral if one is
 *      given, and by the agreement's rate once an installment agreement or discount is in force;
 *   3. what is due: nothing during a deferral (延期还款); the agreed installment under an agreement
 *      (the last installment, and any month after it, is the whole remaining balance); otherwise the
 *      minimum payment — never more than the balance.
 * The money of the month — the monthly budget, plus any one-off inflow (sale of an asset, help from
 * family), plus money left unspent last month — pays first what is due under agreements, then the
 * other amounts due, each group in strategy order; what is left is the extra, applied in strategy
 * order to debts not in a deferral: avalanche 雪崩法 (highest rate this month first), snowball
 * 雪球法 (smallest balance first) or a custom order 自定义顺序. The budget stays the same when a debt
 * is paid off, so its freed-up minimum rolls over to the next debt automatically.
 *
 * If the budget cannot cover every amount due, the months are flagged (`missed` per debt) and the
 * debts keep accruing; the plan still runs. A plan that does not finish within 600 months is
 * refused with `PayoffNeverFinishesError`, which says why and the monthly budget that would finish.
 *
 * Invariant (tested): Σ payments = Σ opening balances + Σ interest − Σ discounts, to the fen.
 *
 * Pure: months are "YYYY-MM" strings passed in; exact arithmetic only (decimal, or whole fen as exact
 * integers: see Simulation); no I/O.
 */
import { Dec, formatYuan, roundFen, toDec } from "./money";
import { STRATEGIES, TERM_LABEL, type Strategy } from "./payoff-labels";

export { STRATEGIES, STRATEGY_LABEL, TERM_LABEL, type Strategy } from "./payoff-labels";

/** An amount or rate as given by the caller: a decimal string ("8833.30") or a Decimal. */
type DecInput = Dec | string;

/** A calendar month "YYYY-MM". */
export type YearMonth = string;

/** The longest plan Shore accepts: 50 years. */
export const MAX_MONTHS = 600;

/**
 * A negotiated term on one debt. `from` defaults to the plan's start month; a month before the start
 * counts as the start (for an agreement already in force, give the installments still to pay).
 */
export type NegotiatedTerm =
  /** 停催协议: no interest for `months` months from `from`; amounts due stay as they are. */
  | { kind: "stopCollection"; from?: YearMonth; months: number }
  /**
   * 分期协议: from `from`, the balance is repaid in `count` equal monthly installments; no further
   * interest unless `annualRate` is given (then equal annuity installments at that rate).
   */
  | { kind: "installment"; from?: YearMonth; count: number; annualRate?: DecInput }
  /**
   * 本金减免: settled for balance × (1 − discount) (discount 0.3 = 30% off), paid in `installments`
   * equal monthly installments from `from` (1 = lump sum, the default), without further interest.
   */
  | { kind: "principalDiscount"; from?: YearMonth; discount: DecInput; installments?: number }
  /** 延期还款: nothing due for `months` months from `from`; interest at `annualRate` if given, else as before. */
  | { kind: "deferral"; from?: YearMonth; months: number; annualRate?: DecInput };

export type NegotiatedTermKind = NegotiatedTerm["kind"];

export interface PayoffDebt {
  id: string;
  /** 平台 / 出借方, shown in messages. */
  label?: string;
  /** 剩余待还 at the start of the first month. */
  balance: DecInput;
  /** Real nominal annual rate as a fraction (0.2399 = 23.99%). */
  annualRate: DecInput;
  /** Minimum payment per month under the contract; 0 when none. */
  minimumPayment?: DecInput;
  terms?: readonly NegotiatedTerm[];
}

export interface OneOffInflow {
  month: YearMonth;
  amount: DecInput;
  /** e.g. 卖车, 家人帮忙. */
  label?: string;
}

export interface PayoffInput {
  /** The first month of the plan. */
  startMonth: YearMonth;
  debts: readonly PayoffDebt[];
  /** Money for all debt payments each month (minimums included): the repayment capacity. */
  monthlyBudget: DecInput;
  strategy: Strategy;
  /** Debt ids, first paid first; required for "custom". Debts not listed follow in input order. */
  customOrder?: readonly string[];
  inflows?: readonly OneOffInflow[];
}

/** Which rules applied to a debt in a month (a deferral wins over a freeze, a freeze over an agreement). */
export type DebtPhase = "contract" | "frozen" | "deferred" | "agreement";

export interface DebtMonth {
  debtId: string;
  phase: DebtPhase;
  /** Balance at the start of the month, before any discount. */
  openingBalance: Dec;
  /** Balance forgiven this month under a principal discount. */
  discount: Dec;
  interest: Dec;
  /** Amount due this month (minimum or installment). */
  due: Dec;
  payment: Dec;
  /** Part of the amount due the budget could not cover. */
  missed: Dec;
  /** Balance at the end of the month. */
  balance: Dec;
}

export interface PayoffMonth {
  month: YearMonth;
  /** 1 for the start month. */
  index: number;
  /** One-off inflows this month. */
  inflow: Dec;
  /** Budget + inflow + money carried from last month. */
  available: Dec;
  /** Debts owed at the start of this month, in input order. */
  debts: DebtMonth[];
  payment: Dec;
  interest: Dec;
  discount: Dec;
  /** Total owed at the end of the month. */
  balance: Dec;
  /** Money not needed this month (carried to next month, or left over in the last month). */
  unspent: Dec;
}

export interface DebtSummary {
  debtId: string;
  label: string;
  /** The month of its last payment; the start month for a debt owing nothing. */
  paidOffMonth: YearMonth;
  totalPaid: Dec;
  totalInterest: Dec;
  totalDiscount: Dec;
}

export interface PayoffTotals {
  /** The month of the last payment; the start month when nothing is owed. */
  debtFreeMonth: YearMonth;
  /** Number of months with a payment (0 when nothing is owed). */
  monthCount: number;
  totalPaid: Dec;
  totalInterest: Dec;
  totalDiscount: Dec;
  /** Months where the money did not cover every amount due. */
  monthsShortOfDue: number;
}

export interface DoingNothingComparison {
  /** Each debt pays only its own minimum, on the original contract (no terms, no inflows). */
  minimumsOnly: {
    /** null when minimums alone never clear the debts within 600 months. */
    debtFreeMonth: YearMonth | null;
    totalPaid: Dec | null;
    totalInterest: Dec | null;
    /** Still owed at the end of the plan's debt-free month. */
    balanceAtPlanEnd: Dec;
    /** Interest the plan saves against minimums only; null when minimums never finish. */
    interestSaved: Dec | null;
    /** Months the plan saves; null when minimums never finish. */
    monthsSaved: number | null;
  };
  /** Nothing paid at all, on the original contract: what would be owed at the plan's debt-free month. */
  nothingPaid: {
    balanceAtPlanEnd: Dec;
    interestAtPlanEnd: Dec;
  };
}

export interface PayoffResult extends PayoffTotals {
  strategy: Strategy;
  startMonth: YearMonth;
  monthlyBudget: Dec;
  schedule: PayoffMonth[];
  perDebt: DebtSummary[];
  vsDoingNothing: DoingNothingComparison;
  /** Plain Chinese notes, e.g. months where the budget did not cover the amounts due. */
  warnings: string[];
}

/** Invalid input, with a Chinese message saying what to fix. */
export class PayoffInputError extends Error {
  override readonly name = "PayoffInputError";
}

export type NeverFinishesReason = "belowInterest" | "tooLong";

/** A plan that can never finish, why, and the monthly budget that would finish it. */
export class PayoffNeverFinishesError extends Error {
  override readonly name = "PayoffNeverFinishesError";
  constructor(
    message: string,
    readonly reason: NeverFinishesReason,
    /** Smallest whole-yuan monthly budget that finishes within 600 months; null if none can. */
    readonly requiredMonthlyBudget: Dec | null,
    /** Interest of the first month in which interest accrues. */
    readonly monthlyInterest: Dec,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------
// Months
// ---------------------------------------------------------------------------------------------

const YM_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

function monthNumber(ym: YearMonth, what = "月份"): number {
  const m = YM_RE.exec(ym);
  if (!m) throw new PayoffInputError(`${what}格式应为 YYYY-MM：${ym}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

function fromMonthNumber(n: number): YearMonth {
  const year = Math.floor(n / 12);
  const month = n - year * 12 + 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

/** "2026-11" + 3 → "2027-02". */
export function addMonths(ym: YearMonth, months: number): YearMonth {
  return fromMonthNumber(monthNumber(ym) + months);
}

/** Whole months from `from` to `to` ("2026-11" → "2027-02" is 3). */
export function monthsBetween(from: YearMonth, to: YearMonth): number {
  return monthNumber(to) - monthNumber(from);
}

// ---------------------------------------------------------------------------------------------
// Preparation
// ---------------------------------------------------------------------------------------------

interface Window {
  start: number;
  end: number; // exclusive, month indexes (0 = start month)
}

interface Restructure {
  start: number;
  count: number;
  /** Monthly rate under the agreement. */
  monthlyRate: Dec;
  annualRate: Dec;
  /** Fraction forgiven (0 for an installment agreement). */
  discount: Dec;
}

interface PreparedDebt {
  id: string;
  label: string;
  index: number;
  balance: Dec;
  annualRate: Dec;
  minimum: Dec;
  freezes: Window[];
  deferrals: (Window & { annualRate: Dec | null })[];
  restructure: Restructure | null;
}

interface Prepared {
  startMonth: YearMonth;
  budget: Dec;
  strategy: Strategy;
  debts: PreparedDebt[];
  customRank: Map<string, number>;
  /** Inflows by month index. */
  inflows: Map<number, Dec>;
}

const TWELVE = new Dec(12);

function parseDec(value: DecInput, what: string, opts: { max?: Dec } = {}): Dec {
  let d: Dec;
  try {
    d = toDec(value);
  } catch {
    throw new PayoffInputError(`${what}格式不正确，请输入数字`);
  }
  if (!d.isFinite()) throw new PayoffInputError(`${what}格式不正确，请输入数字`);
  if (d.isNegative()) throw new PayoffInputError(`${what}不能为负数`);
  if (opts.max && d.greaterThan(opts.max)) throw new PayoffInputError(`${what}不能大于 ${opts.max.toString()}`);
  return d;
}

function parseCount(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_MONTHS) {
    throw new PayoffInputError(`${what}必须是 1 到 ${MAX_MONTHS} 之间的整数`);
  }
  return value;
}

function prepare(input: PayoffInput): Prepared {
  const start = monthNumber(input.startMonth, "开始月份");
  const startIndexOf = (from: YearMonth | undefined, what: string) =>
    from === undefined ? 0 : Math.max(0, monthNumber(from, what) - start);
  if (!STRATEGIES.includes(input.strategy)) throw new PayoffInputError(`未知的还款策略：${String(input.strategy)}`);

  const seen = new Set<string>();
  const debts = input.debts.map((d, index): PreparedDebt => {
    if (d.id === "") throw new PayoffInputError("每笔债务都需要一个编号");
    if (seen.has(d.id)) throw new PayoffInputError(`债务编号重复：${d.id}`);
    seen.add(d.id);
    const label = d.label ?? d.id;
    const annualRate = parseDec(d.annualRate, `「${label}」的年化利率`);
    const prepared: PreparedDebt = {
      id: d.id,
      label,
      index,
      balance: roundFen(parseDec(d.balance, `「${label}」的剩余待还`)),
      annualRate,
      minimum: roundFen(parseDec(d.minimumPayment ?? "0", `「${label}」的最低还款`)),
      freezes: [],
      deferrals: [],
      restructure: null,
    };
    for (const term of d.terms ?? []) {
      const what = `「${label}」的${TERM_LABEL[term.kind]}`;
      const from = startIndexOf(term.from, `${what}开始月份`);
      switch (term.kind) {
        case "stopCollection": {
          const months = parseCount(term.months, `${what}月数`);
          prepared.freezes.push({ start: from, end: from + months });
          break;
        }
        case "deferral": {
          const months = parseCount(term.months, `${what}月数`);
          const rate = term.annualRate === undefined ? null : parseDec(term.annualRate, `${what}利率`);
          prepared.deferrals.push({
            start: from,
            end: from + months,
            annualRate: rate,
          });
          break;
        }
        case "installment":
        case "principalDiscount": {
          if (prepared.restructure) {
            throw new PayoffInputError(`「${label}」只能有一个分期协议或本金减免协议`);
          }
          if (term.kind === "installment") {
            const rate = parseDec(term.annualRate ?? "0", `${what}利率`);
            prepared.restructure = {
              start: from,
              count: parseCount(term.count, `${what}期数`),
              annualRate: rate,
              monthlyRate: rate.dividedBy(TWELVE),
              discount: new Dec(0),
            };
          } else {
            prepared.restructure = {
              start: from,
              count: parseCount(term.installments ?? 1, `${what}期数`),
              annualRate: new Dec(0),
              monthlyRate: new Dec(0),
              discount: parseDec(term.discount, `${what}比例`, { max: new Dec(1) }),
            };
          }
          break;
        }
      }
    }
    return prepared;
  });

  const customRank = new Map<string, number>();
  if (input.strategy === "custom" && !input.customOrder) {
    throw new PayoffInputError("自定义顺序需要给出还款的先后顺序");
  }
  for (const id of input.customOrder ?? []) {
    if (!seen.has(id)) throw new PayoffInputError(`自定义顺序里有不存在的债务：${id}`);
    if (!customRank.has(id)) customRank.set(id, customRank.size);
  }

  const inflows = new Map<number, Dec>();
  for (const inflow of input.inflows ?? []) {
    const amount = parseDec(inflow.amount, `一次性收入「${inflow.label ?? inflow.month}」的金额`);
    const idx = monthNumber(inflow.month, "一次性收入的月份") - start;
    if (idx < 0) continue; // before the plan: already part of the balances the borrower entered
    inflows.set(idx, (inflows.get(idx) ?? new Dec(0)).plus(roundFen(amount)));
  }

  return {
    startMonth: input.startMonth,
    budget: roundFen(parseDec(input.monthlyBudget, "每月可用于还款的金额")),
    strategy: input.strategy,
    debts,
    customRank,
    inflows,
  };
}

// ---------------------------------------------------------------------------------------------
// Simulation
// ---------------------------------------------------------------------------------------------
//
// Two engines compute the same months. `runFen` works in whole fen held in JS numbers, which are
// exact integers up to 2^53 − 1 (about 90 trillion yuan): amounts are added, subtracted and compared
// exactly, and interest is computed from the rate as an exact integer fraction (see `fenInterest`).
// Whenever it cannot guarantee that — an amount reaching 2^53, a rate with more than 12 decimals —
// it gives up and `runDecimal`, the decimal reference, runs instead; so the results are the same to
// the last digit either way, only faster. Restructuring (a settlement or an installment amount,
// once per debt) is computed in decimal by both.

type Mode = "plan" | "minimumsOnly" | "nothingPaid";

interface RunOptions {
  mode: Mode;
  budget: Dec;
  maxMonths: number;
  record: boolean;
  /**
   * Stop a plan as soon as it provably cannot finish (its result then only says that it did not):
   * "hopeless" at once, "hopelessOnceInterestSeen" once the first month's interest is known.
   */
  earlyExit?: "hopeless" | "hopelessOnceInterestSeen";
}

/** One debt at the end of a run. */
interface DebtTotals {
  id: string;
  paidOff: number | null;
  paid: Dec;
  interest: Dec;
  discount: Dec;
}

interface RunResult {
  finished: boolean;
  /** Months simulated (the debt-free month's index + 1 when finished). */
  months: number;
  schedule: PayoffMonth[];
  totalPaid: Dec;
  totalInterest: Dec;
  totalDiscount: Dec;
  monthsShortOfDue: number;
  debtTotals(): DebtTotals[];
  /** Total owed at the end of month `month` (1-based, at most the last month run); 0 before any. */
  balanceAt(month: number): Dec;
  /** Interest of the first `month` months. */
  interestTo(month: number): Dec;
  /** Interest of the first month in which interest accrues; 0 when none does. */
  firstInterest(): Dec;
}

function run(p: Prepared, opts: RunOptions): RunResult {
  const f = fenPlanOf(p);
  const budget = f ? toFen(opts.budget) : null;
  const fast = f && budget !== null ? runFen(p, f, opts, budget) : null;
  return fast ?? fromDecimalRun(runDecimal(p, opts));
}

const ZERO = new Dec(0);

// --- The decimal reference ------------------------------------------------------------------------

interface RunState {
  id: string;
  balance: Dec;
  /** Agreement in force: installment amount and installments left. */
  agreement: { installment: Dec; left: number; annualRate: Dec } | null;
  paidOff: number | null;
  paid: Dec;
  interest: Dec;
  discount: Dec;
}

interface DecimalRunResult {
  finished: boolean;
  /** Months simulated (the debt-free month's index + 1 when finished). */
  months: number;
  schedule: PayoffMonth[];
  states: RunState[];
  totalPaid: Dec;
  totalInterest: Dec;
  totalDiscount: Dec;
  monthsShortOfDue: number;
  /** Total owed at the end of each month. */
  balances: Dec[];
  interestByMonth: Dec[];
}

function fromDecimalRun(r: DecimalRunResult): RunResult {
  return {
    finished: r.finished,
    months: r.months,
    schedule: r.schedule,
    totalPaid: r.totalPaid,
    totalInterest: r.totalInterest,
    totalDiscount: r.totalDiscount,
    monthsShortOfDue: r.monthsShortOfDue,
    debtTotals: () =>
      r.states.map((s) => ({ id: s.id, paidOff: s.paidOff, paid: s.paid, interest: s.interest, discount: s.discount })),
    balanceAt: (month) => r.balances[Math.min(month, r.balances.length) - 1] ?? ZERO,
    interestTo: (month) => r.interestByMonth.slice(0, month).reduce((acc, x) => acc.plus(x), ZERO),
    firstInterest: () => r.interestByMonth.find((x) => x.greaterThan(0)) ?? ZERO,
  };
}

/** The smaller of two amounts, without allocating. */
function min(a: Dec, b: Dec): Dec {
  return a.lessThanOrEqualTo(b) ? a : b;
}

/**
 * One month's interest: balance × annual rate / 12, rounded half-up to the fen. Multiplying before
 * dividing keeps a result that is exactly on a half fen exact (6.00 × 1% / 12 = 0.005 → 0.01).
 */
export function monthlyInterest(balance: Dec, annualRate: Dec): Dec {
  if (annualRate.isZero() || balance.isZero()) return ZERO;
  return balance.times(annualRate).dividedBy(TWELVE).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}

function inWindow(windows: readonly Window[], i: number): boolean {
  return windows.some((w) => i >= w.start && i < w.end);
}

function installmentAmount(balance: Dec, count: number, monthlyRate: Dec): Dec {
  if (monthlyRate.isZero()) return roundFen(balance.dividedBy(count));
  // Annuity: B·i / (1 − (1 + i)^−n).
  const factor = new Dec(1).minus(monthlyRate.plus(1).pow(-count));
  return roundFen(balance.times(monthlyRate).dividedBy(factor));
}

interface Working {
  debt: PreparedDebt;
  state: RunState;
  row: DebtMonth;
  /** Annual rate applied this month. */
  rate: Dec;
  deferred: boolean;
  hasAgreement: boolean;
}

function compareForStrategy(p: Prepared): (a: Working, b: Working) => number {
  switch (p.strategy) {
    case "avalanche":
      return (a, b) =>
        b.rate.comparedTo(a.rate) ||
        a.row.openingBalance.comparedTo(b.row.openingBalance) ||
        a.debt.index - b.debt.index;
    case "snowball":
      return (a, b) =>
        a.row.openingBalance.comparedTo(b.row.openingBalance) ||
        b.rate.comparedTo(a.rate) ||
        a.debt.index - b.debt.index;
    case "custom": {
      const rank = (w: Working) => p.customRank.get(w.debt.id) ?? p.customRank.size + w.debt.index;
      return (a, b) => rank(a) - rank(b);
    }
  }
}

/** The reference: the plan in decimal, month by month. */
function runDecimal(p: Prepared, opts: RunOptions): DecimalRunResult {
  const { mode } = opts;
  const useTerms = mode === "plan";
  const states: RunState[] = p.debts.map((d) => ({
    id: d.id,
    balance: d.balance,
    agreement: null,
    paidOff: d.balance.isZero() ? -1 : null,
    paid: ZERO,
    interest: ZERO,
    discount: ZERO,
  }));
  const schedule: PayoffMonth[] = [];
  const balances: Dec[] = [];
  const interestByMonth: Dec[] = [];
  const byStrategy = compareForStrategy(p);
  let totalPaid = ZERO;
  let totalInterest = ZERO;
  let totalDiscount = ZERO;
  let monthsShortOfDue = 0;
  let carry = ZERO;
  let remaining = states.filter((s) => s.paidOff === null).length;
  let i = 0;

  for (; i < opts.maxMonths && remaining > 0; i++) {
    const working: Working[] = [];
    let monthInterest = ZERO;
    let monthDiscount = ZERO;
    for (let k = 0; k < p.debts.length; k++) {
      const debt = p.debts[k];
      const state = states[k];
      if (!debt || !state || state.paidOff !== null) continue;
      const openingBalance = state.balance;
      let discount = ZERO;
      const r = useTerms ? debt.restructure : null;
      if (r && r.start === i) {
        if (!r.discount.isZero()) {
          const settled = roundFen(state.balance.times(new Dec(1).minus(r.discount)));
          discount = state.balance.minus(settled);
          state.balance = settled;
        }
        state.agreement = {
          installment: installmentAmount(state.balance, r.count, r.monthlyRate),
          left: r.count,
          annualRate: r.annualRate,
        };
      }
      const deferral = useTerms ? debt.deferrals.find((w) => i >= w.start && i < w.end) : undefined;
      const frozen = useTerms && inWindow(debt.freezes, i);
      let rate = state.agreement ? state.agreement.annualRate : debt.annualRate;
      if (deferral?.annualRate) rate = deferral.annualRate;
      if (frozen) rate = ZERO;
      const interest = monthlyInterest(state.balance, rate);
      const owed = interest.isZero() ? state.balance : state.balance.plus(interest);

      let due: Dec;
      if (deferral || mode === "nothingPaid") due = ZERO;
      else if (state.agreement) {
        due = state.agreement.left <= 1 ? owed : min(state.agreement.installment, owed);
      } else due = min(debt.minimum, owed);

      const phase: DebtPhase = deferral ? "deferred" : frozen ? "frozen" : state.agreement ? "agreement" : "contract";
      const row: DebtMonth = {
        debtId: debt.id,
        phase,
        openingBalance,
        discount,
        interest,
        due,
        payment: ZERO,
        missed: ZERO,
        balance: owed,
      };
      if (!interest.isZero()) monthInterest = monthInterest.plus(interest);
      if (!discount.isZero()) monthDiscount = monthDiscount.plus(discount);
      working.push({
        debt,
        state,
        row,
        rate,
        deferred: deferral !== undefined,
        hasAgreement: state.agreement !== null,
      });
    }

    const inflow = mode === "plan" ? (p.inflows.get(i) ?? ZERO) : ZERO;
    const available = mode === "plan" ? opts.budget.plus(inflow).plus(carry) : ZERO;
    let money = available;
    let monthPaid = ZERO;
    let short = false;
    const pay = (w: Working, amount: Dec) => {
      w.row.payment = w.row.payment.isZero() ? amount : w.row.payment.plus(amount);
      w.row.balance = w.row.balance.minus(amount);
      monthPaid = monthPaid.isZero() ? amount : monthPaid.plus(amount);
    };

    if (mode === "minimumsOnly") {
      for (const w of working) if (!w.row.due.isZero()) pay(w, w.row.due);
    } else if (mode === "plan") {
      const ordered = working.slice().sort(byStrategy);
      // Amounts due: agreements first (breaking one loses it), then the others, in strategy order.
      for (const group of [true, false]) {
        for (const w of ordered) {
          if (w.hasAgreement !== group || w.row.due.isZero()) continue;
          const amount = min(w.row.due, money);
          if (amount.greaterThan(0)) {
            pay(w, amount);
            money = money.minus(amount);
          }
          if (amount.lessThan(w.row.due)) {
            w.row.missed = w.row.due.minus(amount);
            short = true;
          }
        }
      }
      // The extra, in strategy order, to debts not in a deferral.
      for (const w of ordered) {
        if (money.isZero()) break;
        if (w.deferred || w.row.balance.isZero()) continue;
        const amount = min(w.row.balance, money);
        pay(w, amount);
        money = money.minus(amount);
      }
    }
    if (short) monthsShortOfDue++;

    let monthBalance = ZERO;
    for (const w of working) {
      const { state, row } = w;
      state.balance = row.balance;
      if (!row.payment.isZero()) state.paid = state.paid.plus(row.payment);
      if (!row.interest.isZero()) state.interest = state.interest.plus(row.interest);
      if (!row.discount.isZero()) state.discount = state.discount.plus(row.discount);
      if (state.agreement && !w.deferred && state.agreement.left > 0) state.agreement.left--;
      if (state.balance.isZero()) {
        state.paidOff = i;
        remaining--;
      }
      monthBalance = monthBalance.plus(state.balance);
    }

    totalPaid = totalPaid.plus(monthPaid);
    totalInterest = totalInterest.plus(monthInterest);
    totalDiscount = totalDiscount.plus(monthDiscount);
    carry = money;
    balances.push(monthBalance);
    interestByMonth.push(monthInterest);
    if (opts.record) {
      schedule.push({
        month: addMonths(p.startMonth, i),
        index: i + 1,
        inflow,
        available,
        debts: working.map((w) => w.row),
        payment: monthPaid,
        interest: monthInterest,
        discount: monthDiscount,
        balance: monthBalance,
        unspent: money,
      });
    }
  }

  return {
    finished: remaining === 0,
    months: i,
    schedule,
    states,
    totalPaid,
    totalInterest,
    totalDiscount,
    monthsShortOfDue,
    balances,
    interestByMonth,
  };
}

// --- The fen engine -------------------------------------------------------------------------------

/** The largest whole number of fen a JS number holds exactly. */
const MAX_FEN = Number.MAX_SAFE_INTEGER;

/** A rate as the exact fraction `int / 10^scale`, for interest in whole fen. */
interface FenRate {
  int: number;
  /** 6 × 10^scale and 12 × 10^scale: interest = ⌊(balance × int + half) / div⌋ fen. */
  half: number;
  div: number;
  /** The largest balance (fen) for which balance × int + half stays below 2^53 (computed in numbers). */
  maxBalance: number;
  /** Position among the plan's rates by value (equal rates share it), for the avalanche order. */
  rank: number;
}

interface FenDebt {
  balance: number;
  minimum: number;
  /** Indexes into FenPlan.rates. */
  rate: number;
  freezes: readonly Window[];
  /** `rate` −1: the rate stays as it is. */
  deferrals: { start: number; end: number; rate: number }[];
  restructure: { start: number; count: number; rate: number; monthlyRate: Dec; keep: Dec | null } | null;
  customRank: number;
}

interface FenPlan {
  rates: FenRate[];
  zeroRate: number;
  debts: FenDebt[];
  /** Inflow of month i (fen), for i < MAX_MONTHS. */
  inflowAt: number[];
  /** inflowFrom[i]: the inflows of months i … MAX_MONTHS − 1. */
  inflowFrom: number[];
  /** The last month a principal discount can start; −1 when none. */
  lastDiscountStart: number;
  startNumber: number;
}

/** Whole fen of a non-negative amount already rounded to the fen; null beyond 2^53 − 1. */
function toFen(amount: Dec): number | null {
  const fen = amount.times(100);
  return fen.isInteger() && fen.lessThanOrEqualTo(MAX_FEN) ? fen.toNumber() : null;
}

/** The amount of `fen` (a whole, non-negative, exact number of fen) as a Decimal, through its text. */
function fenToDecParsed(fen: number): Dec {
  if (fen === 0) return ZERO;
  const cents = fen % 100;
  const yuan = (fen - cents) / 100;
  return new Dec(cents === 0 ? String(yuan) : `${yuan}.${cents < 10 ? "0" : ""}${cents}`);
}

/** The amount of `fen` as a Decimal (through its text: decimal.js's own parser, no internals). */
const fenToDec = fenToDecParsed;

/**
 * `monthlyInterest` in fen: balance × rate / 12, half-up to the fen, that is ⌊(B·int + 6·10^s) / (12·10^s)⌋
 * for a balance of B fen and the rate int / 10^s — in numbers while B·int + 6·10^s stays below 2^53,
 * else in BigInt; exact either way (a result beyond 2^53 − 1 makes the caller give up).
 *
 * The decimal version gives the same fen: B and int have at most 16 digits each, so its product has
 * at most 32 and is exact; its quotient by 12, of at most 29 − s digits before the decimal point and
 * rounded to 40 significant digits, lies within 10^−(8+s) fen of the exact one. The exact one, a
 * multiple of 1 / (12·10^s) fen, is either exactly on a half fen (and then the decimal quotient is
 * exact too) or at least 1 / (12·10^s) fen away from it: both round to the same fen.
 */
function fenInterest(balance: number, r: FenRate): number {
  if (balance <= r.maxBalance) {
    const y = balance * r.int + r.half;
    return (y - (y % r.div)) / r.div;
  }
  return Number((BigInt(balance) * BigInt(r.int) + BigInt(r.half)) / BigInt(r.div));
}

const fenPlans = new WeakMap<Prepared, FenPlan | null>();

function fenPlanOf(p: Prepared): FenPlan | null {
  let f = fenPlans.get(p);
  if (f === undefined) {
    f = buildFenPlan(p);
    fenPlans.set(p, f);
  }
  return f;
}

/** The plan in fen; null when an amount or a rate cannot be held exactly (the decimal engine runs). */
function buildFenPlan(p: Prepared): FenPlan | null {
  const decs: Dec[] = [ZERO];
  const rateIndex = (rate: Dec): number => {
    const k = decs.findIndex((d) => d.equals(rate));
    if (k >= 0) return k;
    decs.push(rate);
    return decs.length - 1;
  };
  const debts: FenDebt[] = [];
  for (const d of p.debts) {
    const balance = toFen(d.balance);
    const minimum = toFen(d.minimum);
    if (balance === null || minimum === null) return null;
    const r = d.restructure;
    debts.push({
      balance,
      minimum,
      rate: rateIndex(d.annualRate),
      freezes: d.freezes,
      deferrals: d.deferrals.map((w) => ({
        start: w.start,
        end: w.end,
        rate: w.annualRate ? rateIndex(w.annualRate) : -1,
      })),
      restructure: r && {
        start: r.start,
        count: r.count,
        rate: rateIndex(r.annualRate),
        monthlyRate: r.monthlyRate,
        keep: r.discount.isZero() ? null : new Dec(1).minus(r.discount),
      },
      customRank: p.customRank.get(d.id) ?? p.customRank.size + d.index,
    });
  }

  const byValue = decs.map((_, k) => k).sort((a, b) => (decs[a] as Dec).comparedTo(decs[b] as Dec));
  const ranks: number[] = [];
  byValue.forEach((k, pos) => {
    const prev = byValue[pos - 1];
    ranks[k] = prev !== undefined && (decs[prev] as Dec).equals(decs[k] as Dec) ? (ranks[prev] as number) : pos;
  });
  const rates: FenRate[] = [];
  for (let k = 0; k < decs.length; k++) {
    const rate = decs[k] as Dec;
    const scale = rate.decimalPlaces();
    if (scale > 12) return null;
    const int = rate.times(new Dec(10).pow(scale));
    if (int.greaterThan(MAX_FEN)) return null;
    const half = 6 * 10 ** scale;
    const n = int.toNumber();
    // One below the floating-point quotient, which may be one above the exact one.
    const maxBalance = n === 0 ? MAX_FEN : Math.floor((MAX_FEN - half) / n) - 1;
    rates.push({ int: n, half, div: 2 * half, maxBalance, rank: ranks[k] as number });
  }

  const inflowAt: number[] = new Array<number>(MAX_MONTHS).fill(0);
  for (const [i, amount] of p.inflows) {
    if (i >= MAX_MONTHS) continue;
    const fen = toFen(amount);
    if (fen === null) return null;
    inflowAt[i] = fen;
  }
  const inflowFrom: number[] = new Array<number>(MAX_MONTHS + 1).fill(0);
  for (let i = MAX_MONTHS - 1; i >= 0; i--) inflowFrom[i] = (inflowFrom[i + 1] as number) + (inflowAt[i] as number);
  if ((inflowFrom[0] as number) > MAX_FEN) return null;

  let lastDiscountStart = -1;
  for (const d of debts) {
    if (d.restructure?.keep) lastDiscountStart = Math.max(lastDiscountStart, d.restructure.start);
  }
  return {
    rates,
    zeroRate: 0,
    debts,
    inflowAt,
    inflowFrom,
    lastDiscountStart,
    startNumber: monthNumber(p.startMonth),
  };
}

const OWING = -2;

/**
 * The month-by-month simulation of `runDecimal`, step for step, in whole fen. Returns null (and the
 * decimal engine takes over) as soon as an amount could leave the exact range.
 */
function runFen(p: Prepared, f: FenPlan, opts: RunOptions, budget: number): RunResult | null {
  const { mode, maxMonths, record } = opts;
  const isPlan = mode === "plan";
  const n = f.debts.length;
  const rates = f.rates;
  const strategy = p.strategy;

  const balance = new Float64Array(n);
  const paidOff = new Int32Array(n);
  const paid = new Float64Array(n);
  const interestOf = new Float64Array(n);
  const discountOf = new Float64Array(n);
  const agreementLeft = new Int32Array(n).fill(-1); // −1: no agreement
  const installment = new Float64Array(n);
  const agreementRate = new Int32Array(n);
  // This month's row of each debt.
  const opening = new Float64Array(n);
  const rowDiscount = new Float64Array(n);
  const rowInterest = new Float64Array(n);
  const rowDue = new Float64Array(n);
  const rowPayment = new Float64Array(n);
  const rowMissed = new Float64Array(n);
  const rowBalance = new Float64Array(n);
  const rowRank = new Int32Array(n);
  const rowDeferred = new Uint8Array(n);
  const rowAgreement = new Uint8Array(n);
  const rowPhase: DebtPhase[] = [];
  // Decimals of the schedule, by debt (record only).
  const lastBalance: (Dec | undefined)[] = [];
  const lastDue: (Dec | undefined)[] = [];
  const lastDueFen = new Float64Array(n);

  let remaining = 0;
  const ordered: number[] = []; // debts owed, in strategy order (kept from month to month)
  for (let k = 0; k < n; k++) {
    const b = (f.debts[k] as FenDebt).balance;
    balance[k] = b;
    if (b === 0) paidOff[k] = -1;
    else {
      paidOff[k] = OWING;
      remaining++;
      ordered.push(k);
    }
  }

  /** Whether debt a comes before debt b this month (a total order, as compareForStrategy). */
  const before = (a: number, b: number): boolean => {
    switch (strategy) {
      case "avalanche":
        if (rowRank[a] !== rowRank[b]) return (rowRank[a] as number) > (rowRank[b] as number);
        if (opening[a] !== opening[b]) return (opening[a] as number) < (opening[b] as number);
        return a < b;
      case "snowball":
        if (opening[a] !== opening[b]) return (opening[a] as number) < (opening[b] as number);
        if (rowRank[a] !== rowRank[b]) return (rowRank[a] as number) > (rowRank[b] as number);
        return a < b;
      case "custom":
        return (f.debts[a] as FenDebt).customRank < (f.debts[b] as FenDebt).customRank;
    }
  };

  const schedule: PayoffMonth[] = [];
  const balances: number[] = [];
  const interestByMonth: number[] = [];
  let totalPaid = 0;
  let totalInterest = 0;
  let totalDiscount = 0;
  let monthsShortOfDue = 0;
  let carry = 0;
  let interestSeen = false;
  let hopeless = false;
  let i = 0;

  for (; i < maxMonths && remaining > 0; i++) {
    // Debts owed at the start of the month, keeping last month's order.
    let count = 0;
    for (let w = 0; w < ordered.length; w++) {
      const k = ordered[w] as number;
      if (paidOff[k] === OWING) ordered[count++] = k;
    }
    ordered.length = count;

    let monthInterest = 0;
    let monthDiscount = 0;
    for (let w = 0; w < count; w++) {
      const k = ordered[w] as number;
      const debt = f.debts[k] as FenDebt;
      let b = balance[k] as number;
      opening[k] = b;
      let discount = 0;
      let deferral: FenDebt["deferrals"][number] | undefined;
      let frozen = false;
      if (isPlan) {
        const r = debt.restructure;
        if (r && r.start === i) {
          let amount = fenToDec(b);
          if (r.keep) {
            amount = roundFen(amount.times(r.keep));
            const settled = toFen(amount);
            if (settled === null) return null;
            discount = b - settled;
            b = settled;
          }
          const inst = toFen(installmentAmount(amount, r.count, r.monthlyRate));
          if (inst === null) return null;
          installment[k] = inst;
          agreementLeft[k] = r.count;
          agreementRate[k] = r.rate;
        }
        for (const d of debt.deferrals) {
          if (i >= d.start && i < d.end) {
            deferral = d;
            break;
          }
        }
        for (const d of debt.freezes) {
          if (i >= d.start && i < d.end) {
            frozen = true;
            break;
          }
        }
      }
      const hasAgreement = agreementLeft[k] !== -1;
      let rateIndex = hasAgreement ? (agreementRate[k] as number) : debt.rate;
      if (deferral && deferral.rate !== -1) rateIndex = deferral.rate;
      if (frozen) rateIndex = f.zeroRate;
      const rate = rates[rateIndex] as FenRate;
      let interest = 0;
      if (rate.int !== 0 && b !== 0) interest = fenInterest(b, rate);
      const owed = b + interest;
      if (owed > MAX_FEN) return null;

      let due: number;
      if (deferral || mode === "nothingPaid") due = 0;
      else if (hasAgreement) {
        due = (agreementLeft[k] as number) <= 1 ? owed : Math.min(installment[k] as number, owed);
      } else due = Math.min(debt.minimum, owed);

      rowDiscount[k] = discount;
      rowInterest[k] = interest;
      rowDue[k] = due;
      rowPayment[k] = 0;
      rowMissed[k] = 0;
      rowBalance[k] = owed;
      rowRank[k] = rate.rank;
      rowDeferred[k] = deferral ? 1 : 0;
      rowAgreement[k] = hasAgreement ? 1 : 0;
      if (record) rowPhase[k] = deferral ? "deferred" : frozen ? "frozen" : hasAgreement ? "agreement" : "contract";
      monthInterest += interest;
      monthDiscount += discount;
    }

    const inflow = isPlan ? (f.inflowAt[i] ?? 0) : 0;
    const available = isPlan ? budget + inflow + carry : 0;
    if (available > MAX_FEN) return null;
    let money = available;
    let monthPaid = 0;
    let short = false;

    if (mode === "minimumsOnly") {
      for (let w = 0; w < count; w++) {
        const k = ordered[w] as number;
        const due = rowDue[k] as number;
        if (due !== 0) {
          rowPayment[k] = due;
          rowBalance[k] = (rowBalance[k] as number) - due;
          monthPaid += due;
        }
      }
    } else if (isPlan) {
      // Strategy order: insertion sort, as the order barely changes from one month to the next.
      for (let w = 1; w < count; w++) {
        const k = ordered[w] as number;
        let j = w - 1;
        while (j >= 0 && before(k, ordered[j] as number)) {
          ordered[j + 1] = ordered[j] as number;
          j--;
        }
        ordered[j + 1] = k;
      }
      // Amounts due: agreements first (breaking one loses it), then the others, in strategy order.
      for (let group = 1; group >= 0; group--) {
        for (let w = 0; w < count; w++) {
          const k = ordered[w] as number;
          const due = rowDue[k] as number;
          if (rowAgreement[k] !== group || due === 0) continue;
          const amount = due <= money ? due : money;
          if (amount > 0) {
            rowPayment[k] = (rowPayment[k] as number) + amount;
            rowBalance[k] = (rowBalance[k] as number) - amount;
            monthPaid += amount;
            money -= amount;
          }
          if (amount < due) {
            rowMissed[k] = due - amount;
            short = true;
          }
        }
      }
      // The extra, in strategy order, to debts not in a deferral.
      for (let w = 0; w < count && money !== 0; w++) {
        const k = ordered[w] as number;
        const owed = rowBalance[k] as number;
        if (rowDeferred[k] || owed === 0) continue;
        const amount = owed <= money ? owed : money;
        rowPayment[k] = (rowPayment[k] as number) + amount;
        rowBalance[k] = owed - amount;
        monthPaid += amount;
        money -= amount;
      }
    }
    if (short) monthsShortOfDue++;

    let monthBalance = 0;
    for (let w = 0; w < count; w++) {
      const k = ordered[w] as number;
      const b = rowBalance[k] as number;
      balance[k] = b;
      paid[k] = (paid[k] as number) + (rowPayment[k] as number);
      interestOf[k] = (interestOf[k] as number) + (rowInterest[k] as number);
      discountOf[k] = (discountOf[k] as number) + (rowDiscount[k] as number);
      if ((paid[k] as number) > MAX_FEN || (interestOf[k] as number) > MAX_FEN) return null;
      if ((agreementLeft[k] as number) > 0 && !rowDeferred[k]) agreementLeft[k] = (agreementLeft[k] as number) - 1;
      if (b === 0) {
        paidOff[k] = i;
        remaining--;
      }
      monthBalance += b;
    }

    // Sums of non-negative amounts: if one partial sum left the exact range, the total did too.
    totalPaid += monthPaid;
    totalInterest += monthInterest;
    totalDiscount += monthDiscount;
    if (monthBalance > MAX_FEN || totalPaid > MAX_FEN || totalInterest > MAX_FEN || totalDiscount > MAX_FEN) {
      return null;
    }
    carry = money;
    balances.push(monthBalance);
    interestByMonth.push(monthInterest);
    if (monthInterest > 0) interestSeen = true;

    if (record) {
      // Input order, as the decimal engine.
      // Amounts repeat from month to month (the opening balance is last month's, the amount due and
      // its payment are often the same minimum): their Decimals are shared, as they are immutable.
      const rows: DebtMonth[] = [];
      for (let k = 0; k < n; k++) {
        if (paidOff[k] !== OWING && paidOff[k] !== i) continue;
        const openingBalance = lastBalance[k] ?? fenToDec(opening[k] as number);
        const dueFen = rowDue[k] as number;
        let due = lastDue[k];
        if (due === undefined || lastDueFen[k] !== dueFen) {
          due = fenToDec(dueFen);
          lastDue[k] = due;
          lastDueFen[k] = dueFen;
        }
        const paymentFen = rowPayment[k] as number;
        const balance = fenToDec(rowBalance[k] as number);
        lastBalance[k] = balance;
        rows.push({
          debtId: (p.debts[k] as PreparedDebt).id,
          phase: rowPhase[k] as DebtPhase,
          openingBalance,
          discount: fenToDec(rowDiscount[k] as number),
          interest: fenToDec(rowInterest[k] as number),
          due,
          payment: paymentFen === dueFen ? due : fenToDec(paymentFen),
          missed: fenToDec(rowMissed[k] as number),
          balance,
        });
      }
      schedule.push({
        month: fromMonthNumber(f.startNumber + i),
        index: i + 1,
        inflow: fenToDec(inflow),
        available: fenToDec(available),
        debts: rows,
        payment: fenToDec(monthPaid),
        interest: fenToDec(monthInterest),
        discount: fenToDec(monthDiscount),
        balance: fenToDec(monthBalance),
        unspent: fenToDec(money),
      });
    }

    // Balances only grow but for payments and discounts, and the payments of the months left cannot
    // exceed the money of those months: when no discount can come and that money is less than what is
    // owed, the plan cannot finish. (All amounts exact: a sum beyond 2^53 exceeds any balance anyway.)
    if (
      isPlan &&
      remaining > 0 &&
      i >= f.lastDiscountStart &&
      (opts.earlyExit === "hopeless" || (opts.earlyExit === "hopelessOnceInterestSeen" && interestSeen)) &&
      monthBalance >
        carry + (maxMonths - 1 - i) * budget + ((f.inflowFrom[i + 1] as number) - (f.inflowFrom[maxMonths] as number))
    ) {
      hopeless = true;
      i++;
      break;
    }
  }

  return {
    finished: remaining === 0 && !hopeless,
    months: i,
    schedule,
    totalPaid: fenToDec(totalPaid),
    totalInterest: fenToDec(totalInterest),
    totalDiscount: fenToDec(totalDiscount),
    monthsShortOfDue,
    debtTotals: () =>
      p.debts.map((d, k) => ({
        id: d.id,
        paidOff: paidOff[k] === OWING ? null : (paidOff[k] as number),
        paid: fenToDec(paid[k] as number),
        interest: fenToDec(interestOf[k] as number),
        discount: fenToDec(discountOf[k] as number),
      })),
    balanceAt: (month) => {
      const at = Math.min(month, balances.length) - 1;
      return at < 0 ? ZERO : fenToDec(balances[at] as number);
    },
    interestTo: (month) => {
      let sum = 0;
      for (let k = 0; k < month && k < interestByMonth.length; k++) sum += interestByMonth[k] as number;
      return fenToDec(sum);
    },
    firstInterest: () => fenToDec(interestByMonth.find((x) => x > 0) ?? 0),
  };
}

function finishes(p: Prepared, budget: Dec, maxMonths: number): boolean {
  return run(p, { mode: "plan", budget, maxMonths, record: false, earlyExit: "hopeless" }).finished;
}

/** A debt that cannot be paid at all within the horizon: deferrals cover every month of it. */
function blockedWithin(p: Prepared, maxMonths: number): boolean {
  return p.debts.some((d) => {
    if (d.balance.isZero()) return false;
    let covered = 0; // months 0..covered−1 are deferred
    for (const w of [...d.deferrals].sort((a, b) => a.start - b.start)) {
      if (w.start > covered) break;
      covered = Math.max(covered, w.end);
    }
    return covered >= maxMonths;
  });
}

function searchBudget(p: Prepared, maxMonths: number): Dec | null {
  if (blockedWithin(p, maxMonths)) return null;
  if (finishes(p, ZERO, maxMonths)) return ZERO;
  const owed = p.debts.reduce((acc, d) => acc.plus(d.balance), ZERO);
  let lo = ZERO; // does not finish
  let hi = Dec.max(owed.toDecimalPlaces(0, Dec.ROUND_CEIL), new Dec(1));
  let doublings = 0;
  while (!finishes(p, hi, maxMonths)) {
    lo = hi;
    hi = hi.times(2);
    if (++doublings > 60) return null;
  }
  // Invariant: lo fails, hi finishes; whole yuan.
  while (hi.minus(lo).greaterThan(1)) {
    const mid = lo.plus(hi).dividedBy(2).floor();
    if (finishes(p, mid, maxMonths)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The smallest monthly budget, in whole yuan, that clears every debt within `months` months with
 * the same debts, terms, strategy and inflows; null when no budget can (e.g. a deferral runs past
 * the horizon). Found by bisection over whole-yuan amounts; the amount returned was simulated and
 * does finish.
 */
export function monthlyBudgetToFinishWithin(input: PayoffInput, months: number = MAX_MONTHS): Dec | null {
  return searchBudget(prepare(input), parseCount(months, "还清期限（月）"));
}

function totalsOf(p: Prepared, r: RunResult): PayoffTotals {
  const lastMonth = Math.max(0, r.months - 1);
  return {
    debtFreeMonth: addMonths(p.startMonth, r.months === 0 ? 0 : lastMonth),
    monthCount: r.months,
    totalPaid: r.totalPaid,
    totalInterest: r.totalInterest,
    totalDiscount: r.totalDiscount,
    monthsShortOfDue: r.monthsShortOfDue,
  };
}

function summarize(p: Prepared, r: RunResult): { totals: PayoffTotals; perDebt: DebtSummary[] } {
  const lastMonth = Math.max(0, r.months - 1);
  return {
    totals: totalsOf(p, r),
    perDebt: r.debtTotals().map((s, k) => ({
      debtId: s.id,
      label: p.debts[k]?.label ?? s.id,
      paidOffMonth: addMonths(p.startMonth, Math.max(0, s.paidOff ?? lastMonth)),
      totalPaid: s.paid,
      totalInterest: s.interest,
      totalDiscount: s.discount,
    })),
  };
}

function neverFinishes(p: Prepared, r: RunResult): PayoffNeverFinishesError {
  const required = searchBudget(p, MAX_MONTHS);
  // The interest as it first accrues: what the borrower can compare with the budget today.
  const interest = r.firstInterest();
  const belowInterest = interest.greaterThan(0) && p.budget.lessThanOrEqualTo(interest);
  const fix =
    required === null
      ? "即使增加每月还款也无法在 50 年内还清，请检查延期等协商条款是否过长。"
      : `每月至少需要 ${formatYuan(required)}，才能在 50 年（600 个月）内还清。`;
  const message = belowInterest
    ? `每月用于还款的 ${formatYuan(p.budget)} 不够支付每月新增的利息 ${formatYuan(interest)}，` +
      `欠款只会越来越多，这个计划永远还不完。${fix}`
    : `按每月 ${formatYuan(p.budget)} 还款，50 年（600 个月）内还不完。${fix}`;
  return new PayoffNeverFinishesError(message, belowInterest ? "belowInterest" : "tooLong", required, interest);
}

function doingNothing(p: Prepared, plan: RunResult): DoingNothingComparison {
  const horizon = Math.max(1, plan.months);
  const owedAtStart = p.debts.reduce((acc, d) => acc.plus(d.balance), ZERO);

  // Under minimums only each debt is on its own: one whose minimum does not exceed its first month's
  // interest never shrinks (its interest never falls), so the run need only reach the plan's end.
  const minsNever = p.debts.some(
    (d) => d.balance.greaterThan(0) && d.minimum.lessThanOrEqualTo(monthlyInterest(d.balance, d.annualRate)),
  );
  const mins = run(p, {
    mode: "minimumsOnly",
    budget: ZERO,
    maxMonths: minsNever ? horizon : MAX_MONTHS,
    record: false,
  });
  const nothing = run(p, { mode: "nothingPaid", budget: ZERO, maxMonths: horizon, record: false });
  return {
    minimumsOnly: {
      debtFreeMonth: mins.finished ? addMonths(p.startMonth, Math.max(0, mins.months - 1)) : null,
      totalPaid: mins.finished ? mins.totalPaid : null,
      totalInterest: mins.finished ? mins.totalInterest : null,
      balanceAtPlanEnd: mins.months === 0 ? ZERO : horizon > mins.months ? ZERO : mins.balanceAt(horizon),
      interestSaved: mins.finished ? mins.totalInterest.minus(plan.totalInterest) : null,
      monthsSaved: mins.finished ? mins.months - plan.months : null,
    },
    nothingPaid: {
      balanceAtPlanEnd: nothing.months === 0 ? owedAtStart : nothing.balanceAt(horizon),
      interestAtPlanEnd: nothing.interestTo(horizon),
    },
  };
}

/**
 * Simulates the plan month by month. Throws PayoffInputError for invalid input and
 * PayoffNeverFinishesError when the debts are not cleared within 600 months.
 */
export function simulatePayoff(input: PayoffInput): PayoffResult {
  const p = prepare(input);
  const r = run(p, {
    mode: "plan",
    budget: p.budget,
    maxMonths: MAX_MONTHS,
    record: true,
    earlyExit: "hopelessOnceInterestSeen",
  });
  if (!r.finished) throw neverFinishes(p, r);
  const { totals, perDebt } = summarize(p, r);
  const warnings: string[] = [];
  if (r.monthsShortOfDue > 0) {
    warnings.push(
      `有 ${r.monthsShortOfDue} 个月，每月的钱不够支付所有应还金额（最低还款或协议分期）。` +
        "没还上的部分会继续计息，可能产生罚息；请优先和出借方协商，或增加每月可用于还款的金额。",
    );
  }
  return {
    strategy: p.strategy,
    startMonth: p.startMonth,
    monthlyBudget: p.budget,
    ...totals,
    schedule: r.schedule,
    perDebt,
    vsDoingNothing: doingNothing(p, r),
    warnings,
  };
}

export type StrategyOutcome =
  | {
      strategy: Strategy;
      ok: true;
      debtFreeMonth: YearMonth;
      monthCount: number;
      totalPaid: Dec;
      totalInterest: Dec;
      totalDiscount: Dec;
      /** This strategy's interest minus the chosen strategy's (negative = cheaper); null if the chosen one fails. */
      interestVsChosen: Dec | null;
      /** This strategy's months minus the chosen strategy's; null if the chosen one fails. */
      monthsVsChosen: number | null;
    }
  | { strategy: Strategy; ok: false; message: string; requiredMonthlyBudget: Dec | null };

export interface StrategyComparison {
  chosen: Strategy;
  outcomes: StrategyOutcome[];
  /** Least interest, then earliest debt-free month; null when none finishes. */
  best: Strategy | null;
}

/**
 * The same debts, budget, terms and inflows under avalanche, snowball and (when `customOrder` is
 * given) the custom order, side by side, against the strategy in `input.strategy`.
 */
export function compareStrategies(input: PayoffInput): StrategyComparison {
  const strategies: Strategy[] = ["avalanche", "snowball"];
  if (input.customOrder && input.customOrder.length > 0) strategies.push("custom");
  if (!strategies.includes(input.strategy)) strategies.push(input.strategy);

  const runs = strategies.map((strategy) => {
    const p = prepare({ ...input, strategy });
    const r = run(p, {
      mode: "plan",
      budget: p.budget,
      maxMonths: MAX_MONTHS,
      record: false,
      earlyExit: "hopelessOnceInterestSeen",
    });
    return { strategy, p, r };
  });
  const chosen = runs.find((x) => x.strategy === input.strategy);
  const chosenOk = chosen && chosen.r.finished ? chosen.r : null;

  const outcomes = runs.map(({ strategy, p, r }): StrategyOutcome => {
    if (!r.finished) {
      const err = neverFinishes(p, r);
      return { strategy, ok: false, message: err.message, requiredMonthlyBudget: err.requiredMonthlyBudget };
    }
    const totals = totalsOf(p, r);
    return {
      strategy,
      ok: true,
      debtFreeMonth: totals.debtFreeMonth,
      monthCount: totals.monthCount,
      totalPaid: totals.totalPaid,
      totalInterest: totals.totalInterest,
      totalDiscount: totals.totalDiscount,
      interestVsChosen: chosenOk ? r.totalInterest.minus(chosenOk.totalInterest) : null,
      monthsVsChosen: chosenOk ? r.months - chosenOk.months : null,
    };
  });

  let best: Extract<StrategyOutcome, { ok: true }> | null = null;
  for (const o of outcomes) {
    if (!o.ok) continue;
    if (
      !best ||
      o.totalInterest.lessThan(best.totalInterest) ||
      (o.totalInterest.equals(best.totalInterest) && o.monthCount < best.monthCount)
    ) {
      best = o;
    }
  }
  return { chosen: input.strategy, outcomes, best: best ? best.strategy : null };
}
