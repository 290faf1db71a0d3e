import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { debts } from "./debts";

/** 电话 · 短信 · App 消息 · 上门 · 联系紧急联系人或亲友 */
export const contactChannel = pgEnum("contact_channel", ["phone", "sms", "appMessage", "visit", "thirdParty"]);
/** Who started the contact: markers are derived only for contacts from the platform or collector. */
export const contactDirection = pgEnum("contact_direction", ["incoming", "outgoing"]);

/** 沟通记录: one contact (or a burst of identical calls) with a platform or a collector. */
export const contactLogs = pgTable(
  "contact_logs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    debtId: uuid("debt_id").references(() => debts.id, { onDelete: "set null" }),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    channel: contactChannel("channel").notNull(),
    direction: contactDirection("direction").notNull().default("incoming"),
    /** How many contacts this entry stands for (e.g. 9 missed calls logged at once). */
    contactCount: integer("contact_count").notNull().default(1),
    /** For calls: was it answered (unanswered calls count towards the daily limit). */
    answered: text("answered").$type<"yes" | "no" | "unknown">().notNull().default("unknown"),
    /** Who contacted: name, number, company as they said it. */
    counterpart: text("counterpart").notNull().default(""),
    summary: text("summary").notNull().default(""),
    outcome: text("outcome").notNull().default(""),
    /** Promises made by either side (承诺). */
    promises: text("promises").notNull().default(""),
    /** Manual harassment markers (违规催收标记), ids from server/domain/harassment.ts. */
    markers: text("markers")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("contact_logs_case_idx").on(t.caseId, t.occurredAt),
    check("contact_logs_count_positive", sql`${t.contactCount} between 1 and 500`),
  ],
);

/** 停催协议 · 分期协议 · 本金减免 · 延期还款 */
export const agreementKind = pgEnum("agreement_kind", ["stopCollection", "installment", "discount", "extension"]);

export const agreements = pgTable(
  "agreements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    debtId: uuid("debt_id")
      .notNull()
      .references(() => debts.id, { onDelete: "cascade" }),
    kind: agreementKind("kind").notNull(),
    terms: text("terms").notNull().default(""),
    /** The agreed total, installment or discounted amount, when there is one. */
    amount: numeric("amount", { precision: 14, scale: 2 }),
    agreedOn: date("agreed_on").notNull(),
    startsOn: date("starts_on"),
    endsOn: date("ends_on"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agreements_case_idx").on(t.caseId)],
);

/** 证据: a file kept exactly as uploaded; the blob lives in the blob store under `storageKey`. */
export const evidence = pgTable(
  "evidence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    debtId: uuid("debt_id").references(() => debts.id, { onDelete: "set null" }),
    contactLogId: uuid("contact_log_id").references(() => contactLogs.id, { onDelete: "set null" }),
    agreementId: uuid("agreement_id").references(() => agreements.id, { onDelete: "set null" }),
    /** `<caseId>/<random id>`: generated, never from the user. */
    storageKey: text("storage_key").notNull(),
    /** The sanitized file name, shown and used in Content-Disposition only. */
    displayName: text("display_name").notNull(),
    description: text("description").notNull().default(""),
    /** Decided from the content (magic bytes), never from the name or the browser. */
    mimeType: text("mime_type").notNull(),
    extension: text("extension").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    /** 指纹: SHA-256 of the bytes as received, lower-case hex. */
    sha256: text("sha256").notNull(),
    /** When the borrower says it was captured (recorded / screenshotted). */
    capturedAt: timestamp("captured_at", { withTimezone: true }),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("evidence_case_idx").on(t.caseId, t.uploadedAt),
    uniqueIndex("evidence_storage_key_unique").on(t.storageKey),
    check("evidence_size_positive", sql`${t.sizeBytes} > 0`),
    check("evidence_sha256_hex", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

/** 答辩期限 · 上诉期限 · 支付令异议期限 */
export const deadlineKind = pgEnum("deadline_kind", ["answer", "appeal", "paymentOrderObjection"]);

/** A court deadline, from the date the court paper was received; shown until marked done. */
export const deadlines = pgTable(
  "deadlines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    debtId: uuid("debt_id").references(() => debts.id, { onDelete: "set null" }),
    kind: deadlineKind("kind").notNull(),
    receivedOn: date("received_on").notNull(),
    /** Computed with deadlineDate() in server/domain/legal.ts; stored so lists can sort by it. */
    dueOn: date("due_on").notNull(),
    court: text("court").notNull().default(""),
    courtCaseNumber: text("court_case_number").notNull().default(""),
    note: text("note").notNull().default(""),
    doneAt: timestamp("done_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("deadlines_case_idx").on(t.caseId, t.dueOn)],
);

/** 投诉渠道 */
export const complaintChannel = pgEnum("complaint_channel", [
  "nfra12378",
  "pboc12363",
  "nifa",
  "report12321",
  "heimao",
  "police110",
  "court",
  "other",
]);

/** 投诉记录: where and when a complaint was filed, its reference number and the expected reply. */
export const complaints = pgTable(
  "complaints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    debtId: uuid("debt_id").references(() => debts.id, { onDelete: "set null" }),
    channel: complaintChannel("channel").notNull(),
    filedOn: date("filed_on").notNull(),
    /** 受理编号 */
    referenceNumber: text("reference_number").notNull().default(""),
    expectedReplyBy: date("expected_reply_by"),
    followUps: text("follow_ups").notNull().default(""),
    repliedAt: timestamp("replied_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("complaints_case_idx").on(t.caseId)],
);
