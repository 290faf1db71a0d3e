import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { debts, debtStatus } from "./debts";

/**
 * 还款记录: a payment the borrower made on a debt. Recording one lowers the debt's outstanding
 * balance in the same transaction; deleting one (a typo) puts it back.
 */
export const payments = pgTable(
  "payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    debtId: uuid("debt_id")
      .notNull()
      .references(() => debts.id, { onDelete: "cascade" }),
    amount: numeric("amount", { precision: 14, scale: 2 }).notNull(),
    paidOn: date("paid_on").notNull(),
    note: text("note").notNull().default(""),
    /** Set when this payment settled the debt: the status it had before, restored if the payment is deleted. */
    settledFromStatus: debtStatus("settled_from_status"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("payments_case_idx").on(t.caseId, t.paidOn),
    index("payments_debt_idx").on(t.debtId, t.paidOn),
    check("payments_amount_positive", sql`${t.amount} > 0`),
  ],
);

/** 应急金: money put into (positive) or taken out of (negative) the emergency fund. */
export const emergencyFundEntries = pgTable(
  "emergency_fund_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    amount: numeric("amount", { precision: 14, scale: 2 }).notNull(),
    on: date("on").notNull(),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("emergency_fund_entries_case_idx").on(t.caseId, t.on),
    check("emergency_fund_entries_amount_non_zero", sql`${t.amount} <> 0`),
  ],
);

/** 记账 / 守住预算: a day the borrower kept a habit (one row per case, habit and Shanghai day). */
export const habitKind = pgEnum("habit_kind", ["spendingLogged", "budgetKept"]);

export const habitDays = pgTable(
  "habit_days",
  {
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    habit: habitKind("habit").notNull(),
    day: date("day").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.habit, t.day] })],
);

/** 信用修复清单: a checked item (e.g. a dedicated repayment account opened), with its date. */
export const rebuildChecklist = pgTable(
  "rebuild_checklist",
  {
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    itemId: text("item_id").notNull(),
    doneOn: date("done_on").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.itemId] })],
);

/**
 * 预计上岸月份: the debt-free month the plan projected, kept once per case and Shanghai month (the
 * last projection seen in that month), so the dashboard can say how it moved since last month.
 * `debtFreeMonth` is null when the plan could not finish or there was nothing to pay.
 */
export const planProjections = pgTable(
  "plan_projections",
  {
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    month: text("month").notNull(),
    debtFreeMonth: text("debt_free_month"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.month] }),
    check("plan_projections_month_format", sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check(
      "plan_projections_debt_free_month_format",
      sql`${t.debtFreeMonth} is null or ${t.debtFreeMonth} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`,
    ),
  ],
);

/**
 * Rate-limit counters shared by every app instance (sign-in attempts, share-link guesses): a key,
 * the points used in the current window and when the window ends. The column names are the ones
 * rate-limiter-flexible's RateLimiterDrizzle expects.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    points: integer("points").notNull(),
    expire: timestamp("expire", { withTimezone: true }),
  },
  (t) => [index("rate_limits_expire_idx").on(t.expire)],
);

export type PaymentRow = typeof payments.$inferSelect;
export type PlanProjectionRow = typeof planProjections.$inferSelect;
export type EmergencyFundEntryRow = typeof emergencyFundEntries.$inferSelect;
