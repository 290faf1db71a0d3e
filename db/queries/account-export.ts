/**
 * Everything Shore holds about one account, for the export the Personal Information Protection
 * Law gives people (个人信息保护法 第四十五条: access and portability). Secrets are left out: the
 * password hash, share-link token hashes and the blob store's internal keys.
 */
import { asc, eq, getTableColumns, or } from "drizzle-orm";
import type { Executor } from "../client";
import {
  agreements,
  auditEvents,
  budgetItems,
  caseAccessLog,
  cases,
  caseShares,
  complaints,
  contactLogs,
  counselorNotes,
  deadlines,
  debts,
  emergencyFundEntries,
  evidence,
  habitDays,
  payments,
  planProjections,
  planSteps,
  plans,
  rebuildChecklist,
  shareLinks,
  users,
} from "../schema";

function without<T extends Record<string, unknown>, K extends keyof T>(columns: T, ...keys: K[]): Omit<T, K> {
  const copy = { ...columns };
  for (const key of keys) delete copy[key];
  return copy;
}

const accountColumns = without(getTableColumns(users), "passwordHash");
const linkColumns = without(getTableColumns(shareLinks), "tokenHash");
const evidenceColumns = without(getTableColumns(evidence), "storageKey");

/** The evidence files of the case: metadata for the manifest, and the key to read each blob (never exported). */
export async function evidenceFilesOfCase(db: Executor, caseId: string) {
  return db
    .select({ ...evidenceColumns, storageKey: evidence.storageKey })
    .from(evidence)
    .where(eq(evidence.caseId, caseId))
    .orderBy(asc(evidence.uploadedAt), asc(evidence.id));
}

async function caseData(db: Executor, caseId: string) {
  const byCase = <T extends { caseId: unknown }>(table: T) => eq(table.caseId as never, caseId);
  const [
    debtRows,
    paymentRows,
    budgetRows,
    planRows,
    planStepRows,
    contactRows,
    agreementRows,
    complaintRows,
    deadlineRows,
    evidenceRows,
    shareRows,
    linkRows,
    noteRows,
    accessRows,
    fundRows,
    habitRows,
    checklistRows,
    projectionRows,
  ] = await Promise.all([
    db.select().from(debts).where(byCase(debts)).orderBy(asc(debts.createdAt)),
    db.select().from(payments).where(byCase(payments)).orderBy(asc(payments.paidOn), asc(payments.createdAt)),
    db.select().from(budgetItems).where(byCase(budgetItems)).orderBy(asc(budgetItems.position)),
    db.select().from(plans).where(byCase(plans)),
    db.select().from(planSteps).where(byCase(planSteps)).orderBy(asc(planSteps.stepId)),
    db.select().from(contactLogs).where(byCase(contactLogs)).orderBy(asc(contactLogs.occurredAt)),
    db.select().from(agreements).where(byCase(agreements)).orderBy(asc(agreements.agreedOn)),
    db.select().from(complaints).where(byCase(complaints)).orderBy(asc(complaints.filedOn)),
    db.select().from(deadlines).where(byCase(deadlines)).orderBy(asc(deadlines.dueOn)),
    db.select(evidenceColumns).from(evidence).where(byCase(evidence)).orderBy(asc(evidence.uploadedAt)),
    db
      .select({ ...getTableColumns(caseShares), counselorName: users.displayName })
      .from(caseShares)
      .leftJoin(users, eq(users.id, caseShares.counselorId))
      .where(byCase(caseShares))
      .orderBy(asc(caseShares.invitedAt)),
    db.select(linkColumns).from(shareLinks).where(byCase(shareLinks)).orderBy(asc(shareLinks.createdAt)),
    db
      .select({ ...getTableColumns(counselorNotes), authorName: users.displayName })
      .from(counselorNotes)
      .leftJoin(users, eq(users.id, counselorNotes.authorId))
      .where(byCase(counselorNotes))
      .orderBy(asc(counselorNotes.createdAt)),
    db.select().from(caseAccessLog).where(byCase(caseAccessLog)).orderBy(asc(caseAccessLog.at)),
    db.select().from(emergencyFundEntries).where(byCase(emergencyFundEntries)).orderBy(asc(emergencyFundEntries.on)),
    db.select().from(habitDays).where(byCase(habitDays)).orderBy(asc(habitDays.day)),
    db.select().from(rebuildChecklist).where(byCase(rebuildChecklist)),
    db.select().from(planProjections).where(byCase(planProjections)).orderBy(asc(planProjections.month)),
  ]);
  return {
    debts: debtRows,
    payments: paymentRows,
    budgetItems: budgetRows,
    plan: planRows[0] ?? null,
    planSteps: planStepRows,
    contactLogs: contactRows,
    agreements: agreementRows,
    complaints: complaintRows,
    deadlines: deadlineRows,
    evidence: evidenceRows,
    counselorShares: shareRows,
    progressLinks: linkRows,
    counselorNotes: noteRows,
    accessLog: accessRows,
    emergencyFund: fundRows,
    habits: habitRows,
    rebuildChecklist: checklistRows,
    planProjections: projectionRows,
  };
}

export type CaseExport = Awaited<ReturnType<typeof caseData>>;

/**
 * The account (no password hash), its audit events, and: for a borrower, their case with
 * everything in it; for a counselor, the shares they hold and the notes they wrote.
 */
export async function accountExportData(db: Executor, userId: string) {
  const [account] = await db.select(accountColumns).from(users).where(eq(users.id, userId)).limit(1);
  if (!account) return null;
  const events = await db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.userId, userId))
    .orderBy(asc(auditEvents.createdAt));
  const [ownCase] = await db.select().from(cases).where(eq(cases.ownerId, userId)).limit(1);
  const data = ownCase ? { ...ownCase, ...(await caseData(db, ownCase.id)) } : null;
  const counselor =
    account.role === "counselor"
      ? {
          shares: await db
            .select({
              id: caseShares.id,
              caseId: caseShares.caseId,
              status: caseShares.status,
              invitedAt: caseShares.invitedAt,
              respondedAt: caseShares.respondedAt,
              revokedAt: caseShares.revokedAt,
            })
            .from(caseShares)
            .where(or(eq(caseShares.counselorId, userId), eq(caseShares.counselorEmail, account.email)))
            .orderBy(asc(caseShares.invitedAt)),
          notesWritten: await db
            .select()
            .from(counselorNotes)
            .where(eq(counselorNotes.authorId, userId))
            .orderBy(asc(counselorNotes.createdAt)),
          caseViews: await db
            .select()
            .from(caseAccessLog)
            .where(eq(caseAccessLog.counselorId, userId))
            .orderBy(asc(caseAccessLog.at)),
        }
      : null;
  return { account, auditEvents: events, case: data, counselor };
}

export type AccountExport = NonNullable<Awaited<ReturnType<typeof accountExportData>>>;
