/**
 * The legal lines a real annual rate is compared with, the usual consequences of each overdue
 * stage, and court deadlines — each with its source and how sure it is (reference-facts.ts).
 *
 * Rates are fractions (0.24 = 24%). Dates are calendar dates "YYYY-MM-DD" (Asia/Shanghai); nothing
 * here reads the clock. LPR history is data passed in (from db/reference/lpr.csv, loaded into the lpr_rates table), never
 * hard-coded.
 */
import Decimal from "decimal.js";
import { Dec, formatPercent, toDec } from "./money";
import {
  DEADLINE_TEXT,
  NOT_LEGAL_ADVICE_TEXT,
  OVERDUE_TEXT,
  PRIVATE_LENDING_2020_EFFECTIVE,
  RATE_LINE_TEXT,
  SOURCES,
  type Source,
} from "./reference-facts";
import type { DebtKind, LenderKind } from "./debt-vocabulary";

export { SOURCE_MARK_LABEL, UPFRONT_FEE_FACT, type Source, type SourceMark } from "./reference-facts";

export {
  DEBT_KIND_LABEL,
  DEBT_KINDS,
  DEBT_STATUS_LABEL,
  DEBT_STATUSES,
  LENDER_KIND_LABEL,
  LENDER_KINDS,
  type DebtKind,
  type DebtStatus,
  type LenderKind,
} from "./debt-vocabulary";

/** Shown under every legal statement. */
export const NOT_LEGAL_ADVICE = NOT_LEGAL_ADVICE_TEXT;

// ---------------------------------------------------------------------------------------------
// Vocabulary (glossary.md); debt kinds, statuses and lenders are in ./debt-vocabulary
// ---------------------------------------------------------------------------------------------

export const LOCAL_LENDER_TYPES = [
  "小额贷款公司",
  "融资担保公司",
  "区域性股权市场",
  "典当行",
  "融资租赁公司",
  "商业保理公司",
  "地方资产管理公司",
] as const;

/**
 * The lender kind implied by what the borrower entered. An explicit `lenderKind` wins; cards and
 * bank loans come from banks, consumer-finance loans from consumer-finance companies, private loans
 * are private lending; an online loan from a lender known to be unlicensed is private lending, and
 * otherwise unknown (it may be a bank, a consumer-finance company or a microloan company).
 */
