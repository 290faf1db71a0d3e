/**
 * Factories shared by the demo seed, integration tests and e2e: they create real rows through the
 * same code paths the app uses.
 */
import type { Database } from "../client";
import { applyToDebt, insertPayment, lockDebtInCase } from "../queries/payments";
import { insertFundEntry, insertHabitDay } from "../queries/recovery";
import { createUser, type UserRole } from "../queries/users";
import { hashPassword } from "@/server/auth/password";
import { Dec } from "@/server/domain/money";

export interface UserFactoryInput {
  email: string;
  password: string;
  displayName: string;
  role: UserRole;
}

export async function createAccount(db: Database, input: UserFactoryInput) {
  const user = await createUser(db, {
    email: input.email,
    displayName: input.displayName,
    role: input.role,
    passwordHash: await hashPassword(input.password),
  });
  return user;
}

/**
 * A payment on a debt, as the app records one: the payment row and the debt's lower balance in
 * one transaction; a payment that clears the balance settles the debt on that day.
 */
export async function addPayment(
  db: Database,
  input: { caseId: string; debtId: string; amount: string; paidOn: string; note?: string },
) {
  return db.transaction(async (tx) => {
    const debt = await lockDebtInCase(tx, { caseId: input.caseId, debtId: input.debtId });
    if (!debt) throw new Error("no such debt in the case");
    const left = new Dec(debt.outstanding).minus(input.amount);
    const settles = !left.greaterThan(0);
    const payment = await insertPayment(tx, {
      caseId: input.caseId,
      debtId: input.debtId,
      amount: new Dec(input.amount).toFixed(2),
      paidOn: input.paidOn,
      note: input.note ?? "",
      settledFromStatus: settles ? debt.status : null,
    });
    await applyToDebt(
      tx,
      { caseId: input.caseId, debtId: input.debtId },
      settles ? { outstanding: "0.00", status: "settled", settledOn: input.paidOn } : { outstanding: left.toFixed(2) },
    );
    return payment;
  });
}

/** An emergency fund entry: positive puts money in, negative takes it out. */
export async function addFundEntryRow(
  db: Database,
  input: { caseId: string; amount: string; on: string; note?: string },
) {
  return insertFundEntry(db, { caseId: input.caseId, amount: input.amount, on: input.on, note: input.note ?? "" });
}

/** Days a habit was kept. */
export async function addHabitDays(
  db: Database,
  input: { caseId: string; habit: "spendingLogged" | "budgetKept"; days: readonly string[] },
) {
  for (const day of input.days) await insertHabitDay(db, { caseId: input.caseId, habit: input.habit, day });
}
