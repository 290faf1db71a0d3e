/**
 * 协议 · 投诉记录 · generated documents (协商还款申请书, 投诉材料), shaped for pages.
 * Procedures call these after the access check; these never decide access.
 */
import type { Database } from "@/db/client";
import { listDebtsOfCase } from "@/db/queries/debts";
import { listPaymentsOfDebt } from "@/db/queries/payments";
import {
  listAgreements,
  listComplaints,
  listEvidence,
  type AgreementRow,
  type ComplaintRow,
  type EvidenceRow,
} from "@/db/queries/protection";
import { findUserById } from "@/db/queries/users";
import {
  COMPLAINT_CHANNEL_IDS,
  COMPLAINT_CHANNELS,
  PROPOSAL_KINDS,
  PROPOSAL_LABEL,
  type ComplaintChannelId,
  type ComplaintInput,
} from "@/server/domain/documents";
import { daysBetween, NOT_LEGAL_ADVICE, SOURCE_MARK_LABEL } from "@/server/domain/legal";
import { sum } from "@/server/domain/money";
import { SOURCES, UPFRONT_FEE_FACT, type Source } from "@/server/domain/reference-facts";
import { formatDate, formatDateLong, formatDateTime } from "@/server/domain/time";
import { debtDetail } from "@/server/services/debts";
import { contactLogOverview } from "@/server/services/protection";

export type AgreementKind = AgreementRow["kind"];
/** 停催协议 · 分期协议 · 本金减免 · 延期还款 (glossary). */
export const AGREEMENT_KIND_LABEL: Record<AgreementKind, string> = {
  stopCollection: "停催协议",
  installment: "分期协议",
  discount: "本金减免",
  extension: "延期还款",
};

/** An agreement ending within this many days is flagged, and one that ended within ENDED_DAYS. */
export const AGREEMENT_ENDING_DAYS = 7;
export const AGREEMENT_ENDED_DAYS = 30;

const withMark = (s: Source) => ({ ...s, markLabel: SOURCE_MARK_LABEL[s.mark] });

/** Scams to warn about next to every document (reference facts: "Scams to warn about"). */
export const DOCUMENT_WARNINGS = [
  {
    text: "不要向任何第三方支付“协商手续费”。协商只需要你自己直接联系出借方，不需要中介。",
    source: withMark(SOURCES.overdueRuleOfThumb),
  },
  {
    text: "“征信修复”“洗白”“停息挂账代办”都是骗局：没有人能删除真实的逾期记录，不要交出身份证、银行卡和验证码。",
    source: withMark(SOURCES.creditReportingArt15),
  },
];

async function borrowerNameOf(db: Database, ownerId: string): Promise<string> {
  return (await findUserById(db, ownerId))?.displayName ?? "";
}

function platformsOf(debtRows: { id: string; platform: string }[]) {
  return new Map(debtRows.map((d) => [d.id, d.platform]));
}

// --- agreements ----------------------------------------------------------------------------------

export function agreementView(
  row: AgreementRow,
  today: string,
  platformOf: Map<string, string>,
  evidenceRows: readonly EvidenceRow[] = [],
) {
  const daysToEnd = row.endsOn ? daysBetween(today, row.endsOn) : null;
  const reminder =
    daysToEnd === null
      ? null
      : daysToEnd < 0
        ? daysToEnd >= -AGREEMENT_ENDED_DAYS
          ? ("ended" as const)
          : null
        : daysToEnd <= AGREEMENT_ENDING_DAYS
          ? ("ending" as const)
          : null;
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: AGREEMENT_KIND_LABEL[row.kind],
    debtId: row.debtId,
    platform: platformOf.get(row.debtId) ?? "",
    terms: row.terms,
    amount: row.amount,
    agreedOn: row.agreedOn,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    daysToEnd,
    ended: daysToEnd !== null && daysToEnd < 0,
    reminder,
    evidence: evidenceRows
      .filter((e) => e.agreementId === row.id)
      .map((e) => ({ id: e.id, name: e.displayName, sha256: e.sha256 })),
  };
}
export type AgreementView = ReturnType<typeof agreementView>;

export async function agreementsOverview(db: Database, caseId: string, today: string) {
  const [rows, debtRows, evidenceRows] = await Promise.all([
    listAgreements(db, caseId),
    listDebtsOfCase(db, caseId),
    listEvidence(db, caseId),
  ]);
  const platformOf = platformsOf(debtRows);
  const items = rows.map((r) => agreementView(r, today, platformOf, evidenceRows));
  return {
    items,
    reminders: items.filter((a) => a.reminder !== null),
    debts: debtRows.filter((d) => !d.archivedAt).map((d) => ({ id: d.id, platform: d.platform })),
    kinds: (Object.keys(AGREEMENT_KIND_LABEL) as AgreementKind[]).map((k) => ({
      id: k,
      label: AGREEMENT_KIND_LABEL[k],
    })),
    evidence: evidenceRows.map((e) => ({ id: e.id, name: e.displayName, agreementId: e.agreementId })),
  };
}

// --- complaints filed ----------------------------------------------------------------------------

export function complaintView(row: ComplaintRow, today: string, platformOf: Map<string, string>) {
  const replied = row.repliedAt !== null;
  const daysToReply = row.expectedReplyBy ? daysBetween(today, row.expectedReplyBy) : null;
  return {
    id: row.id,
    channel: row.channel,
    channelLabel: COMPLAINT_CHANNELS[row.channel].label,
    debtId: row.debtId,
    platform: row.debtId ? (platformOf.get(row.debtId) ?? null) : null,
    filedOn: row.filedOn,
    referenceNumber: row.referenceNumber,
    expectedReplyBy: row.expectedReplyBy,
    followUps: row.followUps === "" ? [] : row.followUps.split("\n"),
    replied,
    repliedOn: row.repliedAt ? formatDate(row.repliedAt) : null,
    daysToReply,
    replyOverdue: !replied && daysToReply !== null && daysToReply < 0,
  };
}
export type ComplaintView = ReturnType<typeof complaintView>;

