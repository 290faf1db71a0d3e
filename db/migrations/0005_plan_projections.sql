CREATE TABLE "plan_projections" (
	"case_id" uuid NOT NULL,
	"month" text NOT NULL,
	"debt_free_month" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_projections_case_id_month_pk" PRIMARY KEY("case_id","month"),
	CONSTRAINT "plan_projections_month_format" CHECK ("plan_projections"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "plan_projections_debt_free_month_format" CHECK ("plan_projections"."debt_free_month" is null or "plan_projections"."debt_free_month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
ALTER TABLE "plan_projections" ADD CONSTRAINT "plan_projections_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;