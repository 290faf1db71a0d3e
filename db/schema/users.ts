import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** 借款人 borrower · 债务顾问 counselor */
export const userRole = pgEnum("user_role", ["borrower", "counselor"]);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Stored lower-cased and trimmed; unique. */
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    role: userRole("role").notNull(),
    passwordHash: text("password_hash").notNull(),
    /**
     * Incremented by "sign out on all devices" and by a password change. A session carries the
     * version it was issued with and is refused on the next request once they differ.
     */
    sessionVersion: integer("session_version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_unique").on(sql`lower(${t.email})`)],
);

/** Security-relevant events: sign-in success and failure, sign-up, sign-out everywhere… */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The account concerned, when one is known (a failed sign-in for an unknown email has none). */
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    type: text("type").notNull(),
    /** The email as typed, for sign-in attempts (lower-cased). */
    email: text("email"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    detail: text("detail"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audit_events_user_idx").on(t.userId, t.createdAt)],
);
