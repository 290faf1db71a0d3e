/**
 * Protection: contact log with harassment markers, evidence and court deadlines, shaped for pages.
 * Procedures call these after the access check; these never decide access.
 */
import type { Database } from "@/db/client";
import { findDebtInCase, listDebtsOfCase } from "@/db/queries/debts";
import {
  listContactLogs,
  listDeadlines,
  listEvidence,
  type DeadlineRow,
  type EvidenceRow,
} from "@/db/queries/protection";
import { AppError } from "@/server/errors";
import {
  CONTACT_CHANNEL_LABEL,
  harassmentSummary,
  MANUAL_MARKERS,
  MARKER_INFO,
  type ManualMarker,
} from "@/server/domain/harassment";
import { daysBetween, DEADLINE_RULES, NOT_LEGAL_ADVICE, SOURCE_MARK_LABEL } from "@/server/domain/legal";
import { formatDateTime } from "@/server/domain/time";
import { typeOfMime } from "@/server/evidence/file-types";

export async function requireDebtInCase(db: Database, caseId: string, debtId: string | undefined) {
  if (!debtId) return;
  if (!(await findDebtInCase(db, { caseId, debtId }))) {
    throw new AppError("NOT_FOUND", "找不到所选的债务，请刷新页面后重新选择");
  }
}

function asManual(markers: readonly string[]): ManualMarker[] {
  return markers.filter((m): m is ManualMarker => (MANUAL_MARKERS as readonly string[]).includes(m));
}

export async function contactLogOverview(db: Database, caseId: string) {
  const [rows, debtRows] = await Promise.all([listContactLogs(db, caseId), listDebtsOfCase(db, caseId)]);
  const platformOf = new Map(debtRows.map((d) => [d.id, d.platform]));
  const entries = rows.map((r) => ({ ...r, markers: asManual(r.markers) }));
  const summary = harassmentSummary(entries);
  const markersById = new Map(summary.timeline.map((t) => [t.entry.id, t.markers]));
  return {
    entries: entries.map((e) => ({
      id: e.id,
      occurredAt: e.occurredAt,
      when: formatDateTime(e.occurredAt),
      channel: e.channel,
      channelLabel: CONTACT_CHANNEL_LABEL[e.channel],
      direction: e.direction,
      contactCount: e.contactCount,
      answered: e.answered,
      counterpart: e.counterpart,
      summary: e.summary,
      outcome: e.outcome,
      promises: e.promises,
      debtId: e.debtId,
      platform: e.debtId ? (platformOf.get(e.debtId) ?? null) : null,
      markers: markersById.get(e.id) ?? [],
    })),
    counts: summary.counts.map((c) => ({
      ...c,
      sources: c.sources.map((s) => ({ ...s, markLabel: SOURCE_MARK_LABEL[s.mark] })),
    })),
    markedEntries: summary.markedEntries,
    markerChoices: MANUAL_MARKERS.map((m) => ({
      id: m,
      label: MARKER_INFO[m].label,
      explanation: MARKER_INFO[m].explanation,
    })),
    debts: debtRows.filter((d) => !d.archivedAt).map((d) => ({ id: d.id, platform: d.platform })),
    notLegalAdvice: NOT_LEGAL_ADVICE,
  };
}

export function evidenceView(row: EvidenceRow) {
  return {
    id: row.id,
    name: row.displayName,
    description: row.description,
    mimeType: row.mimeType,
    typeLabel: typeOfMime(row.mimeType)?.label ?? row.extension.toUpperCase(),
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    debtId: row.debtId,
    contactLogId: row.contactLogId,
    agreementId: row.agreementId,
    capturedAt: row.capturedAt,
    uploadedAt: row.uploadedAt,
    uploaded: formatDateTime(row.uploadedAt),
    captured: row.capturedAt ? formatDateTime(row.capturedAt) : null,
  };
}

export async function evidenceOverview(db: Database, caseId: string) {
  const rows = await listEvidence(db, caseId);
  return {
    items: rows.map(evidenceView),
    totalBytes: rows.reduce((sum, r) => sum + r.sizeBytes, 0),
  };
}

export function deadlineView(row: DeadlineRow, today: string) {
  const rule = DEADLINE_RULES[row.kind];
  const daysLeft = daysBetween(today, row.dueOn);
  return {
    id: row.id,
    kind: row.kind,
    label: rule.label,
    rule: rule.rule,
    counting: rule.counting,
    source: { ...rule.source, markLabel: SOURCE_MARK_LABEL[rule.source.mark] },
    receivedOn: row.receivedOn,
    dueOn: row.dueOn,
    daysLeft,
    overdue: daysLeft < 0,
    done: row.doneAt !== null,
    court: row.court,
    courtCaseNumber: row.courtCaseNumber,
    note: row.note,
    debtId: row.debtId,
  };
}

export async function deadlinesOverview(db: Database, caseId: string, today: string) {
  const rows = await listDeadlines(db, caseId);
  const items = rows.map((r) => deadlineView(r, today));
  return {
    open: items.filter((d) => !d.done),
    done: items.filter((d) => d.done),
    rules: Object.values(DEADLINE_RULES).map((r) => ({
      kind: r.kind,
      label: r.label,
      rule: r.rule,
      source: { ...r.source, markLabel: SOURCE_MARK_LABEL[r.source.mark] },
    })),
    notLegalAdvice: NOT_LEGAL_ADVICE,
  };
}
