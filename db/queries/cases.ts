import { eq } from "drizzle-orm";
import type { Executor } from "../client";
import { cases } from "../schema";

export async function findCaseById(db: Executor, caseId: string) {
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId)).limit(1);
  return row;
}

export async function findCaseOfOwner(db: Executor, ownerId: string) {
  const [row] = await db.select().from(cases).where(eq(cases.ownerId, ownerId)).limit(1);
  return row;
}
