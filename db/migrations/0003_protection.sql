CREATE TYPE "public"."agreement_kind" AS ENUM('stopCollection', 'installment', 'discount', 'extension');--> statement-breakpoint
CREATE TYPE "public"."complaint_channel" AS ENUM('nfra12378', 'pboc12363', 'nifa', 'report12321', 'heimao', 'police110', 'court', 'other');--> statement-breakpoint
CREATE TYPE "public"."contact_channel" AS ENUM('phone', 'sms', 'appMessage', 'visit', 'thirdParty');--> statement-breakpoint
CREATE TYPE "public"."contact_direction" AS ENUM('incoming', 'outgoing');--> statement-breakpoint
CREATE TYPE "public"."deadline_kind" AS ENUM('answer', 'appeal', 'paymentOrderObjection');--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"debt_id" uuid NOT NULL,
	"kind" "agreement_kind" NOT NULL,
	"terms" text DEFAULT '' NOT NULL,
	"amount" numeric(14, 2),
	"agreed_on" date NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"debt_id" uuid,
	"channel" "complaint_channel" NOT NULL,
	"filed_on" date NOT NULL,
	"reference_number" text DEFAULT '' NOT NULL,
	"expected_reply_by" date,
	"follow_ups" text DEFAULT '' NOT NULL,
	"replied_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"debt_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"channel" "contact_channel" NOT NULL,
	"direction" "contact_direction" DEFAULT 'incoming' NOT NULL,
	"contact_count" integer DEFAULT 1 NOT NULL,
	"answered" text DEFAULT 'unknown' NOT NULL,
	"counterpart" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"outcome" text DEFAULT '' NOT NULL,
	"promises" text DEFAULT '' NOT NULL,
	"markers" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_logs_count_positive" CHECK ("contact_logs"."contact_count" between 1 and 500)
);
--> statement-breakpoint
CREATE TABLE "deadlines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"debt_id" uuid,
	"kind" "deadline_kind" NOT NULL,
	"received_on" date NOT NULL,
	"due_on" date NOT NULL,
	"court" text DEFAULT '' NOT NULL,
	"court_case_number" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"debt_id" uuid,
	"contact_log_id" uuid,
	"agreement_id" uuid,
	"storage_key" text NOT NULL,
	"display_name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"mime_type" text NOT NULL,
	"extension" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"captured_at" timestamp with time zone,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_size_positive" CHECK ("evidence"."size_bytes" > 0),
	CONSTRAINT "evidence_sha256_hex" CHECK ("evidence"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_debt_id_debts_id_fk" FOREIGN KEY ("debt_id") REFERENCES "public"."debts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_debt_id_debts_id_fk" FOREIGN KEY ("debt_id") REFERENCES "public"."debts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_logs" ADD CONSTRAINT "contact_logs_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_logs" ADD CONSTRAINT "contact_logs_debt_id_debts_id_fk" FOREIGN KEY ("debt_id") REFERENCES "public"."debts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadlines" ADD CONSTRAINT "deadlines_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadlines" ADD CONSTRAINT "deadlines_debt_id_debts_id_fk" FOREIGN KEY ("debt_id") REFERENCES "public"."debts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_debt_id_debts_id_fk" FOREIGN KEY ("debt_id") REFERENCES "public"."debts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_contact_log_id_contact_logs_id_fk" FOREIGN KEY ("contact_log_id") REFERENCES "public"."contact_logs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreements_case_idx" ON "agreements" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "complaints_case_idx" ON "complaints" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "contact_logs_case_idx" ON "contact_logs" USING btree ("case_id","occurred_at");--> statement-breakpoint
CREATE INDEX "deadlines_case_idx" ON "deadlines" USING btree ("case_id","due_on");--> statement-breakpoint
CREATE INDEX "evidence_case_idx" ON "evidence" USING btree ("case_id","uploaded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_storage_key_unique" ON "evidence" USING btree ("storage_key");