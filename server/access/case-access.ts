/**
 * The single place that decides who may read or write which case. Every procedure touching a case
 * goes through `requireCaseAccess`; nothing else decides.
 *
 * - The case's owner (a borrower) may read and write it.
 * - Anyone else is refused. (Counselors gain read access through shares, decided here too.)
 */
import type { Database } from "@/db/client";
import { findCaseById, findCaseOfOwner } from "@/db/queries/cases";
import type { SessionUser } from "@/server/auth/session";
import { AppError } from "@/server/errors";

export type CaseAccessMode = "read" | "write";

export interface CaseAccess {
  caseId: string;
  ownerId: string;
  /** What this actor may do: "owner" may write; others read only. */
  role: "owner";
}

export const CASE_NOT_AVAILABLE = "找不到这个案件，或您没有查看它的权限";

export async function requireCaseAccess(
  db: Database,
  actor: SessionUser,
  caseId: string,
  mode: CaseAccessMode,
): Promise<CaseAccess> {
  const found = await findCaseById(db, caseId);
  if (found && found.ownerId === actor.id) return { caseId: found.id, ownerId: found.ownerId, role: "owner" };
  // A case one may not see is indistinguishable from one that does not exist.
  throw new AppError(mode === "write" ? "FORBIDDEN" : "NOT_FOUND", CASE_NOT_AVAILABLE);
}

/** The borrower's own case (created with the account). */
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
