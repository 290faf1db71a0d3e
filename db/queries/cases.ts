import { cache } from "react";
import { eq } from "drizzle-orm";
import type { Executor } from "../client";
import { cases } from "../schema";

export async function findCaseById(db: Executor, caseId: string) {
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId)).limit(1);
  return row;
}

/**
 * The case a borrower owns (one per borrower).
 *
 * Deduplicated within one server render (React `cache`): the dashboard's procedures ask for it
 * several times in one request. Everywhere else (tRPC over HTTP, route handlers, scripts, tests)
 * each call queries. The result may be shared between callers: never mutate it.
 */
export const findCaseOfOwner = cache(async function findCaseOfOwner(db: Executor, ownerId: string) {
  const [row] = await db.select().from(cases).where(eq(cases.ownerId, ownerId)).limit(1);
  return row;
});
