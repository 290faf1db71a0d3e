/**
 * Credit rebuilding (信用修复) after settlement, and the habits that prevent a second default.
 *
 * Dates are calendar dates "YYYY-MM-DD" in Asia/Shanghai. Adding years or months keeps the day of
 * the month and clamps it to the month's last day: 2024-02-29 + 5 years = 2029-02-28,
 * 2025-08-31 + 6 months = 2026-02-28. A series (every 6 months) is always counted from its anchor,
 * so 08-31 gives 02-28, 08-31, 02-28 …, never drifting to the 28th.
 *
 * Milestones per settled debt: the day its negative record should be deleted (5 years after the
 * adverse conduct ends, i.e. after settlement — 《征信业管理条例》第 16 条) and 24 months of good
 * record; for all debts: a credit report check every 6 months (two free reports a year, art. 17)
 * and the earliest sensible mortgage application (2 years after the last settlement). Each fact
 * carries its source and mark.
 *
 * Pure: `today` is passed in.
 */
import type { Source } from "./reference-facts";
import { Dec, formatPercent, toDec } from "./money";
import { contributionsToReach, emergencyFundTarget, type EmergencyFundTarget } from "./plan";
import { TIME_ZONE } from "./time";

type DecInput = Dec | string;

export const CREDIT_SOURCES = {
  negativeRecord: { citation: "《征信业管理条例》第 16 条", mark: "verified" },
  freeReports: { citation: "《征信业管理条例》第 17 条", mark: "verified" },
  goodRecord: { citation: "债务处理的一般经验", mark: "ruleOfThumb" },
  mortgage: { citation: "债务处理的一般经验", mark: "ruleOfThumb" },
  newBorrowing: { citation: "债务处理的一般经验：新借款只找年化 10% 以下的持牌机构", mark: "ruleOfThumb" },
  habit: { citation: "习惯养成研究：养成一个习惯的中位数为 66 天", mark: "ruleOfThumb" },
  creditRepairScam: { citation: "2025 年监管部门风险提示的相关报道", mark: "secondary" },
} as const satisfies Record<string, Source>;

