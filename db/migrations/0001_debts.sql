CREATE TYPE "public"."debt_kind" AS ENUM('onlineLoan', 'creditCard', 'consumerFinance', 'bankLoan', 'privateLoan');--> statement-breakpoint
CREATE TYPE "public"."debt_status" AS ENUM('current', 'overdue', 'negotiating', 'collectionPaused', 'settled', 'paused');--> statement-breakpoint
CREATE TYPE "public"."lender_kind" AS ENUM('licensedBank', 'consumerFinance', 'localLender', 'privateLending', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."repayment_method" AS ENUM('fixedInstallments', 'feeRate', 'equalInstallment', 'equalPrincipal', 'interestFirst', 'none');--> statement-breakpoint
CREATE TABLE "lpr_rates" (
	"effective_date" date PRIMARY KEY NOT NULL,
	"one_year_percent" numeric(6, 3) NOT NULL,
	"five_year_percent" numeric(6, 3) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "debts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"debt_kind" "debt_kind" NOT NULL,
	"lender_kind" "lender_kind" DEFAULT 'unknown' NOT NULL,
	"principal" numeric(14, 2) NOT NULL,
	"received" numeric(14, 2) NOT NULL,
	"outstanding" numeric(14, 2) NOT NULL,
	"repayment_method" "repayment_method" NOT NULL,
	"installment_count" integer,
	"installment_amount" numeric(14, 2),
	"monthly_rate" numeric(9, 6),
	"monthly_payment" numeric(14, 2),
	"real_annual_rate" numeric(12, 6),
	"effective_annual_rate" numeric(18, 6),
	"contract_date" date,
	"first_missed_due_date" date,
	"status" "debt_status" DEFAULT 'current' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "debts_amounts_non_negative" CHECK ("debts"."principal" > 0 and "debts"."received" > 0 and "debts"."outstanding" >= 0),
	CONSTRAINT "debts_received_le_principal" CHECK ("debts"."received" <= "debts"."principal")
);
--> statement-breakpoint
ALTER TABLE "debts" ADD CONSTRAINT "debts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "debts_case_idx" ON "debts" USING btree ("case_id");