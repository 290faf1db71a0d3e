import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { agreements, complaints, contactLogs, deadlines, evidence } from "../schema";

export type ContactLogRow = typeof contactLogs.$inferSelect;
export type NewContactLogRow = typeof contactLogs.$inferInsert;
export type EvidenceRow = typeof evidence.$inferSelect;
export type NewEvidenceRow = typeof evidence.$inferInsert;
export type DeadlineRow = typeof deadlines.$inferSelect;
export type NewDeadlineRow = typeof deadlines.$inferInsert;
export type AgreementRow = typeof agreements.$inferSelect;
export type NewAgreementRow = typeof agreements.$inferInsert;
export type ComplaintRow = typeof complaints.$inferSelect;
export type NewComplaintRow = typeof complaints.$inferInsert;

// --- contact log -------------------------------------------------------------------------------

export async function listContactLogs(db: Executor, caseId: string): Promise<ContactLogRow[]> {
  return db.select().from(contactLogs).where(eq(contactLogs.caseId, caseId)).orderBy(desc(contactLogs.occurredAt));
}

export async function insertContactLog(db: Executor, row: NewContactLogRow): Promise<ContactLogRow> {
  const [inserted] = await db.insert(contactLogs).values(row).returning();
  if (!inserted) throw new Error("insert returned no row");
  return inserted;
}

export async function findContactLogInCase(db: Executor, params: { caseId: string; id: string }) {
  const [row] = await db
    .select({ id: contactLogs.id })
    .from(contactLogs)
    .where(and(eq(contactLogs.id, params.id), eq(contactLogs.caseId, params.caseId)))
    .limit(1);
  return row;
}

export async function deleteContactLog(db: Executor, params: { caseId: string; id: string }): Promise<boolean> {
  const rows = await db
    .delete(contactLogs)
    .where(and(eq(contactLogs.id, params.id), eq(contactLogs.caseId, params.caseId)))
    .returning({ id: contactLogs.id });
  return rows.length > 0;
}

// --- evidence ----------------------------------------------------------------------------------

export async function listEvidence(db: Executor, caseId: string): Promise<EvidenceRow[]> {
  return db.select().from(evidence).where(eq(evidence.caseId, caseId)).orderBy(desc(evidence.uploadedAt));
}

export async function findEvidenceInCase(db: Executor, params: { caseId: string; id: string }) {
  const [row] = await db
    .select()
    .from(evidence)
    .where(and(eq(evidence.id, params.id), eq(evidence.caseId, params.caseId)))
    .limit(1);
  return row;
}

export async function insertEvidence(db: Executor, row: NewEvidenceRow): Promise<EvidenceRow> {
  const [inserted] = await db.insert(evidence).values(row).returning();
  if (!inserted) throw new Error("insert returned no row");
  return inserted;
}

/** Deletes the row and returns it (for removing the blob), or undefined when not in this case. */
export async function deleteEvidence(db: Executor, params: { caseId: string; id: string }) {
  const [row] = await db
    .delete(evidence)
    .where(and(eq(evidence.id, params.id), eq(evidence.caseId, params.caseId)))
    .returning();
  return row;
}