export const NEGATIVE_RECORD_YEARS = 5;
export const REPORT_CHECK_MONTHS = 6;
export const GOOD_RECORD_MONTHS = 24;
export const MORTGAGE_WAIT_YEARS = 2;
export const HABIT_GOAL_DAYS = 66;
/** New borrowing above this real annual rate is flagged. */
export const NEW_BORROWING_RATE_LIMIT = new Dec("0.10");

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function parseDate(date: string): { y: number; m: number; d: number } {
  const match = DATE_RE.exec(date);
  if (!match) throw new RangeError(`日期格式应为 YYYY-MM-DD：${date}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) throw new RangeError(`日期不存在：${date}`);
  return { y, m, d };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** `date` plus `months` calendar months, the day clamped to the month's end (01-31 + 1 → 02-28/29). */
export function addMonthsClamped(date: string, months: number): string {
  const { y, m, d } = parseDate(date);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

/** `date` plus `years`; Feb 29 becomes Feb 28 in a year without it. */
export function addYearsClamped(date: string, years: number): string {
  return addMonthsClamped(date, years * 12);
}

function dayNumber(date: string): number {
  const { y, m, d } = parseDate(date);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Milestones
// ---------------------------------------------------------------------------------------------

export type MilestoneKind = "negativeRecordRemoval" | "goodRecord24" | "reportCheck" | "mortgageEarliest";

export interface Milestone {
  kind: MilestoneKind;
  date: string;
  /** The debt it belongs to; null for milestones about the whole record. */
  debtId: string | null;
  title: string;
  detail: string;
  source: Source;
  /** date ≤ today. */
  reached: boolean;
}

export interface SettledDebt {
  id: string;
  /** 平台 / 出借方. */
  label: string;
  /** The day the debt was settled (结清日), "YYYY-MM-DD". */
  settledOn: string;
}

export interface DebtMilestones {
  debtId: string;
  label: string;
  settledOn: string;
  negativeRecordRemoval: Milestone;
  goodRecord24: Milestone;
}

export interface CreditMilestones {
  perDebt: DebtMilestones[];
  /** The latest settlement date; null without settled debts. */
  lastSettlement: string | null;
  mortgageEarliest: Milestone | null;
  /** Every 6 months from the first settlement until the last negative record should be gone. */
  reportChecks: Milestone[];
  /** The first report check on or after today. */
  nextReportCheck: Milestone | null;
  /** Everything above, by date. */
  timeline: Milestone[];
}

const KIND_ORDER: Record<MilestoneKind, number> = {
  reportCheck: 0,
  goodRecord24: 1,
  negativeRecordRemoval: 2,
  mortgageEarliest: 3,
};

/** Milestones of credit rebuilding for the settled debts, as of `today` ("YYYY-MM-DD", Shanghai). */
export function creditMilestones(settled: readonly SettledDebt[], today: string): CreditMilestones {
  const todayN = dayNumber(today);
  const milestone = (m: Omit<Milestone, "reached">): Milestone => ({ ...m, reached: dayNumber(m.date) <= todayN });

  const perDebt = settled.map((debt): DebtMilestones => {
    parseDate(debt.settledOn);
    return {
      debtId: debt.id,
      label: debt.label,
      settledOn: debt.settledOn,
      negativeRecordRemoval: milestone({
        kind: "negativeRecordRemoval",
        date: addYearsClamped(debt.settledOn, NEGATIVE_RECORD_YEARS),
        debtId: debt.id,
        title: `「${debt.label}」的逾期记录应当删除`,
        detail:
          `不良信息自不良行为终止之日起保存 5 年，到期删除。这笔在 ${debt.settledOn} 结清，` +
          "到期后请查询征信报告核对；如果记录还在，可以向征信中心或出借方提出异议。",
        source: CREDIT_SOURCES.negativeRecord,
      }),
      goodRecord24: milestone({
        kind: "goodRecord24",
        date: addMonthsClamped(debt.settledOn, GOOD_RECORD_MONTHS),
        debtId: debt.id,
        title: `「${debt.label}」结清满 24 个月`,
        detail: "保持 24 个月按时还款、没有新逾期的良好记录，信用评分一般会逐步恢复。",
        source: CREDIT_SOURCES.goodRecord,
      }),
    };
  });

  const dates = settled.map((d) => d.settledOn).sort((a, b) => dayNumber(a) - dayNumber(b));
  const first = dates[0] ?? null;
  const last = dates[dates.length - 1] ?? null;

  const mortgageEarliest = last
    ? milestone({
        kind: "mortgageEarliest",
        date: addYearsClamped(last, MORTGAGE_WAIT_YEARS),
        debtId: null,
        title: "最早可以考虑申请房贷",
        detail: `最后一笔债务在 ${last} 结清。一般建议结清满 2 年、保持良好记录后再申请房贷。`,
        source: CREDIT_SOURCES.mortgage,
      })
    : null;

  const reportChecks: Milestone[] = [];
  if (first && last) {
    const end = dayNumber(addYearsClamped(last, NEGATIVE_RECORD_YEARS));
    for (let k = 1; ; k++) {
      const date = addMonthsClamped(first, k * REPORT_CHECK_MONTHS);
      if (dayNumber(date) > end) break;
      reportChecks.push(
        milestone({
          kind: "reportCheck",
          date,
          debtId: null,
          title: "查询一次征信报告",
          detail:
            "每人每年可以免费查询两次本人信用报告，每 6 个月查一次不花钱。核对已结清的债务是否显示结清、有没有错误记录。",
          source: CREDIT_SOURCES.freeReports,
        }),
      );
    }
  }
  const nextReportCheck = reportChecks.find((m) => dayNumber(m.date) >= todayN) ?? null;

  const timeline = [
    ...perDebt.flatMap((d) => [d.negativeRecordRemoval, d.goodRecord24]),
    ...reportChecks,
    ...(mortgageEarliest ? [mortgageEarliest] : []),
  ].sort((a, b) => dayNumber(a.date) - dayNumber(b.date) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);

  return { perDebt, lastSettlement: last, mortgageEarliest, reportChecks, nextReportCheck, timeline };
}

// ---------------------------------------------------------------------------------------------
// Emergency fund
// ---------------------------------------------------------------------------------------------

export interface EmergencyFundProgressInput {
  monthlyEssential: DecInput;
  balance: DecInput;
  /** From the budget's savings; 0 while all spare money goes to debts. */
  monthlyContribution: DecInput;
}

export interface EmergencyFundProgress {
  target: EmergencyFundTarget;
  balance: Dec;
  /** balance / target, capped at 1; 1 when the target is 0. */
  progressToMin: Dec;
  progressToMax: Dec;
  remainingToMin: Dec;
  remainingToMax: Dec;
  reachedMin: boolean;
  reachedMax: boolean;
  /** Months of contributions still needed; null when the contribution is 0 and the target not reached. */
  monthsToMin: number | null;
  monthsToMax: number | null;
  /** Months of essential spending the balance covers, to two decimals, rounded down. */
  monthsCovered: Dec | null;
}

function progress(balance: Dec, target: Dec): Dec {
  if (target.isZero()) return new Dec(1);
  return Dec.min(balance.dividedBy(target), new Dec(1));
}

export function emergencyFundProgress(input: EmergencyFundProgressInput): EmergencyFundProgress {
  const target = emergencyFundTarget(input.monthlyEssential);
  const essential = toDec(input.monthlyEssential);
  const balance = nonNegative(input.balance, "应急基金余额");
  const contribution = nonNegative(input.monthlyContribution, "每月存入金额");
  const remaining = (t: Dec) => Dec.max(t.minus(balance), new Dec(0));
  return {
    target,
    balance,
    progressToMin: progress(balance, target.min),
    progressToMax: progress(balance, target.max),
    remainingToMin: remaining(target.min),
    remainingToMax: remaining(target.max),
    reachedMin: balance.greaterThanOrEqualTo(target.min),
    reachedMax: balance.greaterThanOrEqualTo(target.max),
    monthsToMin: contributionsToReach(target.min, balance, contribution),
    monthsToMax: contributionsToReach(target.max, balance, contribution),
    monthsCovered: essential.isZero() ? null : balance.dividedBy(essential).toDecimalPlaces(2, Dec.ROUND_FLOOR),
  };
}

function nonNegative(value: DecInput, what: string): Dec {
  let d: Dec;
  try {
    d = toDec(value);
  } catch {
    throw new RangeError(`${what}格式不正确`);
  }
  if (!d.isFinite() || d.isNegative()) throw new RangeError(`${what}必须是不小于 0 的金额`);
  return d;
}

// ---------------------------------------------------------------------------------------------
// Habit streak
// ---------------------------------------------------------------------------------------------

const shanghaiDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** An ISO timestamp with its zone: "2026-03-01T15:30Z", "2026-03-01T23:30:00+08:00". */
const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The Asia/Shanghai calendar day of an ISO timestamp, "YYYY-MM-DD". */
export function shanghaiDate(timestamp: string): string {
  const instant = new Date(timestamp);
  if (!TIMESTAMP_RE.test(timestamp) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`时间格式应为带时区的 ISO 时间（例如 2026-03-01T15:30:00Z）：${timestamp}`);
  }
  const parts = Object.fromEntries(shanghaiDay.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export interface HabitStreak {
  /** Consecutive Shanghai days ending today, or yesterday when today is not logged yet. */
  current: number;
  longest: number;
  goal: number;
  /** Days still needed for the current streak to reach 66. */
  daysToGoal: number;
  /** The longest streak has reached 66 days. */
  goalReached: boolean;
  /** The most recent logged day up to today; null when none. */
  lastDay: string | null;
  /** Whether today (Shanghai) is already logged. */
  loggedToday: boolean;
  source: Source;
}

/**
 * Counts a daily habit (logging spending, keeping to the budget) from the instants it was done, by
 * Asia/Shanghai calendar day. Several entries on one day count once; entries after `today` are
 * ignored. `today` is the Shanghai date "YYYY-MM-DD".
 */
export function habitStreak(timestamps: readonly string[], today: string): HabitStreak {
  const todayN = dayNumber(today);
  const days = [...new Set(timestamps.map((t) => dayNumber(shanghaiDate(t))))]
    .filter((n) => n <= todayN)
    .sort((a, b) => a - b);

  let longest = 0;
  let run = 0;
  let prev: number | null = null;
  for (const n of days) {
    run = prev !== null && n === prev + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    prev = n;
  }
  const lastN = days[days.length - 1];
  const current = lastN !== undefined && lastN >= todayN - 1 ? run : 0;
  return {
    current,
    longest,
    goal: HABIT_GOAL_DAYS,
    daysToGoal: Math.max(0, HABIT_GOAL_DAYS - current),
    goalReached: longest >= HABIT_GOAL_DAYS,
    lastDay: lastN === undefined ? null : fromDayNumber(lastN),
    loggedToday: lastN === todayN,
    source: CREDIT_SOURCES.habit,
  };
}

// ---------------------------------------------------------------------------------------------
// New borrowing
// ---------------------------------------------------------------------------------------------

export interface CreditWarning {
  code: "rateAboveLimit" | "unlicensedLender" | "lenderUnknown";
  message: string;
  source: Source;
}

export interface NewBorrowingInput {
  /** Real annual rate (实际年化, from the IRR) as a fraction. */
  annualRate: DecInput;
  /** Whether the lender is a licensed institution; null when not known. */
  licensed?: boolean | null;
}

export interface NewBorrowingCheck {
  ok: boolean;
  warnings: CreditWarning[];
}

/**
 * Flags new borrowing that risks a second default: a real annual rate above 10% (10.00% itself is
 * fine), or a lender that is not (or not known to be) licensed.
 */
export function checkNewBorrowing(input: NewBorrowingInput): NewBorrowingCheck {
  let rate: Dec;
  try {
    rate = toDec(input.annualRate);
  } catch {
    throw new RangeError("年化利率格式不正确");
  }
  if (!rate.isFinite() || rate.isNegative()) throw new RangeError("年化利率格式不正确");
  const warnings: CreditWarning[] = [];
  if (rate.greaterThan(NEW_BORROWING_RATE_LIMIT)) {
    warnings.push({
      code: "rateAboveLimit",
      message:
        `这笔新借款的实际年化利率是 ${formatPercent(rate)}，高于 10%。` +
        "用高利息的钱还旧债，很容易再次逾期；先和现有出借方协商，或减少支出、增加收入。",
      source: CREDIT_SOURCES.newBorrowing,
    });
  }
  if (input.licensed === false) {
    warnings.push({
      code: "unlicensedLender",
      message: "出借方不是持牌金融机构。需要借款时，只找银行、消费金融公司等持牌机构。",
      source: CREDIT_SOURCES.newBorrowing,
    });
  } else if (input.licensed === null || input.licensed === undefined) {
    warnings.push({
      code: "lenderUnknown",
      message: "借款前请先确认出借方是否持牌：可以在金融监管部门的网站上查询。",
      source: CREDIT_SOURCES.newBorrowing,
    });
  }
  return { ok: warnings.length === 0, warnings };
}

/** "Credit repair" scams (征信修复 / 洗白), explained. */
export const CREDIT_REPAIR_SCAM_WARNING = {
  title: "小心“征信修复”骗局",
  text:
    "任何人都不能删除真实的逾期记录。声称能“征信修复”“洗白征信”“停息挂账”“债务优化”并先收费、" +
    "索要身份证和银行卡、让你不理出借方的，都是骗局。逾期记录在结清满 5 年后自动删除；" +
    "记录有错误时，可以自己免费向征信中心或出借方提出异议。",
  source: CREDIT_SOURCES.creditRepairScam,
} as const;

// ---------------------------------------------------------------------------------------------
// Progress over time (the dashboard's charts)
// ---------------------------------------------------------------------------------------------

/** A calendar month "YYYY-MM". */
export type Month = string;

const MONTH_RE = /^(\d{4})-(\d{2})$/;

function monthIndex(month: Month): number {
  const match = MONTH_RE.exec(month);
  const m = match ? Number(match[2]) : 0;
  if (!match || m < 1 || m > 12) throw new RangeError(`月份格式应为 YYYY-MM：${month}`);
  return Number(match[1]) * 12 + (m - 1);
}

function monthOfIndex(index: number): Month {
  const year = Math.floor(index / 12);
  return `${pad(year, 4)}-${pad(index - year * 12 + 1)}`;
}

/** The month of a day: "2026-02-29" → "2026-02". */
export function monthOfDay(day: string): Month {
  parseDate(day);
  return day.slice(0, 7);
}

/** Every month from `from` to `to`, both included; empty when `to` is before `from`. */
export function monthSpan(from: Month, to: Month): Month[] {
  const a = monthIndex(from);
  const b = monthIndex(to);
  const out: Month[] = [];
  for (let i = a; i <= b; i++) out.push(monthOfIndex(i));
  return out;
}

/** Whole months from `from` to `to` (negative when `to` is earlier): "2026-11" → "2027-02" is 3. */
export function monthsBetween(from: Month, to: Month): number {
  return monthIndex(to) - monthIndex(from);
}

/**
 * Whole calendar months from one day to a later one, the way the milestones count them: the
 * largest n with `from` + n months (clamped to the month's end) on or before `to`. 01-31 → 02-28
 * is one month; 01-15 → 02-14 is none; 0 when `to` is earlier.
 */
export function wholeMonthsBetween(from: string, to: string): number {
  let n = Math.max(0, monthsBetween(monthOfDay(from), monthOfDay(to)));
  while (n > 0 && addMonthsClamped(from, n) > to) n--;
  return n;
}

/** `month` plus `n` months (negative goes back). */
export function shiftMonth(month: Month, n: number): Month {
  return monthOfIndex(monthIndex(month) + n);
}

export interface DatedAmount {
  /** "YYYY-MM-DD". */
  on: string;
  /** A decimal string or Decimal; for the emergency fund, negative for money taken out. */
  amount: DecInput;
}

function byMonth(entries: readonly DatedAmount[]): Map<number, Dec> {
  const out = new Map<number, Dec>();
  for (const e of entries) {
    const key = monthIndex(monthOfDay(e.on));
    out.set(key, (out.get(key) ?? new Dec(0)).plus(toDec(e.amount)));
  }
  return out;
}

/** The total paid in each of the given months (0 for a month without payments). */
export function paidPerMonth(payments: readonly DatedAmount[], months: readonly Month[]): Dec[] {
  const totals = byMonth(payments);
  return months.map((m) => totals.get(monthIndex(m)) ?? new Dec(0));
}

/**
 * What was still owed at the end of each month, rebuilt from today's balance: every payment lowered
 * the balance when it was recorded, so the balance at the end of a past month is what is owed now
 * plus everything paid after that month. Months in the future get today's balance (nothing paid yet).
 * This knows nothing of interest or fees added in between; it shows what the payments achieved.
 */
export function owedAtEndOfMonths(
  owedNow: DecInput,
  payments: readonly DatedAmount[],
  months: readonly Month[],
): Dec[] {
  const now = toDec(owedNow);
  const totals = [...byMonth(payments).entries()];
  return months.map((m) => {
    const idx = monthIndex(m);
    return totals.reduce((acc, [k, v]) => (k > idx ? acc.plus(v) : acc), now);
  });
}

/** The emergency fund's balance at the end of each month: every entry up to that month (never below 0). */
export function balanceAtEndOfMonths(entries: readonly DatedAmount[], months: readonly Month[]): Dec[] {
  const totals = [...byMonth(entries).entries()];
  return months.map((m) => {
    const idx = monthIndex(m);
    const total = totals.reduce((acc, [k, v]) => (k <= idx ? acc.plus(v) : acc), new Dec(0));
    return Dec.max(total, new Dec(0));
  });
}

// ---------------------------------------------------------------------------------------------
// The dedicated repayment account (专用还款账户) checklist
// ---------------------------------------------------------------------------------------------

export interface RebuildChecklistItem {
  id: string;
  title: string;
  detail: string;
}

/** Habits that keep a repayment from being missed by accident (rules of thumb). */
export const REBUILD_CHECKLIST: readonly RebuildChecklistItem[] = [
  {
    id: "account.open",
    title: "开一个专门用来还款的银行账户",
    detail: "一张只用来还款的借记卡，不和日常消费混在一起，余额一眼就知道够不够。",
  },
  {
    id: "account.transferOnPayday",
    title: "发工资当天，把这个月的还款额转进还款账户",
    detail: "先还款、再消费。可以在银行 App 里设置每月自动转账。",
  },
  {
    id: "account.autoDebit",
    title: "各笔还款都从这个账户自动扣款",
    detail: "和出借方确认扣款账户、扣款日；自动扣款前一天确认余额充足。",
  },
  {
    id: "account.noCreditPay",
    title: "还款账户不开通信用支付，不绑定借款 App",
    detail: "避免“先借一笔还另一笔”：还款账户只进不出到消费。",
  },
  {
    id: "reminders.set",
    title: "在手机日历里设好每个还款日前 3 天的提醒",
    detail: "提醒里写上平台、金额和扣款账户。",
  },
  {
    id: "report.firstCheck",
    title: "结清后查一次本人征信报告",
    detail: "每年两次免费；可以在中国人民银行征信中心网站或银行 App 查询，核对结清的债务显示正确。",
  },
];

export const REBUILD_CHECKLIST_IDS: ReadonlySet<string> = new Set(REBUILD_CHECKLIST.map((i) => i.id));
