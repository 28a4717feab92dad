CREATE TABLE "automation_clock" (
	"practice_id" uuid NOT NULL,
	"automation" text NOT NULL,
	"checked_through" timestamp with time zone NOT NULL,
	CONSTRAINT "automation_clock_practice_id_automation_pk" PRIMARY KEY("practice_id","automation")
);
--> statement-breakpoint
CREATE TABLE "automation_configs" (
	"practice_id" uuid PRIMARY KEY NOT NULL,
	"config" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "automation_outcomes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"run_id" uuid,
	"automation" text NOT NULL,
	"trigger" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"reason_code" text,
	"message" text NOT NULL,
	"reasons" jsonb,
	"related_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "automation_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"automation" text NOT NULL,
	"trigger" text NOT NULL,
	"local_date" date NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"lateness_ms" bigint,
	"attempts" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"duration_ms" integer,
	"counts" jsonb,
	"note" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"queue" text NOT NULL,
	"payload" jsonb NOT NULL,
	"singleton_key" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 5 NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "jobs_singleton_key_unique" UNIQUE("singleton_key")
);
--> statement-breakpoint
CREATE TABLE "appointment_invoices" (
	"appointment_id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claim_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"claim_id" uuid NOT NULL,
	"invoice_line_id" uuid NOT NULL,
	"line_number" integer NOT NULL,
	"control_number" text NOT NULL,
	"code" text NOT NULL,
	"modifiers" jsonb NOT NULL,
	"units" integer NOT NULL,
	"charge_cents" bigint NOT NULL,
	"date_of_service" date NOT NULL,
	"diagnosis_pointers" jsonb NOT NULL,
	CONSTRAINT "claim_lines_number_key" UNIQUE("claim_id","line_number"),
	CONSTRAINT "claim_lines_control_key" UNIQUE("practice_id","control_number")
);
--> statement-breakpoint
CREATE TABLE "claim_status_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"claim_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"cause" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claims" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"payer_id" uuid NOT NULL,
	"policy_id" uuid NOT NULL,
	"payer_rank" text NOT NULL,
	"status" text NOT NULL,
	"frequency_code" text DEFAULT '1' NOT NULL,
	"patient_control_number" text NOT NULL,
	"payer_claim_number" text,
	"replaces_claim_id" uuid,
	"total_cents" bigint NOT NULL,
	"paid_cents" bigint DEFAULT 0 NOT NULL,
	"patient_responsibility_cents" bigint DEFAULT 0 NOT NULL,
	"diagnosis_codes" jsonb NOT NULL,
	"run_id" uuid,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "claims_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "claims_practice_pcn_key" UNIQUE("practice_id","patient_control_number")
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"appointment_id" uuid,
	"service_id" uuid,
	"product_id" uuid,
	"code" text NOT NULL,
	"description" text NOT NULL,
	"date_of_service" date,
	"units" integer NOT NULL,
	"unit_fee_cents" bigint NOT NULL,
	"amount_cents" bigint NOT NULL,
	"modifiers" jsonb NOT NULL,
	"diagnosis_pointers" jsonb NOT NULL,
	"diagnosis_codes" jsonb NOT NULL,
	"insurance_eligible" boolean NOT NULL,
	"adjusts_line_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text NOT NULL,
	CONSTRAINT "invoice_lines_position_key" UNIQUE("invoice_id","position")
);
--> statement-breakpoint
CREATE TABLE "invoice_status_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"cause" text
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"number" text NOT NULL,
	"client_id" uuid NOT NULL,
	"status" text NOT NULL,
	"pays_by" text NOT NULL,
	"invoice_date" date NOT NULL,
	"total_cents" bigint NOT NULL,
	"insurance_cents" bigint NOT NULL,
	"client_cents" bigint NOT NULL,
	"insurance_paid_cents" bigint DEFAULT 0 NOT NULL,
	"client_paid_cents" bigint DEFAULT 0 NOT NULL,
	"adjustment_cents" bigint DEFAULT 0 NOT NULL,
	"primary_policy_id" uuid,
	"source" text NOT NULL,
	"run_id" uuid,
	"replaces_invoice_id" uuid,
	"voided_at" timestamp with time zone,
	"void_reason" text,
	CONSTRAINT "invoices_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "invoices_practice_number_key" UNIQUE("practice_id","number"),
	CONSTRAINT "invoices_amounts_check" CHECK ("invoices"."total_cents" = "invoices"."insurance_cents" + "invoices"."client_cents")
);
--> statement-breakpoint
CREATE TABLE "practice_counters" (
	"practice_id" uuid NOT NULL,
	"name" text NOT NULL,
	"value" bigint NOT NULL,
	CONSTRAINT "practice_counters_practice_id_name_pk" PRIMARY KEY("practice_id","name")
);
--> statement-breakpoint
ALTER TABLE "automation_clock" ADD CONSTRAINT "automation_clock_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_configs" ADD CONSTRAINT "automation_configs_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_outcomes" ADD CONSTRAINT "automation_outcomes_run_id_automation_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."automation_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "automation_runs" ADD CONSTRAINT "automation_runs_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_invoices" ADD CONSTRAINT "appointment_invoices_practice_id_appointment_id_appointments_practice_id_id_fk" FOREIGN KEY ("practice_id","appointment_id") REFERENCES "public"."appointments"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_invoices" ADD CONSTRAINT "appointment_invoices_practice_id_invoice_id_invoices_practice_id_id_fk" FOREIGN KEY ("practice_id","invoice_id") REFERENCES "public"."invoices"("practice_id","id") ON DELETE no action ON UPDATE no action DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
ALTER TABLE "claim_lines" ADD CONSTRAINT "claim_lines_practice_id_claim_id_claims_practice_id_id_fk" FOREIGN KEY ("practice_id","claim_id") REFERENCES "public"."claims"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_practice_id_invoice_id_invoices_practice_id_id_fk" FOREIGN KEY ("practice_id","invoice_id") REFERENCES "public"."invoices"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_practice_id_payer_id_payers_practice_id_id_fk" FOREIGN KEY ("practice_id","payer_id") REFERENCES "public"."payers"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_practice_id_policy_id_insurance_policies_practice_id_id_fk" FOREIGN KEY ("practice_id","policy_id") REFERENCES "public"."insurance_policies"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_practice_id_invoice_id_invoices_practice_id_id_fk" FOREIGN KEY ("practice_id","invoice_id") REFERENCES "public"."invoices"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_practice_id_client_id_clients_practice_id_id_fk" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_counters" ADD CONSTRAINT "practice_counters_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "automation_outcomes_run_subject_key" ON "automation_outcomes" USING btree ("run_id","subject_id") WHERE "automation_outcomes"."run_id" is not null;--> statement-breakpoint
CREATE INDEX "automation_outcomes_subject_idx" ON "automation_outcomes" USING btree ("practice_id","subject_id","at");--> statement-breakpoint
CREATE INDEX "automation_outcomes_run_idx" ON "automation_outcomes" USING btree ("run_id","reason_code");--> statement-breakpoint
CREATE UNIQUE INDEX "automation_runs_occurrence_key" ON "automation_runs" USING btree ("practice_id","automation","local_date") WHERE "automation_runs"."trigger" = 'schedule';--> statement-breakpoint
CREATE INDEX "automation_runs_practice_idx" ON "automation_runs" USING btree ("practice_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "jobs_ready_idx" ON "jobs" USING btree ("status","run_at");--> statement-breakpoint
CREATE INDEX "appointment_invoices_invoice_idx" ON "appointment_invoices" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "claim_status_history_claim_idx" ON "claim_status_history" USING btree ("claim_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "claims_original_per_invoice_key" ON "claims" USING btree ("invoice_id","payer_rank") WHERE "claims"."frequency_code" = '1';--> statement-breakpoint
CREATE INDEX "claims_practice_status_idx" ON "claims" USING btree ("practice_id","status");--> statement-breakpoint
CREATE INDEX "invoice_lines_appointment_idx" ON "invoice_lines" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "invoice_status_history_invoice_idx" ON "invoice_status_history" USING btree ("invoice_id","at");--> statement-breakpoint
CREATE INDEX "invoices_practice_status_idx" ON "invoices" USING btree ("practice_id","status","invoice_date");--> statement-breakpoint
CREATE INDEX "invoices_client_idx" ON "invoices" USING btree ("practice_id","client_id");