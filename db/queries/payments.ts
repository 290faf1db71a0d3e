import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { debts, payments, type PaymentRow } from "../schema";
import type { DebtRow } from "./debts";

export type { PaymentRow };

/** Every payment of a case, oldest first (by the day paid, then by when it was entered). */
export async function listPaymentsOfCase(db: Executor, caseId: string): Promise<PaymentRow[]> {
  return db
    .select()
    .from(payments)
    .where(eq(payments.caseId, caseId))
    .orderBy(asc(payments.paidOn), asc(payments.createdAt));
}

/** The payments of one debt of a case, newest first. */
export async function listPaymentsOfDebt(
  db: Executor,
  params: { caseId: string; debtId: string },
): Promise<PaymentRow[]> {
  return db
    .select()
    .from(payments)
    .where(and(eq(payments.caseId, params.caseId), eq(payments.debtId, params.debtId)))
    .orderBy(desc(payments.paidOn), desc(payments.createdAt));
}

/** The debt row, locked until the transaction ends (payments on one debt are applied one at a time). */
export async function lockDebtInCase(tx: Executor, params: { caseId: string; debtId: string }) {
  const [row] = await tx
    .select()
    .from(debts)
    .where(and(eq(debts.id, params.debtId), eq(debts.caseId, params.caseId)))
    .for("update");
  return row;
}

export async function insertPayment(tx: Executor, row: typeof payments.$inferInsert): Promise<PaymentRow> {
  const [inserted] = await tx.insert(payments).values(row).returning();
  if (!inserted) throw new Error("insert returned no row");
  return inserted;
}

/** Deletes a payment of the case and returns it; undefined when there is none with that id. */
export async function deletePaymentInCase(tx: Executor, params: { caseId: string; paymentId: string }) {
  const [row] = await tx
    .delete(payments)
    .where(and(eq(payments.id, params.paymentId), eq(payments.caseId, params.caseId)))
    .returning();
  return row;
}

/**
 * Writes a debt's new balance (computed from the row locked in the same transaction) and its
 * settlement, bumping the version so an edit form opened before the payment is refused.
 */
export async function applyToDebt(
  tx: Executor,
  params: { caseId: string; debtId: string },
  change: { outstanding: string; status?: DebtRow["status"]; settledOn?: string | null },
) {
  const [row] = await tx
    .update(debts)
    .set({
      outstanding: change.outstanding,
      ...(change.status ? { status: change.status } : {}),
      ...(change.settledOn !== undefined ? { settledOn: change.settledOn } : {}),
      version: sql`${debts.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(debts.id, params.debtId), eq(debts.caseId, params.caseId)))
    .returning();
  return row;
}
