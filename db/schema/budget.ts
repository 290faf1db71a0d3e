import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { BUDGET_CATEGORIES } from "../../server/domain/budget-vocabulary";
import { STRATEGIES } from "../../server/domain/payoff-labels";
import { cases } from "./cases";

/** 收入 / 支出 */
export const budgetItemKind = pgEnum("budget_item_kind", ["income", "expense"]);
/** 必要支出 · 可选支出 · 储蓄 */
export const budgetCategory = pgEnum("budget_category", BUDGET_CATEGORIES);
/** 雪崩法 · 雪球法 · 自定义顺序 */
export const payoffStrategy = pgEnum("payoff_strategy", STRATEGIES);

/** 收支预算: one monthly income or spending line. */
export const budgetItems = pgTable(
  "budget_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    kind: budgetItemKind("kind").notNull(),
    /** Ignored for income. */
    category: budgetCategory("category").notNull().default("essential"),
    monthlyAmount: numeric("monthly_amount", { precision: 14, scale: 2 }).notNull(),
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("budget_items_case_idx").on(t.caseId),
    check("budget_items_amount_non_negative", sql`${t.monthlyAmount} >= 0`),
  ],
);

/**
 * 还款计划: the plan the borrower saved (one per case). Negotiated terms and one-off inflows are
 * validated with zod at the boundary and stored as JSON (amounts as decimal strings).
 */
export const plans = pgTable(
  "plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    strategy: payoffStrategy("strategy").notNull().default("avalanche"),
    /** Monthly amount for all debts; null = the repayment capacity from the budget. */
    monthlyBudget: numeric("monthly_budget", { precision: 14, scale: 2 }),
    /** "YYYY-MM" */
    startMonth: text("start_month").notNull(),
    customOrder: jsonb("custom_order").$type<string[]>().notNull().default([]),
    negotiatedTerms: jsonb("negotiated_terms").$type<unknown[]>().notNull().default([]),
    inflows: jsonb("inflows").$type<unknown[]>().notNull().default([]),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("plans_case_unique").on(t.caseId)],
);

/** 三个阶段: a checked step of the self-rescue plan, with its date and note. */
export const planSteps = pgTable(
  "plan_steps",
  {
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    stepId: text("step_id").notNull(),
    doneOn: date("done_on"),
    note: text("note").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.stepId] })],
);
