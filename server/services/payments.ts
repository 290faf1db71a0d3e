/**
 * 还款记录: recording a payment lowers the debt's outstanding balance in the same transaction, and
 * settles the debt when it reaches zero; deleting a payment (a typo) puts both back. Access has
 * been decided by the caller (server/access); these functions only ever touch the case given.
 */
import type { Database } from "@/db/client";
import { listDebtsOfCase } from "@/db/queries/debts";
import {
  applyToDebt,
  deletePaymentInCase,
  insertPayment,
  listPaymentsOfCase,
  lockDebtInCase,
} from "@/db/queries/payments";
import type { RecordPaymentFields } from "@/server/api/schemas/payments";
import { formatYuan, sum, toDec } from "@/server/domain/money";
import { AppError } from "@/server/errors";
import { DEBT_NOT_FOUND } from "./debts";

export const PAYMENT_NOT_FOUND = "找不到这条还款记录，它可能已被删除";

/**
 * Records a payment. Refused (nothing written) when the day is in the future, the debt is
 * settled or archived, or the amount is more than what is left.
 */
export async function recordPayment(db: Database, caseId: string, fields: RecordPaymentFields, today: string) {
  if (fields.paidOn > today) throw new AppError("BAD_INPUT", `还款日期不能晚于今天（${today}）`);
  return db.transaction(async (tx) => {
    const debt = await lockDebtInCase(tx, { caseId, debtId: fields.debtId });
    if (!debt) throw new AppError("NOT_FOUND", DEBT_NOT_FOUND);
    if (debt.archivedAt !== null) {
      throw new AppError("BAD_INPUT", "这笔债务已归档。请先在债务详情里恢复它，再记录还款。");
    }
    if (debt.status === "settled") throw new AppError("BAD_INPUT", "这笔债务已结清，不需要再记录还款。");
    const outstanding = toDec(debt.outstanding);
    if (fields.amount.greaterThan(outstanding)) {
      throw new AppError(
        "BAD_INPUT",
        `还款金额 ${formatYuan(fields.amount)} 超过了这笔债务剩余待还的 ${formatYuan(outstanding)}。` +
          "如果对方同意减免，请先在债务里把剩余待还改成协商后的金额。",
      );
    }
    const left = outstanding.minus(fields.amount);
    const settles = left.isZero();
    const payment = await insertPayment(tx, {
      caseId,
      debtId: debt.id,
      amount: fields.amount.toFixed(2),
      paidOn: fields.paidOn,
      note: fields.note,
      settledFromStatus: settles ? debt.status : null,
    });
    const updated = await applyToDebt(
      tx,
      { caseId, debtId: debt.id },
      settles ? { outstanding: "0.00", status: "settled", settledOn: fields.paidOn } : { outstanding: left.toFixed(2) },
    );
    return { id: payment.id, outstanding: updated?.outstanding ?? left.toFixed(2), settled: settles };
  });
}

/** Deletes a payment and gives its amount back to the debt (and un-settles a debt it had settled). */
export async function deletePayment(db: Database, caseId: string, paymentId: string) {
  return db.transaction(async (tx) => {
    const payment = await deletePaymentInCase(tx, { caseId, paymentId });
    if (!payment) throw new AppError("NOT_FOUND", PAYMENT_NOT_FOUND);
    const debt = await lockDebtInCase(tx, { caseId, debtId: payment.debtId });
    if (!debt) throw new AppError("NOT_FOUND", DEBT_NOT_FOUND);
    const restored = toDec(debt.outstanding).plus(payment.amount).toFixed(2);
    await applyToDebt(
      tx,
      { caseId, debtId: debt.id },
      payment.settledFromStatus && debt.status === "settled"
        ? { outstanding: restored, status: payment.settledFromStatus, settledOn: null }
        : { outstanding: restored },
    );
    return { id: payment.id, outstanding: restored };
  });
}

/** "2026-11-27" → "2026-11". */
const monthOfDay = (day: string) => day.slice(0, 7);

/** The payment history of a case (or of one debt), newest first, with totals by month. */
export async function paymentHistory(db: Database, caseId: string, today: string, debtId?: string) {
  const [rows, debtRows] = await Promise.all([listPaymentsOfCase(db, caseId), listDebtsOfCase(db, caseId)]);
  const platform = new Map(debtRows.map((d) => [d.id, d.platform]));
  const chosen = debtId ? rows.filter((r) => r.debtId === debtId) : rows;
  const byMonth = new Map<string, string[]>();
  for (const r of chosen) {
    const key = monthOfDay(r.paidOn);
    byMonth.set(key, [...(byMonth.get(key) ?? []), r.amount]);
  }
  const thisMonth = monthOfDay(today);
  return {
    payments: chosen
      .slice()
      .reverse()
      .map((r) => ({
        id: r.id,
        debtId: r.debtId,
        platform: platform.get(r.debtId) ?? "",
        amount: r.amount,
        paidOn: r.paidOn,
        note: r.note,
        settledDebt: r.settledFromStatus !== null,
      })),
    totalPaid: sum(chosen.map((r) => r.amount)).toFixed(2),
    paidThisMonth: sum(byMonth.get(thisMonth) ?? []).toFixed(2),
    months: [...byMonth.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, amounts]) => ({ month, amount: sum(amounts).toFixed(2) })),
  };
}
export type PaymentHistory = Awaited<ReturnType<typeof paymentHistory>>;
