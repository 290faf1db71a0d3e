/**
 * The order in which to deal with debts (优先级), with the reasons in plain Chinese.
 *
 * Base: avalanche (雪崩法) — the highest real annual rate first. Adjustments, each explained in the
 * reasons:
 *   1. a court deadline within 7 days (or already passed) comes first, earliest first;
 *   2. then a debt about to cross an overdue stage within 7 days (over 30 days: credit report;
 *      over 90 days: third-party collection), soonest first;
 *   3. then debts above a line that courts apply, or above 36%, highest rate first;
 *   4. then the rest by rate; debts whose rate is not known yet after those whose rate is known;
 *   5. settled and paused debts last, in the order given.
 * Private loans (often from family, often without interest) are never said to be reported to the
 * credit system, and a loan without interest is described without judgment.
 *
 * Pure: `today` is passed in.
 */
import Decimal from "decimal.js";
import type { DecInput } from "./apr";
import {
  checkRate,
  DEADLINE_RULES,
  daysBetween,
  daysUntilNextStage,
  dayNumber,
  lenderKindOf,
  overdueStage,
  type DeadlineKind,
  type DebtKind,
  type DebtStatus,
  type LenderKind,
  type LprFixing,
  type OverdueStage,
  type RateCheck,
  type RateLineCheck,
} from "./legal";
import { formatPercent, toDec } from "./money";

export interface PriorityDebt {
  id: string;
  /** 平台 / 出借方. */
  platform: string;
  debtKind: DebtKind;
  /** 剩余待还. */
  outstanding: DecInput;
  /** Real annual rate (nominal, from the IRR) as a fraction; null when not known yet. */
  nominalAnnual: DecInput | null;
  overdueDays: number;
  status: DebtStatus;
  /** "YYYY-MM-DD"; null when unknown. */
  contractDate: string | null;
  /** Whether the lender holds a lending licence; null when the borrower does not know. */
  lenderLicensed: boolean | null;
  /** Set when known more precisely than debtKind + lenderLicensed allow (see lenderKindOf). */
  lenderKind?: LenderKind | null;
  /** A court deadline for this debt: its kind and its last day "YYYY-MM-DD". */
  deadline?: { kind: DeadlineKind; date: string } | null;
}

/** Why a debt sits where it does. */
export type PriorityGroup = "deadline" | "stage" | "legal" | "rate" | "inactive";

export interface PrioritizedDebt {
  /** 1 for the debt to deal with first. */
  rank: number;
  debt: PriorityDebt;
  group: PriorityGroup;
  lenderKind: LenderKind;
  stage: OverdueStage;
  /** Null when the rate is not known. */
  rateCheck: RateCheck | null;
  reasons: string[];
}

export interface PrioritizeOptions {
  /** Today's date in Shanghai, "YYYY-MM-DD". */
  today: string;
  lprHistory: readonly LprFixing[];
}

/** How many days ahead an approaching stage or deadline moves a debt up. */
export const URGENCY_WINDOW_DAYS = 7;

const GROUP_ORDER: Record<PriorityGroup, number> = { deadline: 0, stage: 1, legal: 2, rate: 3, inactive: 4 };

interface Working {
  item: PrioritizedDebt;
  index: number;
  rate: Decimal | null;
  /** Days to the court deadline or the next stage, for groups 1–2. */
  urgencyDays: number;
}

