import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { contactLogs, deadlines, evidence } from "../schema";

export type ContactLogRow = typeof contactLogs.$inferSelect;
export type NewContactLogRow = typeof contactLogs.$inferInsert;
export type EvidenceRow = typeof evidence.$inferSelect;
export type NewEvidenceRow = typeof evidence.$inferInsert;
export type DeadlineRow = typeof deadlines.$inferSelect;
export type NewDeadlineRow = typeof deadlines.$inferInsert;

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
