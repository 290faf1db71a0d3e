import { cache } from "react";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { planSteps, plans } from "../schema";

export type PlanRow = typeof plans.$inferSelect;
export type NewPlanRow = typeof plans.$inferInsert;
export type PlanStepRow = typeof planSteps.$inferSelect;

/**
 * The saved plan of a case, if any (one per case).
 *
 * Deduplicated within one server render (React `cache`), like the debts of a case: the
 * dashboard's procedures ask for it more than once. Elsewhere each call queries; never mutate the result.
 */
export const findPlanOfCase = cache(async function findPlanOfCase(
  db: Executor,
  caseId: string,
): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(plans).where(eq(plans.caseId, caseId)).limit(1);
  return row;
});

/** The first save of a case's plan; undefined when another save created it first. */
export async function insertPlanIfAbsent(db: Executor, row: NewPlanRow): Promise<PlanRow | undefined> {
  const [inserted] = await db.insert(plans).values(row).onConflictDoNothing({ target: plans.caseId }).returning();
  return inserted;
}

/**
 * Writes only when the plan still has the version the editor read; returns undefined when it
 * moved on, so a stale save is never silently applied.
 */
export async function updatePlanIfVersion(
  db: Executor,
  params: { caseId: string; version: number },
  changes: Partial<Omit<NewPlanRow, "caseId" | "id" | "version">>,
): Promise<PlanRow | undefined> {
  const [row] = await db
    .update(plans)
    .set({ ...changes, version: sql`${plans.version} + 1`, updatedAt: new Date() })
    .where(and(eq(plans.caseId, params.caseId), eq(plans.version, params.version)))
    .returning();
  return row;
}

/**
 * The checked steps of a case's self-rescue plan.
 *
 * Deduplicated within one server render (React `cache`), like the debts of a case: the
 * dashboard's procedures ask for it more than once. Elsewhere each call queries; never mutate the result.
 */
export const listPlanSteps = cache(async function listPlanSteps(db: Executor, caseId: string): Promise<PlanStepRow[]> {
  return db.select().from(planSteps).where(eq(planSteps.caseId, caseId));
});

/** Sets a step's date and note (a null date = not done), inserting the row if needed. */
export async function upsertPlanStep(
  db: Executor,
  params: { caseId: string; stepId: string; doneOn: string | null; note: string },
): Promise<PlanStepRow | undefined> {
  const [row] = await db
    .insert(planSteps)
    .values({ ...params, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: [planSteps.caseId, planSteps.stepId],
      set: { doneOn: params.doneOn, note: params.note, updatedAt: new Date() },
    })
    .returning();
  return row;
}

export async function deletePlanStep(db: Executor, params: { caseId: string; stepId: string }): Promise<void> {
  await db.delete(planSteps).where(and(eq(planSteps.caseId, params.caseId), eq(planSteps.stepId, params.stepId)));
}
