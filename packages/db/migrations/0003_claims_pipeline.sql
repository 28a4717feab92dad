CREATE TABLE "claim_acknowledgments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"acknowledges_file_id" uuid,
	"claim_id" uuid,
	"kind" text NOT NULL,
	"outcome" text NOT NULL,
	"payer_claim_number" text,
	"details" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claim_scrubs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"claim_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"blocking" boolean NOT NULL,
	"edits" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claim_submissions" (
	"practice_id" uuid NOT NULL,
	"claim_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"transaction_control_number" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "claim_submissions_claim_id_file_id_pk" PRIMARY KEY("claim_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "claims_settings" (
	"practice_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clearinghouse_connections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"host" text,
	"port" integer,
	"username" text,
	"auth_kind" text DEFAULT 'none' NOT NULL,
	"secret_ciphertext" text,
	"host_key_sha256" text,
	"outbound_dir" text NOT NULL,
	"inbound_dir" text NOT NULL,
	"submitter_id" text NOT NULL,
	"submitter_name" text NOT NULL,
	"submitter_contact_email" text,
	"receiver_id" text NOT NULL,
	"receiver_name" text NOT NULL,
	"usage_indicator" text DEFAULT 'T' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "clearinghouse_connections_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "clearinghouse_connections_name_key" UNIQUE("practice_id","name")
);
--> statement-breakpoint
CREATE TABLE "clearinghouse_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"connection_id" uuid,
	"direction" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"sha256" text NOT NULL,
	"bytes" integer NOT NULL,
	"content" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_error" text,
	"interchange_control_number" text,
	"group_control_number" text,
	"transaction_control_numbers" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"processed_at" timestamp with time zone,
	CONSTRAINT "clearinghouse_files_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "clearinghouse_files_name_key" UNIQUE("practice_id","direction","name")
);
--> statement-breakpoint
CREATE TABLE "posting_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"payer_id" uuid,
	"group_code" text NOT NULL,
	"reason_code" text NOT NULL,
	"action" text NOT NULL,
	CONSTRAINT "posting_rules_practice_id_id_key" UNIQUE("practice_id","id")
);
--> statement-breakpoint
CREATE TABLE "postings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"remittance_claim_id" uuid,
	"claim_id" uuid NOT NULL,
	"claim_line_id" uuid,
	"invoice_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"group_code" text,
	"reason_code" text,
	"amount_cents" bigint NOT NULL,
	"reverses_posting_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "remittance_claims" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"remittance_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"claim_id" uuid,
	"patient_control_number" text NOT NULL,
	"status_code" text NOT NULL,
	"charge_cents" bigint NOT NULL,
	"paid_cents" bigint NOT NULL,
	"patient_responsibility_cents" bigint NOT NULL,
	"payer_claim_number" text,
	"crossover_payer" text,
	"posting_status" text NOT NULL,
	"data" jsonb NOT NULL,
	CONSTRAINT "remittance_claims_position_key" UNIQUE("remittance_id","position")
);
--> statement-breakpoint
CREATE TABLE "remittances" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"file_id" uuid NOT NULL,
	"payer_name" text NOT NULL,
	"payer_identifier" text NOT NULL,
	"trace_number" text NOT NULL,
	"payment_method" text,
	"payment_date" date,
	"total_paid_cents" bigint NOT NULL,
	"provider_adjustment_cents" bigint DEFAULT 0 NOT NULL,
	"balanced" boolean NOT NULL,
	"imbalances" jsonb NOT NULL,
	"provider_adjustments" jsonb NOT NULL,
	"status" text NOT NULL,
	"claim_count" integer NOT NULL,
	CONSTRAINT "remittances_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "remittances_trace_key" UNIQUE("practice_id","payer_identifier","trace_number")
);
--> statement-breakpoint
CREATE TABLE "work_queue_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"remittance_id" uuid NOT NULL,
	"remittance_claim_id" uuid,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"details" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution" text,
	"created_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" text
);
--> statement-breakpoint
ALTER TABLE "claim_scrubs" ADD CONSTRAINT "claim_scrubs_practice_id_claim_id_claims_practice_id_id_fk" FOREIGN KEY ("practice_id","claim_id") REFERENCES "public"."claims"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_submissions" ADD CONSTRAINT "claim_submissions_practice_id_claim_id_claims_practice_id_id_fk" FOREIGN KEY ("practice_id","claim_id") REFERENCES "public"."claims"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_submissions" ADD CONSTRAINT "claim_submissions_practice_id_file_id_clearinghouse_files_practice_id_id_fk" FOREIGN KEY ("practice_id","file_id") REFERENCES "public"."clearinghouse_files"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claims_settings" ADD CONSTRAINT "claims_settings_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clearinghouse_connections" ADD CONSTRAINT "clearinghouse_connections_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clearinghouse_files" ADD CONSTRAINT "clearinghouse_files_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posting_rules" ADD CONSTRAINT "posting_rules_practice_id_payer_id_payers_practice_id_id_fk" FOREIGN KEY ("practice_id","payer_id") REFERENCES "public"."payers"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_practice_id_claim_id_claims_practice_id_id_fk" FOREIGN KEY ("practice_id","claim_id") REFERENCES "public"."claims"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_practice_id_invoice_id_invoices_practice_id_id_fk" FOREIGN KEY ("practice_id","invoice_id") REFERENCES "public"."invoices"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_claim_line_id_claim_lines_id_fk" FOREIGN KEY ("claim_line_id") REFERENCES "public"."claim_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remittance_claims" ADD CONSTRAINT "remittance_claims_practice_id_remittance_id_remittances_practice_id_id_fk" FOREIGN KEY ("practice_id","remittance_id") REFERENCES "public"."remittances"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_queue_items" ADD CONSTRAINT "work_queue_items_practice_id_remittance_id_remittances_practice_id_id_fk" FOREIGN KEY ("practice_id","remittance_id") REFERENCES "public"."remittances"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claim_acknowledgments_claim_idx" ON "claim_acknowledgments" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "claim_acknowledgments_file_idx" ON "claim_acknowledgments" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "claim_scrubs_claim_idx" ON "claim_scrubs" USING btree ("claim_id","at");--> statement-breakpoint
CREATE INDEX "claim_submissions_file_idx" ON "claim_submissions" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "clearinghouse_files_status_idx" ON "clearinghouse_files" USING btree ("practice_id","direction","status");--> statement-breakpoint
CREATE INDEX "clearinghouse_files_gs_idx" ON "clearinghouse_files" USING btree ("practice_id","group_control_number");--> statement-breakpoint
CREATE UNIQUE INDEX "posting_rules_key" ON "posting_rules" USING btree ("practice_id",coalesce("payer_id", '00000000-0000-0000-0000-000000000000'::uuid),"group_code","reason_code");--> statement-breakpoint
CREATE INDEX "postings_claim_idx" ON "postings" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "postings_invoice_idx" ON "postings" USING btree ("invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "postings_reverses_key" ON "postings" USING btree ("reverses_posting_id") WHERE "postings"."reverses_posting_id" is not null;--> statement-breakpoint
CREATE INDEX "remittance_claims_claim_idx" ON "remittance_claims" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "remittances_practice_idx" ON "remittances" USING btree ("practice_id","created_at");--> statement-breakpoint
CREATE INDEX "work_queue_items_open_idx" ON "work_queue_items" USING btree ("practice_id","status","created_at");