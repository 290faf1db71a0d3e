import { and, asc, desc, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { payments, type PaymentRow } from "../schema";

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
