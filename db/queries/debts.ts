import { cache } from "react";
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { debts } from "../schema";

export type DebtRow = typeof debts.$inferSelect;
export type NewDebtRow = typeof debts.$inferInsert;
/** Column changes: values, or SQL computed from the row being updated. */
export type DebtChanges = { [K in keyof NewDebtRow]?: NewDebtRow[K] | SQL };

/**
 * The debts of a case, oldest first.
 *
 * Deduplicated within one server render (React `cache`): the dashboard's procedures ask for it
 * several times in one request. Everywhere else (tRPC over HTTP, route handlers, scripts, tests)
 * each call queries. The result may be shared between callers: never mutate it.
 */
export const listDebtsOfCase = cache(async function listDebtsOfCase(db: Executor, caseId: string): Promise<DebtRow[]> {
  return db.select().from(debts).where(eq(debts.caseId, caseId)).orderBy(asc(debts.createdAt));
});

/** A debt, only when it belongs to the given case. */
export async function findDebtInCase(db: Executor, params: { caseId: string; debtId: string }) {
  const [row] = await db
    .select()
    .from(debts)
    .where(and(eq(debts.id, params.debtId), eq(debts.caseId, params.caseId)))
    .limit(1);
  return row;
}

export async function insertDebts(db: Executor, rows: NewDebtRow[]): Promise<DebtRow[]> {
  if (rows.length === 0) return [];
  return db.insert(debts).values(rows).returning();
}

/**
 * Writes only when the row still has the version the editor read; returns undefined when it
 * moved on (or is not in this case), so a stale edit is never silently applied.
 */
export async function updateDebtIfVersion(
  db: Executor,
  params: { caseId: string; debtId: string; version: number },
  changes: DebtChanges,
): Promise<DebtRow | undefined> {
  const [row] = await db
    .update(debts)
    .set({ ...changes, version: sql`${debts.version} + 1`, updatedAt: new Date() })
    .where(and(eq(debts.id, params.debtId), eq(debts.caseId, params.caseId), eq(debts.version, params.version)))
    .returning();
  return row;
}
