CREATE TYPE "public"."habit_kind" AS ENUM('spendingLogged', 'budgetKept');--> statement-breakpoint
CREATE TABLE "emergency_fund_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "emergency_fund_entries_amount_non_zero" CHECK ("emergency_fund_entries"."amount" <> 0)
);
--> statement-breakpoint
CREATE TABLE "habit_days" (
	"case_id" uuid NOT NULL,
	"habit" "habit_kind" NOT NULL,
	"day" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "habit_days_case_id_habit_day_pk" PRIMARY KEY("case_id","habit","day")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"debt_id" uuid NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"paid_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"settled_from_status" "debt_status",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_amount_positive" CHECK ("payments"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer NOT NULL,
	"expire" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rebuild_checklist" (
	"case_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"done_on" date NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rebuild_checklist_case_id_item_id_pk" PRIMARY KEY("case_id","item_id")
);
--> statement-breakpoint
ALTER TABLE "debts" ADD COLUMN "settled_on" date;--> statement-breakpoint
ALTER TABLE "emergency_fund_entries" ADD CONSTRAINT "emergency_fund_entries_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "habit_days" ADD CONSTRAINT "habit_days_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_debt_id_debts_id_fk" FOREIGN KEY ("debt_id") REFERENCES "public"."debts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rebuild_checklist" ADD CONSTRAINT "rebuild_checklist_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "emergency_fund_entries_case_idx" ON "emergency_fund_entries" USING btree ("case_id","on");--> statement-breakpoint
CREATE INDEX "payments_case_idx" ON "payments" USING btree ("case_id","paid_on");--> statement-breakpoint
CREATE INDEX "payments_debt_idx" ON "payments" USING btree ("debt_id","paid_on");--> statement-breakpoint
CREATE INDEX "rate_limits_expire_idx" ON "rate_limits" USING btree ("expire");