/**
 * Sharing a case: invitations to counselors, counselor notes, and read-only progress links.
 * Access has been decided by the caller (server/access); these functions act on the case given.
 */
import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  findLinkByHash,
  findShare,
  lastActivityOfCases,
  nextDeadlineOfCases,
  listAccessLog,
  listActiveCasesOfCounselor,
  listInvitationsForEmail,
  listLinksOfCase,
  listNotesOfCase,
  listSharesOfCase,
  recordCaseAccess,
} from "@/db/queries/sharing";
import { findUserByEmail, normalizeEmail } from "@/db/queries/users";
import { caseShares, counselorNotes, shareLinks } from "@/db/schema";
import { recordCaseAuditEvent } from "@/server/auth/audit";
import { recordShareLinkGuess, shareLinkGuessesBlocked } from "@/server/auth/rate-limit";
import type { SessionUser } from "@/server/auth/session";
import { AppError } from "@/server/errors";
import { daysBetween } from "@/server/domain/legal";
import { debtOverview } from "./debts";

// ----- counselors -------------------------------------------------------------------------------

export async function inviteCounselor(db: Database, caseId: string, ownerEmail: string, rawEmail: string) {
  const email = normalizeEmail(rawEmail);
  if (email === normalizeEmail(ownerEmail)) throw new AppError("BAD_INPUT", "不能邀请自己，请填写债务顾问的邮箱");
  const existing = await findShare(db, { caseId, counselorEmail: email });
  if (existing && (existing.status === "pending" || existing.status === "active")) {
    throw new AppError(
      "CONFLICT",
      existing.status === "active" ? "这位顾问已经可以查看您的案件" : "已经邀请过这位顾问，正在等待对方接受",
    );
  }
  const known = await findUserByEmail(db, email);
  if (known && known.role !== "counselor") {
    // Say no more than needed: the account exists but is not a counselor account.
    throw new AppError("BAD_INPUT", "这个邮箱不是债务顾问账户。请让对方用这个邮箱注册为“债务顾问”后再邀请");
  }
  if (existing) {
    await db
      .update(caseShares)
      .set({ status: "pending", counselorId: null, invitedAt: new Date(), respondedAt: null, revokedAt: null })
      .where(eq(caseShares.id, existing.id));
    await recordCaseAuditEvent(db, caseId, "share_invited", { detail: email });
    return { id: existing.id };
  }
  const [row] = await db.insert(caseShares).values({ caseId, counselorEmail: email }).returning({ id: caseShares.id });
  if (!row) throw new Error("insert returned no row");
  await recordCaseAuditEvent(db, caseId, "share_invited", { detail: email });
  return row;
}

/** Revocation takes effect on the counselor's very next request: access is read from this row. */
export async function revokeShare(db: Database, caseId: string, shareId: string) {
  const [row] = await db
    .update(caseShares)
    .set({ status: "revoked", revokedAt: new Date() })
    .where(and(eq(caseShares.id, shareId), eq(caseShares.caseId, caseId)))
    .returning({ id: caseShares.id, counselorEmail: caseShares.counselorEmail });
  if (!row) throw new AppError("NOT_FOUND", "找不到这条授权");
  await recordCaseAuditEvent(db, caseId, "share_revoked", { detail: row.counselorEmail });
  return { id: row.id };
}

export async function respondToInvitation(db: Database, counselor: SessionUser, shareId: string, accept: boolean) {
  const [row] = await db
    .update(caseShares)
    .set({
      status: accept ? "active" : "declined",
      counselorId: accept ? counselor.id : null,
      respondedAt: new Date(),
    })
    .where(
      and(
        eq(caseShares.id, shareId),
        eq(caseShares.counselorEmail, normalizeEmail(counselor.email)),
        eq(caseShares.status, "pending"),
      ),
    )
    .returning({ id: caseShares.id, caseId: caseShares.caseId });
  if (!row) throw new AppError("NOT_FOUND", "找不到这条邀请，它可能已被撤回");
  if (accept) {
    await recordCaseAuditEvent(db, row.caseId, "share_accepted", {
      detail: normalizeEmail(counselor.email),
      alsoUserId: counselor.id,
    });
  }
  return row;
}

export function sharesOfCase(db: Database, caseId: string) {
  return listSharesOfCase(db, caseId);
}

export function invitationsFor(db: Database, counselor: SessionUser) {
  return listInvitationsForEmail(db, normalizeEmail(counselor.email));
}

function isWithinDays(date: string | undefined, today: string, days: number): boolean {
  return date !== undefined && daysBetween(today, date) <= days;
}

const STAGE_RANK: Record<string, number> = { current: 0, early: 1, reported: 2, collection: 3 };

/**
 * The counselor's clients, most urgent first: a court deadline within 15 days, then the worst
 * overdue stage, loans above the lines, amount owed.
 */
