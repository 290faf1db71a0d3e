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
 * Pure: months are "YYYY-MM" strings passed in; decimal arithmetic only; no I/O.
 */
import { Dec, formatYuan, roundFen, toDec } from "./money";

/** An amount or rate as given by the caller: a decimal string ("8833.30") or a Decimal. */
type DecInput = Dec | string;

/** A calendar month "YYYY-MM". */
export type YearMonth = string;

export const STRATEGIES = ["avalanche", "snowball", "custom"] as const;
export type Strategy = (typeof STRATEGIES)[number];
export const STRATEGY_LABEL: Record<Strategy, string> = {
  avalanche: "雪崩法（利率最高的先还）",
  snowball: "雪球法（余额最小的先还）",
  custom: "自定义顺序",
};

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

export const TERM_LABEL: Record<NegotiatedTermKind, string> = {
  stopCollection: "停催协议",
  installment: "分期协议",
  principalDiscount: "本金减免",
  deferral: "延期还款",
};

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

type Mode = "plan" | "minimumsOnly" | "nothingPaid";

interface RunOptions {
  mode: Mode;
  budget: Dec;
  maxMonths: number;
  record: boolean;
}

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

interface RunResult {
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

const ZERO = new Dec(0);

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

function run(p: Prepared, opts: RunOptions): RunResult {
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

function finishes(p: Prepared, budget: Dec, maxMonths: number): boolean {
  return run(p, { mode: "plan", budget, maxMonths, record: false }).finished;
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

function summarize(p: Prepared, r: RunResult): { totals: PayoffTotals; perDebt: DebtSummary[] } {
  const lastMonth = Math.max(0, r.months - 1);
  const debtFreeMonth = addMonths(p.startMonth, r.months === 0 ? 0 : lastMonth);
  return {
    totals: {
      debtFreeMonth,
      monthCount: r.months,
      totalPaid: r.totalPaid,
      totalInterest: r.totalInterest,
      totalDiscount: r.totalDiscount,
      monthsShortOfDue: r.monthsShortOfDue,
    },
    perDebt: r.states.map((s, k) => ({
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
  const interest = r.interestByMonth.find((x) => x.greaterThan(0)) ?? ZERO;
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
  const at = (r: RunResult, month: number) => r.balances[Math.min(month, r.balances.length) - 1] ?? ZERO;
  const interestTo = (r: RunResult, month: number) =>
    r.interestByMonth.slice(0, month).reduce((acc, x) => acc.plus(x), ZERO);

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
      balanceAtPlanEnd: mins.balances.length === 0 ? ZERO : horizon > mins.months ? ZERO : at(mins, horizon),
      interestSaved: mins.finished ? mins.totalInterest.minus(plan.totalInterest) : null,
      monthsSaved: mins.finished ? mins.months - plan.months : null,
    },
    nothingPaid: {
      balanceAtPlanEnd: nothing.balances.length === 0 ? owedAtStart : at(nothing, horizon),
      interestAtPlanEnd: interestTo(nothing, horizon),
    },
  };
}

/**
 * Simulates the plan month by month. Throws PayoffInputError for invalid input and
 * PayoffNeverFinishesError when the debts are not cleared within 600 months.
 */
export function simulatePayoff(input: PayoffInput): PayoffResult {
  const p = prepare(input);
  const r = run(p, { mode: "plan", budget: p.budget, maxMonths: MAX_MONTHS, record: true });
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
    const r = run(p, { mode: "plan", budget: p.budget, maxMonths: MAX_MONTHS, record: false });
    return { strategy, p, r };
  });
  const chosen = runs.find((x) => x.strategy === input.strategy);
  const chosenOk = chosen && chosen.r.finished ? chosen.r : null;

  const outcomes = runs.map(({ strategy, p, r }): StrategyOutcome => {
    if (!r.finished) {
      const err = neverFinishes(p, r);
      return { strategy, ok: false, message: err.message, requiredMonthlyBudget: err.requiredMonthlyBudget };
    }
    const { totals } = summarize(p, r);
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
