import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { caseAccessLog, caseShares, cases, counselorNotes, deadlines, debts, shareLinks, users } from "../schema";

export async function findShare(db: Executor, params: { caseId: string; counselorEmail: string }) {
  const [row] = await db
    .select()
    .from(caseShares)
    .where(and(eq(caseShares.caseId, params.caseId), eq(caseShares.counselorEmail, params.counselorEmail)))
    .limit(1);
  return row;
}

export async function listSharesOfCase(db: Executor, caseId: string) {
  return db
    .select({
      id: caseShares.id,
      counselorEmail: caseShares.counselorEmail,
      counselorName: users.displayName,
      status: caseShares.status,
      invitedAt: caseShares.invitedAt,
      respondedAt: caseShares.respondedAt,
      revokedAt: caseShares.revokedAt,
    })
    .from(caseShares)
    .leftJoin(users, eq(users.id, caseShares.counselorId))
    .where(eq(caseShares.caseId, caseId))
    .orderBy(desc(caseShares.invitedAt));
}

/** Pending invitations addressed to this email, with the borrower's name. */
export async function listInvitationsForEmail(db: Executor, email: string) {
  return db
    .select({
      id: caseShares.id,
      caseId: caseShares.caseId,
      borrowerName: users.displayName,
      invitedAt: caseShares.invitedAt,
    })
    .from(caseShares)
    .innerJoin(cases, eq(cases.id, caseShares.caseId))
    .innerJoin(users, eq(users.id, cases.ownerId))
    .where(and(eq(caseShares.counselorEmail, email), eq(caseShares.status, "pending")))
    .orderBy(desc(caseShares.invitedAt));
}

/** Cases actively shared with this counselor, with the borrower's name. */
export async function listActiveCasesOfCounselor(db: Executor, counselorId: string) {
  return db
    .select({ caseId: caseShares.caseId, borrowerName: users.displayName, since: caseShares.respondedAt })
    .from(caseShares)
    .innerJoin(cases, eq(cases.id, caseShares.caseId))
    .innerJoin(users, eq(users.id, cases.ownerId))
    .where(and(eq(caseShares.counselorId, counselorId), eq(caseShares.status, "active")));
}

export async function listNotesOfCase(db: Executor, caseId: string) {
  return db
    .select({
      id: counselorNotes.id,
      body: counselorNotes.body,
      authorName: users.displayName,
      doneAt: counselorNotes.doneAt,
      createdAt: counselorNotes.createdAt,
    })
    .from(counselorNotes)
    .innerJoin(users, eq(users.id, counselorNotes.authorId))
    .where(eq(counselorNotes.caseId, caseId))
    .orderBy(desc(counselorNotes.createdAt));
}

export async function listLinksOfCase(db: Executor, caseId: string) {
  return db.select().from(shareLinks).where(eq(shareLinks.caseId, caseId)).orderBy(desc(shareLinks.createdAt));
}

export async function findLinkByHash(db: Executor, tokenHash: string) {
  const [row] = await db.select().from(shareLinks).where(eq(shareLinks.tokenHash, tokenHash)).limit(1);
  return row;
}

export async function recordCaseAccess(
  db: Executor,
  entry: { caseId: string; viewer: "counselor" | "link"; counselorId?: string; shareLinkId?: string; what: string },
) {
  await db.insert(caseAccessLog).values(entry);
}

export async function listAccessLog(db: Executor, caseId: string) {
  return db
    .select({
      id: caseAccessLog.id,
      viewer: caseAccessLog.viewer,
      counselorName: users.displayName,
      linkLabel: shareLinks.label,
      what: caseAccessLog.what,
      at: caseAccessLog.at,
    })
    .from(caseAccessLog)
    .leftJoin(users, eq(users.id, caseAccessLog.counselorId))
    .leftJoin(shareLinks, eq(shareLinks.id, caseAccessLog.shareLinkId))
    .where(eq(caseAccessLog.caseId, caseId))
    .orderBy(desc(caseAccessLog.at))
    .limit(100);
}

/** The borrower's last change to each case: a debt edited or a note or deadline added. */
export async function lastActivityOfCases(db: Executor, caseIds: string[]) {
  if (caseIds.length === 0) return new Map<string, Date>();
  const rows = await db
    .select({ caseId: debts.caseId, at: sql<string>`max(${debts.updatedAt})` })
    .from(debts)
    .where(inArray(debts.caseId, caseIds))
    .groupBy(debts.caseId);
  return new Map(rows.map((r) => [r.caseId, new Date(r.at)]));
}

/** The earliest open court deadline of each case ("YYYY-MM-DD"). */
export async function nextDeadlineOfCases(db: Executor, caseIds: string[]) {
  if (caseIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ caseId: deadlines.caseId, dueOn: sql<string>`min(${deadlines.dueOn})` })
    .from(deadlines)
    .where(and(inArray(deadlines.caseId, caseIds), isNull(deadlines.doneAt)))
    .groupBy(deadlines.caseId);
  return new Map(rows.map((r) => [r.caseId, String(r.dueOn)]));
}
