import { and, asc, desc, eq, lte, sql } from "drizzle-orm";
import type { Executor } from "../client";
import {
  cases,
  emergencyFundEntries,
  habitDays,
  planProjections,
  rebuildChecklist,
  type EmergencyFundEntryRow,
  type PlanProjectionRow,
} from "../schema";

export type { EmergencyFundEntryRow };
export type HabitDayRow = typeof habitDays.$inferSelect;
export type HabitKind = HabitDayRow["habit"];
export type RebuildChecklistRow = typeof rebuildChecklist.$inferSelect;

/** The emergency fund entries of a case, oldest first (by day, then by when they were entered). */
export async function listFundEntries(db: Executor, caseId: string): Promise<EmergencyFundEntryRow[]> {
  return db
    .select()
    .from(emergencyFundEntries)
    .where(eq(emergencyFundEntries.caseId, caseId))
    .orderBy(asc(emergencyFundEntries.on), asc(emergencyFundEntries.createdAt));
}

/** Σ amount of a case's fund entries, as a decimal string ("0" without entries). */
export async function fundBalance(db: Executor, caseId: string): Promise<string> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${emergencyFundEntries.amount}), 0)::text` })
    .from(emergencyFundEntries)
    .where(eq(emergencyFundEntries.caseId, caseId));
  return row?.total ?? "0";
}

/** Locks the case row until the transaction ends, so fund entries of one case are written one at a time. */
export async function lockCase(tx: Executor, caseId: string): Promise<void> {
  await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).for("update");
}

export async function insertFundEntry(
  tx: Executor,
  row: typeof emergencyFundEntries.$inferInsert,
): Promise<EmergencyFundEntryRow> {
  const [inserted] = await tx.insert(emergencyFundEntries).values(row).returning();
  if (!inserted) throw new Error("insert returned no row");
  return inserted;
}

/** Deletes a fund entry of the case and returns it; undefined when the case has none with that id. */
export async function deleteFundEntryInCase(tx: Executor, params: { caseId: string; entryId: string }) {
  const [row] = await tx
    .delete(emergencyFundEntries)
    .where(and(eq(emergencyFundEntries.id, params.entryId), eq(emergencyFundEntries.caseId, params.caseId)))
    .returning();
  return row;
}

/** The days a case kept its habits, oldest first. */
export async function listHabitDays(db: Executor, caseId: string): Promise<HabitDayRow[]> {
  return db.select().from(habitDays).where(eq(habitDays.caseId, caseId)).orderBy(asc(habitDays.day));
}

/** Marks a habit kept on a day; a second check-in on the same day changes nothing. */
export async function insertHabitDay(db: Executor, row: { caseId: string; habit: HabitKind; day: string }) {
  await db.insert(habitDays).values(row).onConflictDoNothing();
}

export async function deleteHabitDay(db: Executor, row: { caseId: string; habit: HabitKind; day: string }) {
  await db
    .delete(habitDays)
    .where(and(eq(habitDays.caseId, row.caseId), eq(habitDays.habit, row.habit), eq(habitDays.day, row.day)));
}

export async function listChecklist(db: Executor, caseId: string): Promise<RebuildChecklistRow[]> {
  return db.select().from(rebuildChecklist).where(eq(rebuildChecklist.caseId, caseId));
}

export async function upsertChecklistItem(db: Executor, row: { caseId: string; itemId: string; doneOn: string }) {
  await db
    .insert(rebuildChecklist)
    .values(row)
    .onConflictDoUpdate({
      target: [rebuildChecklist.caseId, rebuildChecklist.itemId],
      set: { doneOn: row.doneOn, updatedAt: new Date() },
    });
}

export async function deleteChecklistItem(db: Executor, params: { caseId: string; itemId: string }) {
  await db
    .delete(rebuildChecklist)
    .where(and(eq(rebuildChecklist.caseId, params.caseId), eq(rebuildChecklist.itemId, params.itemId)));
}

/** The two latest projections of a case up to `month` ("YYYY-MM"), newest first. */
export async function recentPlanProjections(db: Executor, caseId: string, month: string): Promise<PlanProjectionRow[]> {
  return db
    .select()
    .from(planProjections)
    .where(and(eq(planProjections.caseId, caseId), lte(planProjections.month, month)))
    .orderBy(desc(planProjections.month))
    .limit(2);
}

/** Keeps `debtFreeMonth` as the month's projection (one row per case and month; rewritten only when it changed). */
export async function recordPlanProjection(
  db: Executor,
  row: { caseId: string; month: string; debtFreeMonth: string | null },
): Promise<void> {
  await db
    .insert(planProjections)
    .values(row)
    .onConflictDoUpdate({
      target: [planProjections.caseId, planProjections.month],
      set: { debtFreeMonth: row.debtFreeMonth, updatedAt: sql`now()` },
      setWhere: sql`${planProjections.debtFreeMonth} is distinct from excluded.debt_free_month`,
    });
}