/** 2026年5月3日 from "2026-05-03". */
function longDate(date: string): string {
  const [y, m, d] = date.split("-");
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** " 36% " but "4 倍 LPR（12.00%）" without a space after the full-width bracket. */
function spaced(label: string): string {
  return ` ${label}${label.endsWith("）") ? "" : " "}`;
}

function lineWord(line: RateLineCheck): string {
  return line.applicability === "reference" ? "参考线" : "红线";
}

const STAGE_CROSSING: Partial<Record<OverdueStage["id"], string>> = {
  reported: "逾期超过 30 天，可能被上报征信",
  collection: "逾期超过 90 天，可能转给第三方催收",
};

/** What the borrower can do about a rate above a line, worded for the lender. */
function nextStepAboveLine(line: RateLineCheck, lenderKind: LenderKind): string {
  if (line.applicability === "court") {
    return "超过这条线的利息和费用，法院不支持；可以先核对合同和还款记录，再和出借方协商";
  }
  if (lenderKind === "licensedBank" || lenderKind === "consumerFinance") {
    return "可以要求对方列出每一项利息和费用；认为收费不合理，可以拨打 12378 投诉";
  }
  if (lenderKind === "localLender") {
    return "可以要求对方列出每一项利息和费用；认为收费不合理，可以向中国互联网金融协会举报平台投诉";
  }
  return "先弄清出借方是谁、有没有放贷资质，这决定哪条红线适用；协商时可以要求对方列出每一项费用";
}

/** Orders debts and explains each position. Does not modify its input. */
export function prioritizeDebts(
  debts: readonly PriorityDebt[],
  { today, lprHistory }: PrioritizeOptions,
): PrioritizedDebt[] {
  dayNumber(today);
  const working: Working[] = debts.map((debt, index) => assess(debt, index, today, lprHistory));

  working.sort((a, b) => {
    const g = GROUP_ORDER[a.item.group] - GROUP_ORDER[b.item.group];
    if (g !== 0) return g;
    if (a.item.group === "inactive") return a.index - b.index;
    if (a.urgencyDays !== b.urgencyDays) return a.urgencyDays - b.urgencyDays;
    if (a.rate && b.rate) {
      const c = b.rate.comparedTo(a.rate);
      if (c !== 0) return c;
    } else if (a.rate || b.rate) {
      return a.rate ? -1 : 1;
    }
    return a.index - b.index;
  });

  // Explain where urgency or a legal flag put a debt ahead of one with a higher rate.
  working.forEach((w, i) => {
    if (w.item.group === "rate" || w.item.group === "inactive") return;
    const overtaken = working
      .slice(i + 1)
      .filter((later) => later.item.group !== "inactive" && later.rate && (!w.rate || later.rate.greaterThan(w.rate)))
      .map((later) => later.item.debt.platform);
    if (overtaken.length > 0) {
      w.item.reasons.push(`因此排在利率更高的${[...new Set(overtaken)].join("、")}前面`);
    }
  });

  return working.map((w, i) => ({ ...w.item, rank: i + 1 }));
}

function assess(debt: PriorityDebt, index: number, today: string, lprHistory: readonly LprFixing[]): Working {
  const lenderKind = lenderKindOf(debt);
  const stage = overdueStage(debt.overdueDays, debt.debtKind);
  const rate = debt.nominalAnnual === null ? null : toDec(debt.nominalAnnual);
  const rateCheck =
    rate === null ? null : checkRate({ nominalAnnual: rate, lenderKind, contractDate: debt.contractDate, lprHistory });
  const reasons: string[] = [];
  const item: PrioritizedDebt = { rank: 0, debt, group: "rate", lenderKind, stage, rateCheck, reasons };
  let urgencyDays = Number.MAX_SAFE_INTEGER;

  if (debt.status === "settled" || debt.status === "paused") {
    item.group = "inactive";
    reasons.push(debt.status === "settled" ? "已结清，不再参与排序" : "已暂停，暂不参与排序");
    return { item, index, rate, urgencyDays };
  }

  // 1. Court deadline.
  if (debt.deadline) {
    const rule = DEADLINE_RULES[debt.deadline.kind];
    const left = daysBetween(today, debt.deadline.date);
    if (left < 0) {
      item.group = "deadline";
      urgencyDays = left;
      reasons.push(
        `${rule.label}（${longDate(debt.deadline.date)}）已经过了，请尽快咨询 12348 公共法律服务热线或当地法律援助中心`,
      );
    } else if (left <= URGENCY_WINDOW_DAYS) {
      item.group = "deadline";
      urgencyDays = left;
      reasons.push(
        left === 0
          ? `今天是${rule.label}的最后一天（${longDate(debt.deadline.date)}），请先处理这件事`
          : `${rule.label}是 ${longDate(debt.deadline.date)}，还有 ${left} 天，请先处理这件事`,
      );
    } else {
      reasons.push(`${rule.label}是 ${longDate(debt.deadline.date)}，还有 ${left} 天`);
    }
  }

  // 2. An overdue stage about to be crossed (not for private loans, nor while collection is paused by agreement).
  const toNext = daysUntilNextStage(debt.overdueDays);
  if (debt.status === "collectionPaused") {
    reasons.push("已达成停催协议，按协议按时还款最要紧");
  } else if (debt.debtKind !== "privateLoan" && toNext !== null) {
    const next = overdueStage(debt.overdueDays + toNext);
    const crossing = STAGE_CROSSING[next.id];
    if (crossing && toNext <= URGENCY_WINDOW_DAYS) {
      if (item.group === "rate") {
        item.group = "stage";
        urgencyDays = toNext;
      }
      reasons.push(`再过 ${toNext} 天${crossing}，所以提前处理`);
    }
  }
  if (debt.overdueDays > 0 && item.group !== "stage") reasons.push(`已逾期 ${debt.overdueDays} 天`);

  // 3. The rate and the lines.
  if (rate === null || rateCheck === null) {
    reasons.push(
      debt.debtKind === "privateLoan"
        ? "没有填写利率，排在已知利率的借款之后"
        : "还不知道实际年化；补充到手金额和还款计划后可以算出，排序会更准确",
    );
    return { item, index, rate, urgencyDays };
  }
  if (rate.isZero()) {
    reasons.push(
      debt.debtKind === "privateLoan"
        ? "这笔借款没有利息，按利率排在有息借款之后；可以和对方商量一个双方都能接受的还款时间"
        : "实际年化 0.00%，没有利息成本，按利率排在有息借款之后",
    );
    return { item, index, rate, urgencyDays };
  }
  const relevant = rateCheck.lines.filter((l) => l.applicability !== "notApplicable");
  const highestAbove = relevant.filter((l) => l.position === "above").sort((a, b) => b.value.comparedTo(a.value))[0];
  const closest = relevant.filter((l) => l.position === "close").sort((a, b) => a.value.comparedTo(b.value))[0];
  let text = `实际年化 ${formatPercent(rate)}`;
  if (highestAbove && lenderKind === "unknown" && highestAbove.id === "rate36") {
    // Above 36% is above the line that applies to every kind of lender, whoever it turns out to be.
    text += "，高于 36%：不论出借方是哪类机构，都超过了适用的红线";
  } else if (highestAbove) {
    text += `，高于${spaced(highestAbove.label)}的${lineWord(highestAbove)}`;
  } else if (closest) {
    const gap = closest.value.minus(rate).times(100).toFixed(2);
    text += `，接近${spaced(closest.label)}的${lineWord(closest)}（差 ${gap} 个百分点）`;
  }
  reasons.push(text);

  const flagLine = rateCheck.lines
    .filter(
      (l) =>
        l.position === "above" &&
        (l.applicability === "court" ||
          l.applicability === "regulatory" ||
          (l.applicability === "reference" && l.id === "rate36")),
    )
    .sort((a, b) => GROUP_RANK[a.applicability] - GROUP_RANK[b.applicability])[0];
  if (flagLine) {
    if (item.group === "rate") item.group = "legal";
    reasons.push(nextStepAboveLine(flagLine, lenderKind));
    if (item.group === "legal") {
      const word = lenderKind === "unknown" && flagLine.id === "rate36" ? "红线" : lineWord(flagLine);
      reasons.push(`利率超过${word}，建议优先处理`);
    }
  }
  return { item, index, rate, urgencyDays };
}

/** Court lines speak first, then regulatory caps, then reference lines. */
const GROUP_RANK: Record<RateLineCheck["applicability"], number> = {
  court: 0,
  regulatory: 1,
  reference: 2,
  notApplicable: 3,
};