export function lenderKindOf(debt: {
  debtKind: DebtKind;
  lenderLicensed: boolean | null;
  lenderKind?: LenderKind | null;
}): LenderKind {
  if (debt.lenderKind) return debt.lenderKind;
  switch (debt.debtKind) {
    case "creditCard":
    case "bankLoan":
      return "licensedBank";
    case "consumerFinance":
      return "consumerFinance";
    case "privateLoan":
      return "privateLending";
    case "onlineLoan":
      return debt.lenderLicensed === false ? "privateLending" : "unknown";
  }
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a calendar date "YYYY-MM-DD"; throws on anything else. */
export function dayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`日期格式应为 YYYY-MM-DD：${date}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`日期不存在：${date}`);
  }
  return ms / DAY_MS;
}

/** The calendar date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

// ---------------------------------------------------------------------------------------------
// LPR
// ---------------------------------------------------------------------------------------------

/** One LPR fixing: the one-year rate as a fraction (0.03 = 3.00%) from its effective date. */
export interface LprFixing {
  effectiveDate: string;
  oneYear: Decimal;
}

/**
 * The one-year LPR in force on `date`: the latest fixing whose effective date is on or before it
 * (a fixing applies from its own date). Null before the first fixing in the history (2019-08-20).
 */
export function lprInForce(history: readonly LprFixing[], date: string): LprFixing | null {
  const day = dayNumber(date);
  let best: LprFixing | null = null;
  let bestDay = -Infinity;
  for (const fixing of history) {
    if (fixing.oneYear.greaterThanOrEqualTo(1) || fixing.oneYear.isNegative()) {
      throw new RangeError(`LPR 应为小数形式（3.00% 写作 0.03）：${fixing.effectiveDate} ${fixing.oneYear.toString()}`);
    }
    const d = dayNumber(fixing.effectiveDate);
    if (d <= day && d > bestDay) {
      best = fixing;
      bestDay = d;
    }
  }
  return best;
}

/**
 * Reads lpr.csv text ("date,one_year_percent,five_year_percent", percents) into fixings with the
 * one-year rate as a fraction. Pure: the caller reads the file.
 */
export function parseLprCsv(csv: string): LprFixing[] {
  const lines = csv
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const [header, ...rows] = lines;
  if (!header || !/^date,one_year_percent/.test(header)) throw new Error("LPR 表头应为 date,one_year_percent,...");
  return rows.map((row) => {
    const [date = "", oneYear = ""] = row.split(",");
    dayNumber(date);
    if (!/^\d+(\.\d+)?$/.test(oneYear)) throw new Error(`LPR 数值不正确：${row}`);
    return { effectiveDate: date, oneYear: new Dec(oneYear).dividedBy(100) };
  });
}

// ---------------------------------------------------------------------------------------------
// Rate lines
// ---------------------------------------------------------------------------------------------

export type RateLineId = "lpr4x" | "rate24" | "rate36";

/**
 * How a line bears on this lender:
 * - court: courts do not support interest (with fees) above it;
 * - regulatory: regulators cap the lender's all-in cost there; above it, complain to the regulator;
 * - reference: a common benchmark, or a line that may apply once the lender is known;
 * - notApplicable: does not apply to this kind of lender; shown only for comparison.
 */
export type LineApplicability = "court" | "regulatory" | "reference" | "notApplicable";

export type LinePosition = "above" | "close" | "below";

export interface RateLineCheck {
  id: RateLineId;
  /** "4 倍 LPR（12.00%）", "24%", "36%". */
  label: string;
  /** The line as a fraction. */
  value: Decimal;
  applicability: LineApplicability;
  /** above: the rate exceeds the line; close: at most one percentage point below it (or on it). */
  position: LinePosition;
  /** What the line means for this lender, in plain Chinese. */
  meaning: string;
  source: Source;
  /** When the line applies, e.g. "2020-08-20 起成立的合同". */
  effective: string;
  /** For 4 × LPR: the fixing used. */
  lpr?: LprFixing;
}

export interface RateCheck {
  lenderKind: LenderKind;
  nominalAnnual: Decimal;
  lines: RateLineCheck[];
  /** Above a line courts apply. */
  aboveCourtLine: boolean;
  /** Above any line that applies or may apply (not counting notApplicable lines). */
  aboveAnyLine: boolean;
  /** Close to (within one point below) such a line. */
  closeToLine: boolean;
  /** Why a line could not be shown (e.g. no contract date). */
  notes: string[];
}

export interface CheckRateInput {
  /** Real annual rate (nominal, from the IRR), as a fraction. */
  nominalAnnual: Decimal | string;
  lenderKind: LenderKind;
  /** Contract date "YYYY-MM-DD"; null when unknown (4 × LPR cannot be placed). */
  contractDate: string | null;
  lprHistory: readonly LprFixing[];
}

const CLOSE_MARGIN = new Dec("0.01");
const RATE_24 = new Dec("0.24");
const RATE_36 = new Dec("0.36");
const FOUR = new Dec(4);

function position(rate: Decimal, line: Decimal): LinePosition {
  if (rate.greaterThan(line)) return "above";
  if (rate.greaterThanOrEqualTo(line.minus(CLOSE_MARGIN))) return "close";
  return "below";
}

interface LineSpec {
  id: RateLineId;
  applicability: LineApplicability;
  meaning: string;
  source: Source;
  effective: string;
  /** For 4 × LPR: the date whose fixing is used. */
  lprDate?: string;
}

/** Which lines apply to which lender, for a contract made on `contractDate` (null: unknown). */
function lineSpecs(kind: LenderKind, contractDate: string | null): { specs: LineSpec[]; notes: string[] } {
  const notes: string[] = [];
  const lpr = (applicability: LineApplicability, meaning: string, source: Source): LineSpec | null => {
    if (contractDate === null) {
      notes.push("没有合同日期，无法确定 4 倍 LPR 的数值。");
      return null;
    }
    return {
      id: "lpr4x",
      applicability,
      meaning,
      source,
      effective: `按合同成立日（${contractDate}）的一年期 LPR`,
      lprDate: contractDate,
    };
  };
  const specs: (LineSpec | null)[] = [];
  switch (kind) {
    case "privateLending": {
      if (contractDate === null) {
        notes.push(
          "没有合同日期，无法确定适用哪条红线：2020 年 8 月 20 日以后成立的借款适用 4 倍 LPR，之前的适用 24% 和 36%。",
        );
        break;
      }
      if (dayNumber(contractDate) >= dayNumber(PRIVATE_LENDING_2020_EFFECTIVE)) {
        specs.push(lpr("court", RATE_LINE_TEXT.lpr4x.court, SOURCES.privateLending2020));
      } else {
        const old = "2020-08-20 以前成立的合同，2020-08-19 以前的利息";
        specs.push(
          {
            id: "rate24",
            applicability: "court",
            meaning: RATE_LINE_TEXT.rate24.courtOld,
            source: SOURCES.privateLending2015,
            effective: old,
          },
          {
            id: "rate36",
            applicability: "court",
            meaning: RATE_LINE_TEXT.rate36.courtOld,
            source: SOURCES.privateLending2015,
            effective: old,
          },
          {
            id: "lpr4x",
            applicability: "court",
            meaning: RATE_LINE_TEXT.lpr4x.courtTransition,
            source: SOURCES.transition2020,
            effective: "2020-08-20 以后产生的利息",
            lprDate: PRIVATE_LENDING_2020_EFFECTIVE,
          },
        );
      }
      break;
    }
    case "licensedBank":
    case "consumerFinance":
      specs.push(
        {
          id: "rate24",
          applicability: "reference",
          meaning: RATE_LINE_TEXT.rate24.reference,
          source: SOURCES.licensedCostReference,
          effective: "参考线",
        },
        {
          id: "rate36",
          applicability: "regulatory",
          meaning: RATE_LINE_TEXT.rate36.regulatory,
          source: SOURCES.cashLoanNotice2017,
          effective: "2017-12-01 起",
        },
        lpr("notApplicable", RATE_LINE_TEXT.lpr4x.referenceLicensed, SOURCES.privateLending2020Scope),
      );
      break;
    case "localLender":
      specs.push(
        {
          id: "rate24",
          applicability: "reference",
          meaning: RATE_LINE_TEXT.rate24.reference,
          source: SOURCES.licensedCostReference,
          effective: "参考线",
        },
        {
          id: "rate36",
          applicability: "regulatory",
          meaning: RATE_LINE_TEXT.rate36.regulatory,
          source: SOURCES.cashLoanNotice2017,
          effective: "2017-12-01 起",
        },
        lpr("notApplicable", RATE_LINE_TEXT.lpr4x.referenceLocal, SOURCES.scopeReply2020),
      );
      break;
    case "unknown":
      specs.push(
        {
          id: "rate24",
          applicability: "reference",
          meaning: RATE_LINE_TEXT.rate24.reference,
          source: SOURCES.licensedCostReference,
          effective: "参考线",
        },
        {
          id: "rate36",
          applicability: "reference",
          meaning: RATE_LINE_TEXT.rate36.reference,
          source: SOURCES.cashLoanNotice2017,
          effective: "参考线",
        },
        lpr("reference", RATE_LINE_TEXT.lpr4x.referenceUnknown, SOURCES.privateLending2020),
      );
      break;
  }
  return { specs: specs.filter((s): s is LineSpec => s !== null), notes };
}

/**
 * Compares a real annual rate with every line shown for this lender and contract date: whether it
 * is above each line, or close to it (within one percentage point below), with the line's source.
 */
export function checkRate({ nominalAnnual, lenderKind, contractDate, lprHistory }: CheckRateInput): RateCheck {
  const rate = toDec(nominalAnnual);
  const { specs, notes } = lineSpecs(lenderKind, contractDate);
  const lines: RateLineCheck[] = [];
  for (const spec of specs) {
    if (spec.id === "lpr4x") {
      const fixing = lprInForce(lprHistory, spec.lprDate ?? "");
      if (!fixing) {
        notes.push(`${spec.lprDate ?? ""} 时还没有 LPR 报价（2019-08-20 起才有），无法计算 4 倍 LPR。`);
        continue;
      }
      const value = fixing.oneYear.times(FOUR);
      lines.push({
        id: spec.id,
        label: `4 倍 LPR（${formatPercent(value)}）`,
        value,
        applicability: spec.applicability,
        position: position(rate, value),
        meaning: spec.meaning,
        source: spec.source,
        effective: `${spec.effective}：${fixing.effectiveDate} 起一年期 LPR ${formatPercent(fixing.oneYear)}`,
        lpr: fixing,
      });
    } else {
      const value = spec.id === "rate24" ? RATE_24 : RATE_36;
      lines.push({
        id: spec.id,
        label: spec.id === "rate24" ? "24%" : "36%",
        value,
        applicability: spec.applicability,
        position: position(rate, value),
        meaning: spec.meaning,
        source: spec.source,
        effective: spec.effective,
      });
    }
  }
  return {
    lenderKind,
    nominalAnnual: rate,
    lines,
    aboveCourtLine: lines.some((l) => l.applicability === "court" && l.position === "above"),
    aboveAnyLine: lines.some((l) => l.applicability !== "notApplicable" && l.position === "above"),
    closeToLine: lines.some((l) => l.applicability !== "notApplicable" && l.position === "close"),
    notes,
  };
}

// ---------------------------------------------------------------------------------------------
// Overdue stages
// ---------------------------------------------------------------------------------------------

export type OverdueStageId = "current" | "early" | "reported" | "collection";

export interface Consequence {
  text: string;
  source: Source;
}

export interface OverdueStage {
  id: OverdueStageId;
  /** First overdue day of the stage. */
  minDays: number;
  /** Last overdue day of the stage; null for the last stage. */
  maxDays: number | null;
  label: string;
  /** What usually happens, most important first, each with its source. */
  consequences: Consequence[];
}

const STAGE_BOUNDS: readonly { id: OverdueStageId; minDays: number; maxDays: number | null; label: string }[] = [
  { id: "current", minDays: 0, maxDays: 0, label: "未逾期" },
  { id: "early", minDays: 1, maxDays: 30, label: "逾期 1–30 天" },
  { id: "reported", minDays: 31, maxDays: 90, label: "逾期 31–90 天" },
  { id: "collection", minDays: 91, maxDays: null, label: "逾期 90 天以上" },
];

function checkDays(overdueDays: number): void {
  if (!Number.isInteger(overdueDays) || overdueDays < 0) throw new RangeError(`逾期天数应为非负整数：${overdueDays}`);
}

function stageConsequences(id: OverdueStageId, debtKind: DebtKind | undefined): Consequence[] {
  const rule = SOURCES.overdueRuleOfThumb;
  if (id === "current") return [{ text: OVERDUE_TEXT.current, source: rule }];
  if (debtKind === "privateLoan") {
    // Individuals do not report to the credit system or hand debts to collection agencies as a
    // matter of course; say only what is true of any loan.
    return [
      { text: OVERDUE_TEXT.privateLoanDue, source: rule },
      { text: OVERDUE_TEXT.civilMatter, source: rule },
    ];
  }
  const out: Consequence[] = [];
  if (id === "reported" || id === "collection") {
    if (id === "collection")
      out.push({ text: OVERDUE_TEXT.thirdParty, source: rule }, { text: OVERDUE_TEXT.lawsuit, source: rule });
    out.push(
      { text: OVERDUE_TEXT.reported, source: rule },
      { text: OVERDUE_TEXT.mustNotify, source: SOURCES.creditReportingArt15 },
    );
  }
  out.push({ text: OVERDUE_TEXT.penalty, source: rule }, { text: OVERDUE_TEXT.reminders, source: rule });
  if (id === "collection") {
    out.push(
      { text: OVERDUE_TEXT.quietHours, source: SOURCES.collectionGuideline2026 },
      { text: OVERDUE_TEXT.collectionConduct, source: SOURCES.collectionCrime },
    );
  }
  out.push(
    debtKind === "creditCard"
      ? { text: OVERDUE_TEXT.creditCard, source: SOURCES.creditCardFraud }
      : { text: OVERDUE_TEXT.civilMatter, source: rule },
  );
  return out;
}

/**
 * The stage for a number of overdue days: 0 current; 1–30; 31–90 (over 30 days: usually reported
 * to the credit system); 91 and more (over 90 days: usually third-party collection, lawsuit risk).
 * With `debtKind`, the consequences are worded for that kind of debt (private loans are not said
 * to be reported; credit cards carry the malicious-overdraft note).
 */
export function overdueStage(overdueDays: number, debtKind?: DebtKind): OverdueStage {
  checkDays(overdueDays);
  const bounds =
    STAGE_BOUNDS.find((s) => overdueDays >= s.minDays && (s.maxDays === null || overdueDays <= s.maxDays)) ??
    STAGE_BOUNDS[STAGE_BOUNDS.length - 1];
  if (!bounds) throw new Error("overdue stages missing");
  return { ...bounds, consequences: stageConsequences(bounds.id, debtKind) };
}

/**
 * Days of further non-payment until the next stage starts (e.g. 25 → 6: on day 31 the loan is
 * over 30 days overdue). Null when not overdue (the count only runs once a payment is missed) or
 * already in the last stage.
 */
export function daysUntilNextStage(overdueDays: number): number | null {
  checkDays(overdueDays);
  const next = STAGE_BOUNDS.find((s) => s.minDays > overdueDays);
  if (overdueDays === 0 || !next) return null;
  return next.minDays - overdueDays;
}

/** The stage that follows the current one, or null in the last stage. */
export function nextOverdueStage(overdueDays: number, debtKind?: DebtKind): OverdueStage | null {
  checkDays(overdueDays);
  const next = STAGE_BOUNDS.find((s) => s.minDays > overdueDays);
  return next ? overdueStage(next.minDays, debtKind) : null;
}

// ---------------------------------------------------------------------------------------------
// Court deadlines
// ---------------------------------------------------------------------------------------------

export type DeadlineKind = "answer" | "appeal" | "paymentOrderObjection";

export interface DeadlineRule {
  kind: DeadlineKind;
  /** 答辩期限 / 上诉期限 / 支付令异议期限. */
  label: string;
  days: number;
  /** The rule in plain Chinese, from what is received. */
  rule: string;
  /** How the days are counted here. */
  counting: string;
  source: Source;
}

export const DEADLINE_RULES: Record<DeadlineKind, DeadlineRule> = {
  answer: {
    kind: "answer",
    ...DEADLINE_TEXT.answer,
    days: 15,
    counting: DEADLINE_TEXT.counting,
    source: SOURCES.answerDeadline,
  },
  appeal: {
    kind: "appeal",
    ...DEADLINE_TEXT.appeal,
    days: 15,
    counting: DEADLINE_TEXT.counting,
    source: SOURCES.appealDeadline,
  },
  paymentOrderObjection: {
    kind: "paymentOrderObjection",
    ...DEADLINE_TEXT.paymentOrderObjection,
    days: 15,
    counting: DEADLINE_TEXT.counting,
    source: SOURCES.paymentOrderDeadline,
  },
};

/**
 * The last day to act after receiving the complaint copy (answer), the first-instance judgment
 * (appeal) or a payment order (objection): the day of receipt is not counted, so receipt on
 * 2026-03-01 gives 2026-03-16. Calendar days, never extended for holidays (the safe reading).
 */
export function deadlineDate(kind: DeadlineKind, receivedDate: string): string {
  return addDays(receivedDate, DEADLINE_RULES[kind].days);
}