/** Bytes the case already stores (for the quota). */
export async function evidenceBytesOfCase(db: Executor, caseId: string): Promise<number> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${evidence.sizeBytes}), 0)` })
    .from(evidence)
    .where(eq(evidence.caseId, caseId));
  return Number(row?.total ?? 0);
}

/** Every storage key known to the database (to sweep blobs whose row never appeared). */
export async function evidenceStorageKeys(db: Executor): Promise<Set<string>> {
  const rows = await db.select({ key: evidence.storageKey }).from(evidence);
  return new Set(rows.map((r) => r.key));
}

// --- deadlines ---------------------------------------------------------------------------------

export async function listDeadlines(db: Executor, caseId: string, options: { openOnly?: boolean } = {}) {
  return db
    .select()
    .from(deadlines)
    .where(
      options.openOnly ? and(eq(deadlines.caseId, caseId), isNull(deadlines.doneAt)) : eq(deadlines.caseId, caseId),
    )
    .orderBy(asc(deadlines.dueOn));
}

export async function insertDeadline(db: Executor, row: NewDeadlineRow): Promise<DeadlineRow> {
  const [inserted] = await db.insert(deadlines).values(row).returning();
  if (!inserted) throw new Error("insert returned no row");
  return inserted;
}

export async function setDeadlineDone(db: Executor, params: { caseId: string; id: string; doneAt: Date | null }) {
  const [row] = await db
    .update(deadlines)
    .set({ doneAt: params.doneAt })
    .where(and(eq(deadlines.id, params.id), eq(deadlines.caseId, params.caseId)))
    .returning();
  return row;
}

// --- agreements (协议) ---------------------------------------------------------------------------

export async function listAgreements(db: Executor, caseId: string): Promise<AgreementRow[]> {
  return db
    .select()
    .from(agreements)
    .where(eq(agreements.caseId, caseId))
    .orderBy(desc(agreements.agreedOn), desc(agreements.createdAt));
}

export async function insertAgreement(db: Executor, row: NewAgreementRow): Promise<AgreementRow> {
  const [inserted] = await db.insert(agreements).values(row).returning();
  if (!inserted) throw new Error("insert returned no row");
  return inserted;
}

export async function findAgreementInCase(db: Executor, params: { caseId: string; id: string }) {
  const [row] = await db
    .select({ id: agreements.id })
    .from(agreements)
    .where(and(eq(agreements.id, params.id), eq(agreements.caseId, params.caseId)))
    .limit(1);
  return row;
}

/** Deletes the agreement of the case; its evidence stays (the link is set null by the foreign key). */
export async function deleteAgreement(db: Executor, params: { caseId: string; id: string }): Promise<boolean> {
  const rows = await db
    .delete(agreements)
    .where(and(eq(agreements.id, params.id), eq(agreements.caseId, params.caseId)))
    .returning({ id: agreements.id });
  return rows.length > 0;
}

// --- evidence links ----------------------------------------------------------------------------

/** Sets (or clears, with null) which contact-log entry and agreement a file proves; undefined leaves a link as it is. */
export async function setEvidenceLinks(
  db: Executor,
  params: { caseId: string; id: string; contactLogId?: string | null; agreementId?: string | null },
) {
  const changes: Partial<NewEvidenceRow> = {};
  if (params.contactLogId !== undefined) changes.contactLogId = params.contactLogId;
  if (params.agreementId !== undefined) changes.agreementId = params.agreementId;
  const where = and(eq(evidence.id, params.id), eq(evidence.caseId, params.caseId));
  if (Object.keys(changes).length === 0) {
    const [row] = await db.select().from(evidence).where(where).limit(1);
    return row;
  }
  const [row] = await db.update(evidence).set(changes).where(where).returning();
  return row;
}

// --- complaints filed (投诉记录) -------------------------------------------------------------------

export async function listComplaints(db: Executor, caseId: string): Promise<ComplaintRow[]> {
  return db
    .select()
    .from(complaints)
    .where(eq(complaints.caseId, caseId))
    .orderBy(desc(complaints.filedOn), desc(complaints.createdAt));
}

export async function insertComplaint(db: Executor, row: NewComplaintRow): Promise<ComplaintRow> {
  const [inserted] = await db.insert(complaints).values(row).returning();
  if (!inserted) throw new Error("insert returned no row");
  return inserted;
}

/** Appends a line to the follow-ups in SQL (two appends at once both land). */
export async function appendComplaintFollowUp(db: Executor, params: { caseId: string; id: string; line: string }) {
  const [row] = await db
    .update(complaints)
    .set({
      followUps: sql`case when ${complaints.followUps} = '' then ${params.line} else ${complaints.followUps} || chr(10) || ${params.line} end`,
    })
    .where(and(eq(complaints.id, params.id), eq(complaints.caseId, params.caseId)))
    .returning();
  return row;
}

export async function setComplaintReplied(
  db: Executor,
  params: { caseId: string; id: string; repliedAt: Date | null },
) {
  const [row] = await db
    .update(complaints)
    .set({ repliedAt: params.repliedAt })
    .where(and(eq(complaints.id, params.id), eq(complaints.caseId, params.caseId)))
    .returning();
  return row;
}

export async function deleteComplaint(db: Executor, params: { caseId: string; id: string }): Promise<boolean> {
  const rows = await db
    .delete(complaints)
    .where(and(eq(complaints.id, params.id), eq(complaints.caseId, params.caseId)))
    .returning({ id: complaints.id });
  return rows.length > 0;
}
