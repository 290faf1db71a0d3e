import { eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { auditEvents, cases, users } from "../schema";

export type UserRole = (typeof users.$inferSelect)["role"];

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Executor, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, normalizeEmail(email)))
    .limit(1);
  return user;
}

export async function findUserById(db: Executor, id: string) {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user;
}

/** Creates the account and, for a borrower, their case — in one transaction. */
export async function createUser(
  db: Executor,
  input: { email: string; displayName: string; role: UserRole; passwordHash: string },
) {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ ...input, email: normalizeEmail(input.email) })
      .returning();
    if (!user) throw new Error("insert returned no row");
    if (user.role === "borrower") await tx.insert(cases).values({ ownerId: user.id });
    return user;
  });
}

/** Ends every session of the user: the next request of any of them is refused. */
export async function bumpSessionVersion(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  if (!row) throw new Error("user not found");
  return row.sessionVersion;
}

export type AuditEventType =
  "sign_up" | "sign_in_success" | "sign_in_failure" | "sign_in_blocked" | "sign_out_everywhere";

export async function recordAuditEvent(
  db: Executor,
  event: {
    type: AuditEventType;
    userId?: string | null;
    email?: string | null;
    ip?: string | null;
    userAgent?: string | null;
    detail?: string | null;
  },
) {
  await db.insert(auditEvents).values({
    type: event.type,
    userId: event.userId ?? null,
    email: event.email ? normalizeEmail(event.email) : null,
    ip: event.ip ?? null,
    userAgent: event.userAgent?.slice(0, 300) ?? null,
    detail: event.detail ?? null,
  });
}

export async function listAuditEvents(db: Executor, userId: string) {
  return db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.userId, userId))
    .orderBy(sql`${auditEvents.createdAt} desc`)
    .limit(100);
}