export async function counselorClients(db: Database, counselor: SessionUser, today: string) {
  const active = await listActiveCasesOfCounselor(db, counselor.id);
  const caseIds = active.map((c) => c.caseId);
  const [deadlineOf, activityOf] = await Promise.all([
    nextDeadlineOfCases(db, caseIds),
    lastActivityOfCases(db, caseIds),
  ]);
  const clients = await Promise.all(
    active.map(async (c) => {
      const overview = await debtOverview(db, c.caseId, today);
      const worst = overview.items.reduce(
        (acc, d) => ((STAGE_RANK[d.stage.id] ?? 0) > (STAGE_RANK[acc.id] ?? 0) ? d.stage : acc),
        { id: "current", label: "未逾期" } as { id: string; label: string },
      );
      return {
        caseId: c.caseId,
        borrowerName: c.borrowerName,
        since: c.since,
        owed: overview.totals.owed,
        aboveLineCount: overview.totals.aboveLineCount,
        debtCount: overview.totals.activeCount,
        worstStage: worst,
        nextDeadline: deadlineOf.get(c.caseId) ?? null,
        lastActivity: activityOf.get(c.caseId) ?? null,
        urgency:
          (isWithinDays(deadlineOf.get(c.caseId), today, 15) ? 100 : 0) +
          (STAGE_RANK[worst.id] ?? 0) * 10 +
          Math.min(overview.totals.aboveLineCount, 9),
      };
    }),
  );
  return clients.sort((a, b) => b.urgency - a.urgency || Number(b.owed) - Number(a.owed));
}

// ----- notes ------------------------------------------------------------------------------------

export async function addNote(db: Database, caseId: string, authorId: string, body: string) {
  const [row] = await db.insert(counselorNotes).values({ caseId, authorId, body }).returning({ id: counselorNotes.id });
  if (!row) throw new Error("insert returned no row");
  return row;
}

export function notesOfCase(db: Database, caseId: string) {
  return listNotesOfCase(db, caseId);
}

export async function setNoteDone(db: Database, caseId: string, noteId: string, done: boolean) {
  const [row] = await db
    .update(counselorNotes)
    .set({ doneAt: done ? new Date() : null })
    .where(and(eq(counselorNotes.id, noteId), eq(counselorNotes.caseId, caseId)))
    .returning({ id: counselorNotes.id });
  if (!row) throw new AppError("NOT_FOUND", "找不到这条建议");
  return row;
}

export function recordCounselorView(db: Database, caseId: string, counselorId: string, what: string) {
  return recordCaseAccess(db, { caseId, viewer: "counselor", counselorId, what });
}

export function accessLogOfCase(db: Database, caseId: string) {
  return listAccessLog(db, caseId);
}

// ----- progress links ---------------------------------------------------------------------------

export const LINK_DAYS = [7, 30, 90] as const;

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** 32 random bytes, base64url. Only the SHA-256 is stored; the token is shown once. */
export async function createProgressLink(
  db: Database,
  caseId: string,
  input: { label: string; days: (typeof LINK_DAYS)[number]; showPlatforms: boolean },
  now: Date,
) {
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + input.days * 86_400_000);
  const [row] = await db
    .insert(shareLinks)
    .values({ caseId, tokenHash: hashToken(token), label: input.label, showPlatforms: input.showPlatforms, expiresAt })
    .returning({ id: shareLinks.id });
  if (!row) throw new Error("insert returned no row");
  await recordCaseAuditEvent(db, caseId, "link_created", { detail: input.label });
  return { id: row.id, token, expiresAt };
}

export async function revokeProgressLink(db: Database, caseId: string, linkId: string) {
  const [row] = await db
    .update(shareLinks)
    .set({ revokedAt: new Date() })
    .where(and(eq(shareLinks.id, linkId), eq(shareLinks.caseId, caseId), isNull(shareLinks.revokedAt)))
    .returning({ id: shareLinks.id, label: shareLinks.label });
  if (!row) throw new AppError("NOT_FOUND", "找不到这个链接，或它已经被收回");
  await recordCaseAuditEvent(db, caseId, "link_revoked", { detail: row.label });
  return { id: row.id };
}

export async function linksOfCase(db: Database, caseId: string, now: Date) {
  const rows = await listLinksOfCase(db, caseId);
  return rows.map((l) => ({
    id: l.id,
    label: l.label,
    showPlatforms: l.showPlatforms,
    expiresAt: l.expiresAt,
    createdAt: l.createdAt,
    viewCount: l.viewCount,
    lastViewedAt: l.lastViewedAt,
    state: l.revokedAt ? ("revoked" as const) : l.expiresAt <= now ? ("expired" as const) : ("active" as const),
  }));
}

/**
 * The link a token opens, or null for a wrong, expired or revoked token — the page shows the same
 * "not available" for all of them. Failed lookups are limited per address; a valid view is counted
 * and logged.
 */
export async function resolveProgressLink(db: Database, token: string, ip: string, now: Date) {
  if (await shareLinkGuessesBlocked(db, ip)) return null;
  const link = /^[A-Za-z0-9_-]{43}$/.test(token) ? await findLinkByHash(db, hashToken(token)) : undefined;
  if (!link || link.revokedAt || link.expiresAt <= now) {
    await recordShareLinkGuess(db, ip);
    return null;
  }
  await db
    .update(shareLinks)
    .set({ viewCount: link.viewCount + 1, lastViewedAt: now })
    .where(eq(shareLinks.id, link.id));
  await recordCaseAccess(db, { caseId: link.caseId, viewer: "link", shareLinkId: link.id, what: "progress" });
  return { caseId: link.caseId, showPlatforms: link.showPlatforms, label: link.label };
}
