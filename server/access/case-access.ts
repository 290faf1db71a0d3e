/**
 * The single place that decides who may read or write which case. Every procedure and route
 * touching a case goes through here; nothing else decides.
 *
 * - The case's owner (a borrower) may read and write it.
 * - A counselor with an active (accepted, not revoked) share may read it, never write.
 * - Anyone else gets the same answer as for a case that does not exist (no existence leak).
 * - Progress links are decided in `resolveProgressLink` and only ever reach the progress summary.
 */
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { findCaseById, findCaseOfOwner } from "@/db/queries/cases";
import { caseShares } from "@/db/schema";
import type { SessionUser } from "@/server/auth/session";
import { AppError } from "@/server/errors";

export type CaseAccessMode = "read" | "write";

export interface CaseAccess {
  caseId: string;
  ownerId: string;
  /** "owner" may write; "counselor" reads only. */
  role: "owner" | "counselor";
}

export const CASE_NOT_AVAILABLE = "找不到这个案件，或您没有查看它的权限";

async function hasActiveShare(db: Database, caseId: string, counselorId: string): Promise<boolean> {
  const [share] = await db
    .select({ id: caseShares.id })
    .from(caseShares)
    .where(and(eq(caseShares.caseId, caseId), eq(caseShares.counselorId, counselorId), eq(caseShares.status, "active")))
    .limit(1);
  return Boolean(share);
}

export async function requireCaseAccess(
  db: Database,
  actor: SessionUser,
  caseId: string,
  mode: CaseAccessMode,
): Promise<CaseAccess> {
  const found = await findCaseById(db, caseId);
  if (found && found.ownerId === actor.id) return { caseId: found.id, ownerId: found.ownerId, role: "owner" };
  if (found && actor.role === "counselor" && (await hasActiveShare(db, found.id, actor.id))) {
    if (mode === "write") throw new AppError("FORBIDDEN", "债务顾问只能查看案件，不能修改借款人的数据");
    return { caseId: found.id, ownerId: found.ownerId, role: "counselor" };
  }
  // A case one may not see is indistinguishable from one that does not exist.
  throw new AppError("NOT_FOUND", CASE_NOT_AVAILABLE);
}

/** The borrower's own case (created with the account). Writes always go here. */
export async function requireOwnCase(db: Database, actor: SessionUser): Promise<CaseAccess> {
  if (actor.role !== "borrower") throw new AppError("FORBIDDEN", "只有借款人有自己的案件");
  const own = await findCaseOfOwner(db, actor.id);
  if (!own) throw new AppError("NOT_FOUND", "还没有您的案件，请重新登录后再试");
  return { caseId: own.id, ownerId: own.ownerId, role: "owner" };
}

/**
 * The case a read is about: the given one (access checked), or the borrower's own when none is
 * given.
 */
export function caseForRead(db: Database, actor: SessionUser, caseId: string | undefined): Promise<CaseAccess> {
  return caseId ? requireCaseAccess(db, actor, caseId, "read") : requireOwnCase(db, actor);
}

/** Only a counselor with an active share may write notes on a case. */
export async function requireCounselorOnCase(db: Database, actor: SessionUser, caseId: string): Promise<CaseAccess> {
  const access = await requireCaseAccess(db, actor, caseId, "read");
  if (access.role !== "counselor") throw new AppError("FORBIDDEN", "只有受邀的债务顾问可以写建议");
  return access;
}
