import { eq, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { auditEvents, cases, evidence, users } from "../schema";

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

/**
 * Sets a new password hash and moves the session version on, so every session issued before is
 * refused at its next request. Returns the new session version.
 */
export async function setPasswordHash(db: Executor, userId: string, passwordHash: string): Promise<number> {
  const [row] = await db
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  if (!row) throw new Error("user not found");
  return row.sessionVersion;
}

/** The blob-store keys of every evidence file in the cases this user owns. */
export async function evidenceKeysOfOwner(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .select({ key: evidence.storageKey })
    .from(evidence)
    .innerJoin(cases, eq(cases.id, evidence.caseId))
    .where(eq(cases.ownerId, userId));
  return rows.map((r) => r.key);
}

/**
 * Deletes the account. The schema cascades the rest: the borrower's case with everything in it,
 * shares given to and by them, their notes; audit events keep their rows with the user link unset.
 * Returns false when there was no such account.
 */
export async function deleteUser(db: Executor, userId: string): Promise<boolean> {
  const rows = await db.delete(users).where(eq(users.id, userId)).returning({ id: users.id });
  return rows.length > 0;
}

/**
 * Before an account is deleted: its audit events keep only their type and time (the email,
 * address, browser and detail go), including sign-in attempts typed with its email.
 */
export async function anonymizeAuditEventsOf(db: Executor, userId: string, email: string): Promise<void> {
  await db
    .update(auditEvents)
    .set({ email: null, ip: null, userAgent: null, detail: null })
    .where(or(eq(auditEvents.userId, userId), eq(auditEvents.email, normalizeEmail(email))));
}

export type AuditEventType =
  | "sign_up"
  | "sign_in_success"
  | "sign_in_failure"
  | "sign_in_blocked"
  | "sign_out_everywhere"
  | "password_check_failure"
  | "password_changed"
  | "account_deleted"
  | "data_exported"
  | "share_invited"
  | "share_accepted"
  | "share_revoked"
  | "link_created"
  | "link_revoked";

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
