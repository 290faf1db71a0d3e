/**
 * Security events about a case (sharing with counselors, progress links), recorded for the
 * people concerned so each sees them on their account page. The case's owner always; another
 * account (e.g. the counselor who accepted) when given.
 */
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { recordAuditEvent, type AuditEventType } from "@/db/queries/users";
import { cases } from "@/db/schema";

export type CaseAuditEventType = Extract<
  AuditEventType,
  "share_invited" | "share_accepted" | "share_revoked" | "link_created" | "link_revoked"
>;

export async function recordCaseAuditEvent(
  db: Executor,
  caseId: string,
  type: CaseAuditEventType,
  { detail, alsoUserId }: { detail?: string | null; alsoUserId?: string | null } = {},
): Promise<void> {
  const [owner] = await db.select({ id: cases.ownerId }).from(cases).where(eq(cases.id, caseId)).limit(1);
  const userIds = new Set<string>();
  if (owner) userIds.add(owner.id);
  if (alsoUserId) userIds.add(alsoUserId);
  for (const userId of userIds) {
    await recordAuditEvent(db, { type, userId, detail: detail?.slice(0, 200) ?? null });
  }
}
