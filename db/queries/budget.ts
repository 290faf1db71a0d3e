import { cache } from "react";
import { asc, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { budgetItems } from "../schema";

export type BudgetItemRow = typeof budgetItems.$inferSelect;
export type NewBudgetItemRow = typeof budgetItems.$inferInsert;

/**
 * The budget lines of a case, in the order the borrower entered them.
 *
 * Deduplicated within one server render (React `cache`): the dashboard's procedures ask for it
 * several times in one request. Everywhere else (tRPC over HTTP, route handlers, scripts, tests)
 * each call queries. The result may be shared between callers: never mutate it.
 */
export const listBudgetItems = cache(async function listBudgetItems(
  db: Executor,
  caseId: string,
): Promise<BudgetItemRow[]> {
  return db
    .select()
    .from(budgetItems)
    .where(eq(budgetItems.caseId, caseId))
    .orderBy(asc(budgetItems.position), asc(budgetItems.createdAt));
});

/**
 * Replaces every budget line of a case with the given ones (positions follow the list order).
 * Two statements: run it in a transaction.
 */
export async function replaceBudgetItems(
  db: Executor,
  caseId: string,
  rows: Omit<NewBudgetItemRow, "caseId" | "position">[],
): Promise<BudgetItemRow[]> {
  await db.delete(budgetItems).where(eq(budgetItems.caseId, caseId));
  if (rows.length === 0) return [];
  return db
    .insert(budgetItems)
    .values(rows.map((r, position) => ({ ...r, caseId, position })))
    .returning();
}
