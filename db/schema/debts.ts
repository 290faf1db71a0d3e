import { sql } from "drizzle-orm";
import { check, date, index, integer, numeric, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { DEBT_KINDS, DEBT_STATUSES, LENDER_KINDS, REPAYMENT_METHODS } from "../../server/domain/debt-vocabulary";
import { cases } from "./cases";

/** 借款类型 */
export const debtKind = pgEnum("debt_kind", DEBT_KINDS);
/** Who the lender is, as far as the borrower knows (decides which legal lines apply). */
export const lenderKind = pgEnum("lender_kind", LENDER_KINDS);
/** 正常 · 逾期 · 协商中 · 已停催 · 已结清 · 已暂停 */
export const debtStatus = pgEnum("debt_status", DEBT_STATUSES);
/** How the borrower described the repayment schedule; the real rate is computed from it. */
export const repaymentMethod = pgEnum("repayment_method", REPAYMENT_METHODS);

export const debts = pgTable(
  "debts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    platform: text("platform").notNull(),
    debtKind: debtKind("debt_kind").notNull(),
    lenderKind: lenderKind("lender_kind").notNull().default("unknown"),
    /** 借款金额 */
    principal: numeric("principal", { precision: 14, scale: 2 }).notNull(),
    /** 实际到手 (principal minus fees deducted in advance) */
    received: numeric("received", { precision: 14, scale: 2 }).notNull(),
    /** 剩余待还 */
    outstanding: numeric("outstanding", { precision: 14, scale: 2 }).notNull(),
    repaymentMethod: repaymentMethod("repayment_method").notNull(),
    installmentCount: integer("installment_count"),
    /** 每期还款 (for fixedInstallments) */
    installmentAmount: numeric("installment_amount", { precision: 14, scale: 2 }),
    /** Monthly fee rate or monthly interest rate as a fraction, by method. */
    monthlyRate: numeric("monthly_rate", { precision: 9, scale: 6 }),
    /** The first installment of the schedule (what is due each month). */
    monthlyPayment: numeric("monthly_payment", { precision: 14, scale: 2 }),
    /** 实际年化利率: nominal annual rate from the IRR, as a fraction; null when no schedule is known. */
    realAnnualRate: numeric("real_annual_rate", { precision: 12, scale: 6 }),
    /** 复利年化 */
    effectiveAnnualRate: numeric("effective_annual_rate", { precision: 18, scale: 6 }),
    contractDate: date("contract_date"),
    /** 最早一期未还的还款日: overdue days are counted from it. */
    firstMissedDueDate: date("first_missed_due_date"),
    status: debtStatus("status").notNull().default("current"),
    /** 结清日期: the day the debt was settled (by the last payment or by hand); credit milestones count from it. */
    settledOn: date("settled_on"),
    notes: text("notes").notNull().default(""),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    /** Optimistic concurrency: every edit carries the version it read. */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("debts_case_idx").on(t.caseId),
    check("debts_amounts_non_negative", sql`${t.principal} > 0 and ${t.received} > 0 and ${t.outstanding} >= 0`),
    check("debts_received_le_principal", sql`${t.received} <= ${t.principal}`),
  ],
);
