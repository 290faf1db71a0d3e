import { sql } from "drizzle-orm";
import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { users } from "./users";

/** An invitation to a counselor: pending until accepted or declined; revoked by the borrower. */
export const caseShareStatus = pgEnum("case_share_status", ["pending", "active", "declined", "revoked"]);

/** 与债务顾问共享: one row per case and counselor email. */
export const caseShares = pgTable(
  "case_shares",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    /** Lower-cased; the invitation waits for a counselor account with this email. */
    counselorEmail: text("counselor_email").notNull(),
    /** Set when the counselor accepts. */
    counselorId: uuid("counselor_id").references(() => users.id, { onDelete: "cascade" }),
    status: caseShareStatus("status").notNull().default("pending"),
    invitedAt: timestamp("invited_at", { withTimezone: true }).notNull().defaultNow(),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("case_shares_case_email_unique").on(t.caseId, t.counselorEmail),
    index("case_shares_counselor_idx").on(t.counselorId, t.status),
    index("case_shares_email_idx").on(t.counselorEmail, t.status),
  ],
);

/** 顾问建议: a counselor's note or recommendation the borrower sees and can mark done. */
export const counselorNotes = pgTable(
  "counselor_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    doneAt: timestamp("done_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("counselor_notes_case_idx").on(t.caseId, t.createdAt)],
);

/** 进度分享链接: only the SHA-256 of the token is stored. */
export const shareLinks = pgTable(
  "share_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    /** Hex SHA-256 of the token. */
    tokenHash: text("token_hash").notNull(),
    /** For whom (e.g. "妈妈"). */
    label: text("label").notNull(),
    showPlatforms: boolean("show_platforms").notNull().default(false),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    viewCount: integer("view_count").notNull().default(0),
    lastViewedAt: timestamp("last_viewed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("share_links_token_hash_unique").on(t.tokenHash), index("share_links_case_idx").on(t.caseId)],
);

/** 访问记录: every counselor view and every share-link view of a case. */
export const caseAccessLog = pgTable(
  "case_access_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    viewer: text("viewer", { enum: ["counselor", "link"] }).notNull(),
    counselorId: uuid("counselor_id").references(() => users.id, { onDelete: "set null" }),
    shareLinkId: uuid("share_link_id").references(() => shareLinks.id, { onDelete: "set null" }),
    /** What was viewed, e.g. "debts" or "progress". */
    what: text("what").notNull(),
    at: timestamp("at", { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [index("case_access_log_case_idx").on(t.caseId, t.at)],
);