export function channelChoices() {
  return COMPLAINT_CHANNEL_IDS.map((id) => {
    const c = COMPLAINT_CHANNELS[id];
    return {
      id,
      label: c.label,
      short: c.short,
      handles: c.handles,
      note: c.note,
      forHarassment: c.forHarassment,
      sources: c.sources.map(withMark),
    };
  });
}

export async function complaintsOverview(db: Database, caseId: string, today: string) {
  const [rows, debtRows] = await Promise.all([listComplaints(db, caseId), listDebtsOfCase(db, caseId)]);
  const platformOf = platformsOf(debtRows);
  const items = rows.map((r) => complaintView(r, today, platformOf));
  return {
    items,
    overdue: items.filter((c) => c.replyOverdue),
    channels: channelChoices(),
    debts: debtRows.filter((d) => !d.archivedAt).map((d) => ({ id: d.id, platform: d.platform })),
  };
}

// --- 投诉材料 ------------------------------------------------------------------------------------

type ContactLogOverview = Awaited<ReturnType<typeof contactLogOverview>>;

/** The complaint's facts, timeline and evidence list (no channel: the page or the package adds it). */
export function complaintInputOf(
  log: ContactLogOverview,
  evidenceRows: readonly EvidenceRow[],
  borrowerName: string,
  now: Date,
): ComplaintInput {
  const marked = log.entries.filter((e) => e.markers.length > 0);
  return {
    borrowerName,
    today: formatDateLong(now),
    counts: log.counts.map((c) => ({
      label: c.label,
      entries: c.entries,
      citations: c.sources.map((s) => s.citation),
    })),
    timeline: marked.map((e) => ({
      when: e.when,
      channel: e.channelLabel,
      counterpart: e.counterpart,
      summary: e.summary,
      markers: e.markers.map((m) => m.label),
    })),
    evidence: evidenceRows.map((r) => ({
      name: r.displayName,
      sha256: r.sha256,
      uploaded: formatDateTime(r.uploadedAt),
      description: r.description,
    })),
    platforms: [...new Set(marked.map((e) => e.platform).filter((p): p is string => !!p))],
  };
}

export async function complaintDraft(db: Database, access: { caseId: string; ownerId: string }, now: Date) {
  const [log, evidenceRows, borrowerName] = await Promise.all([
    contactLogOverview(db, access.caseId),
    listEvidence(db, access.caseId),
    borrowerNameOf(db, access.ownerId),
  ]);
  return {
    input: complaintInputOf(log, evidenceRows, borrowerName, now),
    counts: log.counts,
    markedEntries: log.entries.filter((e) => e.markers.length > 0).length,
    channels: channelChoices().filter((c) => c.forHarassment),
    defaultChannel: "nfra12378" as ComplaintChannelId,
    warnings: DOCUMENT_WARNINGS,
    notLegalAdvice: NOT_LEGAL_ADVICE,
  };
}

// --- 协商还款申请书 --------------------------------------------------------------------------------

export async function negotiationDraft(
  db: Database,
  access: { caseId: string; ownerId: string },
  debtId: string | undefined,
  now: Date,
  today: string,
) {
  const [debtRows, borrowerName] = await Promise.all([
    listDebtsOfCase(db, access.caseId),
    borrowerNameOf(db, access.ownerId),
  ]);
  const live = debtRows.filter((d) => !d.archivedAt);
  const chosenId = debtId ?? (live.find((d) => d.status !== "settled") ?? live[0])?.id;
  const base = {
    borrowerName,
    today: formatDateLong(now),
    debts: live.map((d) => ({ id: d.id, platform: d.platform })),
    proposals: PROPOSAL_KINDS.map((k) => ({ id: k, label: PROPOSAL_LABEL[k] })),
    warnings: DOCUMENT_WARNINGS,
    notLegalAdvice: NOT_LEGAL_ADVICE,
  };
  if (!chosenId) return { ...base, debt: null };
  // debtDetail refuses a debt outside the case with the same NOT_FOUND as a missing one.
  const [detail, payments] = await Promise.all([
    debtDetail(db, access.caseId, chosenId, today),
    listPaymentsOfDebt(db, { caseId: access.caseId, debtId: chosenId }),
  ]);
  const d = detail.debt;
  const linesAbove = detail.rateLines.filter((l) => l.position === "above" && l.applicability !== "notApplicable");
  return {
    ...base,
    debt: {
      id: d.id,
      platform: d.platform,
      contractDate: d.contractDate,
      principal: d.principal,
      received: d.received,
      upfrontFee: d.upfrontFee,
      outstanding: d.outstanding,
      paid: sum(payments.map((p) => p.amount)).toFixed(2),
      paymentCount: payments.length,
      overdueDays: d.overdueDays,
      realAnnualRate: d.realAnnualRate,
      linesAbove: linesAbove.map((l) => ({
        label: l.label,
        meaning: l.meaning,
        citation: l.source.citation,
        source: withMark(l.source),
      })),
      upfrontFact: { text: UPFRONT_FEE_FACT.text, source: withMark(UPFRONT_FEE_FACT.source) },
    },
  };
}
