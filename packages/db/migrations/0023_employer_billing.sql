-- Employer billing: employers' terms, contacts and fee schedules; who an encounter is billed to; invoice profiles;
-- on-demand batches of employer invoices (re-batches, credit memos), their PDFs, receipts and their applications.
ALTER TABLE "employers" ADD COLUMN "terms_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "employers" ADD COLUMN "contacts" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "employers" ADD COLUMN "fee_schedule" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "employers" ADD CONSTRAINT "employers_terms_check" CHECK ("terms_days" between 0 and 365);--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "bill_to" text;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_bill_to_check" CHECK ("bill_to" in ('employer','insurance','client'));--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "bill_to" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "bill_to_employer_id" uuid;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "authorization_number" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_bill_to_check" CHECK ("bill_to" in ('employer','insurance','client'));--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_bill_to_employer_fk" FOREIGN KEY ("practice_id","bill_to_employer_id") REFERENCES "public"."employers"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointments_bill_to_employer_idx" ON "appointments" USING btree ("practice_id","bill_to_employer_id") WHERE "bill_to_employer_id" is not null;--> statement-breakpoint
CREATE INDEX "clients_employer_idx" ON "clients" USING btree ("practice_id","employer_id") WHERE "employer_id" is not null;--> statement-breakpoint
CREATE TABLE "employer_invoice_profiles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"employer_id" uuid,
	"header" jsonb NOT NULL,
	"remit_to" jsonb NOT NULL,
	"logo_text" text,
	"terms_days" integer,
	"columns" jsonb NOT NULL,
	"grouping" text NOT NULL,
	"delivery" text NOT NULL,
	"number_prefix" text NOT NULL,
	CONSTRAINT "employer_invoice_profiles_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "employer_invoice_profiles_grouping_check" CHECK ("grouping" in ('employee','date')),
	CONSTRAINT "employer_invoice_profiles_delivery_check" CHECK ("delivery" in ('email','print')),
	CONSTRAINT "employer_invoice_profiles_terms_check" CHECK ("terms_days" is null or "terms_days" between 0 and 365)
);--> statement-breakpoint
ALTER TABLE "employer_invoice_profiles" ADD CONSTRAINT "employer_invoice_profiles_practice_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_invoice_profiles" ADD CONSTRAINT "employer_invoice_profiles_employer_fk" FOREIGN KEY ("practice_id","employer_id") REFERENCES "public"."employers"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "employer_invoice_profiles_practice_key" ON "employer_invoice_profiles" USING btree ("practice_id") WHERE "employer_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "employer_invoice_profiles_employer_key" ON "employer_invoice_profiles" USING btree ("practice_id","employer_id") WHERE "employer_id" is not null;--> statement-breakpoint
CREATE TABLE "employer_invoice_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"number" bigint NOT NULL,
	"kind" text NOT NULL,
	"employer_id" uuid,
	"group_id" uuid,
	"dos_from" date,
	"dos_to" date,
	"post_from" date,
	"post_to" date,
	"note" text,
	"rebatch_of_batch_id" uuid,
	"created_by" text NOT NULL,
	"created_by_user_id" uuid,
	CONSTRAINT "employer_invoice_batches_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "employer_invoice_batches_number_key" UNIQUE("practice_id","number"),
	CONSTRAINT "employer_invoice_batches_kind_check" CHECK ("kind" in ('on_demand','rebatch','credit_memo')),
	CONSTRAINT "employer_invoice_batches_dos_check" CHECK ("dos_from" is null or "dos_to" is null or "dos_from" <= "dos_to"),
	CONSTRAINT "employer_invoice_batches_post_check" CHECK ("post_from" is null or "post_to" is null or "post_from" <= "post_to")
);--> statement-breakpoint
ALTER TABLE "employer_invoice_batches" ADD CONSTRAINT "employer_invoice_batches_practice_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_invoice_batches" ADD CONSTRAINT "employer_invoice_batches_employer_fk" FOREIGN KEY ("practice_id","employer_id") REFERENCES "public"."employers"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_invoice_batches" ADD CONSTRAINT "employer_invoice_batches_group_fk" FOREIGN KEY ("practice_id","group_id") REFERENCES "public"."employer_groups"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_invoice_batches" ADD CONSTRAINT "employer_invoice_batches_rebatch_fk" FOREIGN KEY ("practice_id","rebatch_of_batch_id") REFERENCES "public"."employer_invoice_batches"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE TABLE "employer_invoices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"batch_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"original_invoice_id" uuid,
	"times_batched" integer DEFAULT 1 NOT NULL,
	"issued_on" date NOT NULL,
	"due_on" date NOT NULL,
	"total_cents" bigint NOT NULL,
	"amount_due_cents" bigint NOT NULL,
	"status" text NOT NULL,
	"profile" jsonb NOT NULL,
	"delivery" text NOT NULL,
	"emailed_at" timestamp with time zone,
	"emailed_to" text,
	"printed_at" timestamp with time zone,
	"voided_at" timestamp with time zone,
	"void_reason" text,
	CONSTRAINT "employer_invoices_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "employer_invoices_number_key" UNIQUE("practice_id","number"),
	CONSTRAINT "employer_invoices_kind_check" CHECK ("kind" in ('invoice','rebatch','credit_memo')),
	CONSTRAINT "employer_invoices_status_check" CHECK ("status" in ('open','partially_paid','paid','void')),
	CONSTRAINT "employer_invoices_original_check" CHECK (("kind" = 'invoice') = ("original_invoice_id" is null)),
	CONSTRAINT "employer_invoices_sign_check" CHECK (("kind" = 'credit_memo') = ("total_cents" < 0)),
	CONSTRAINT "employer_invoices_void_check" CHECK (("status" = 'void') = ("voided_at" is not null))
);--> statement-breakpoint
ALTER TABLE "employer_invoices" ADD CONSTRAINT "employer_invoices_batch_fk" FOREIGN KEY ("practice_id","batch_id") REFERENCES "public"."employer_invoice_batches"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_invoices" ADD CONSTRAINT "employer_invoices_employer_fk" FOREIGN KEY ("practice_id","employer_id") REFERENCES "public"."employers"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_invoices" ADD CONSTRAINT "employer_invoices_original_fk" FOREIGN KEY ("practice_id","original_invoice_id") REFERENCES "public"."employer_invoices"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employer_invoices_employer_idx" ON "employer_invoices" USING btree ("practice_id","employer_id","id");--> statement-breakpoint
CREATE INDEX "employer_invoices_batch_idx" ON "employer_invoices" USING btree ("practice_id","batch_id");--> statement-breakpoint
CREATE INDEX "employer_invoices_original_idx" ON "employer_invoices" USING btree ("practice_id","original_invoice_id") WHERE "original_invoice_id" is not null;--> statement-breakpoint
CREATE INDEX "employer_invoices_status_idx" ON "employer_invoices" USING btree ("practice_id","status","id");--> statement-breakpoint
CREATE UNIQUE INDEX "employer_invoices_rebatch_key" ON "employer_invoices" USING btree ("practice_id","original_invoice_id","times_batched") WHERE "kind" = 'rebatch';--> statement-breakpoint
CREATE TABLE "employer_invoice_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"appointment_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"employee_name" text NOT NULL,
	"date_of_service" date NOT NULL,
	"service_id" uuid NOT NULL,
	"code" text NOT NULL,
	"description" text NOT NULL,
	"units" integer NOT NULL,
	"amount_cents" bigint NOT NULL,
	"authorization_number" text,
	"credits_line_id" uuid,
	CONSTRAINT "employer_invoice_lines_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "employer_invoice_lines_position_key" UNIQUE("invoice_id","position")
);--> statement-breakpoint
ALTER TABLE "employer_invoice_lines" ADD CONSTRAINT "employer_invoice_lines_invoice_fk" FOREIGN KEY ("practice_id","invoice_id") REFERENCES "public"."employer_invoices"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_invoice_lines" ADD CONSTRAINT "employer_invoice_lines_appointment_fk" FOREIGN KEY ("practice_id","appointment_id") REFERENCES "public"."appointments"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_invoice_lines" ADD CONSTRAINT "employer_invoice_lines_credits_fk" FOREIGN KEY ("practice_id","credits_line_id") REFERENCES "public"."employer_invoice_lines"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employer_invoice_lines_invoice_idx" ON "employer_invoice_lines" USING btree ("practice_id","invoice_id","position");--> statement-breakpoint
-- A line is credited at most once.
CREATE UNIQUE INDEX "employer_invoice_lines_credited_key" ON "employer_invoice_lines" USING btree ("practice_id","credits_line_id") WHERE "credits_line_id" is not null;--> statement-breakpoint
-- Exactly once: an encounter is on at most one live (not voided, not credited) original employer invoice. Two
-- billers batching the same employer at once: the second insert waits for the first transaction, then skips.
CREATE TABLE "employer_billed_encounters" (
	"practice_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	CONSTRAINT "employer_billed_encounters_pk" PRIMARY KEY("practice_id","appointment_id")
);--> statement-breakpoint
ALTER TABLE "employer_billed_encounters" ADD CONSTRAINT "employer_billed_encounters_appointment_fk" FOREIGN KEY ("practice_id","appointment_id") REFERENCES "public"."appointments"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_billed_encounters" ADD CONSTRAINT "employer_billed_encounters_invoice_fk" FOREIGN KEY ("practice_id","invoice_id") REFERENCES "public"."employer_invoices"("practice_id","id") ON DELETE no action ON UPDATE no action DEFERRABLE INITIALLY DEFERRED;--> statement-breakpoint
CREATE INDEX "employer_billed_encounters_invoice_idx" ON "employer_billed_encounters" USING btree ("practice_id","invoice_id");--> statement-breakpoint
-- The PDF of each employer invoice, re-batch and credit memo as issued: written once, never changed.
CREATE TABLE "employer_invoice_pdfs" (
	"invoice_id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"pdf" bytea NOT NULL,
	"pdf_sha256" text NOT NULL,
	"pdf_bytes" bigint NOT NULL
);--> statement-breakpoint
ALTER TABLE "employer_invoice_pdfs" ADD CONSTRAINT "employer_invoice_pdfs_invoice_fk" FOREIGN KEY ("practice_id","invoice_id") REFERENCES "public"."employer_invoices"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE FUNCTION "employer_invoice_pdfs_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'employer invoice PDFs are immutable' USING ERRCODE = 'check_violation';
END $$;--> statement-breakpoint
CREATE TRIGGER "employer_invoice_pdfs_no_change" BEFORE UPDATE OR DELETE ON "employer_invoice_pdfs" FOR EACH ROW EXECUTE FUNCTION "employer_invoice_pdfs_immutable"();--> statement-breakpoint
CREATE TABLE "employer_receipts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"employer_id" uuid NOT NULL,
	"method" text NOT NULL,
	"reference" text NOT NULL,
	"received_on" date NOT NULL,
	"amount_cents" bigint NOT NULL,
	"note" text,
	"recorded_by" text NOT NULL,
	"reversed_at" timestamp with time zone,
	"reversal_reason" text,
	CONSTRAINT "employer_receipts_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "employer_receipts_method_check" CHECK ("method" in ('check','eft')),
	CONSTRAINT "employer_receipts_amount_check" CHECK ("amount_cents" > 0)
);--> statement-breakpoint
ALTER TABLE "employer_receipts" ADD CONSTRAINT "employer_receipts_employer_fk" FOREIGN KEY ("practice_id","employer_id") REFERENCES "public"."employers"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employer_receipts_employer_idx" ON "employer_receipts" USING btree ("practice_id","employer_id","id");--> statement-breakpoint
-- Applications are appended, never changed: a reversal appends the negative of each.
CREATE TABLE "employer_receipt_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"receipt_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"line_id" uuid,
	"amount_cents" bigint NOT NULL,
	"reverses_application_id" uuid,
	CONSTRAINT "employer_receipt_applications_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "employer_receipt_applications_amount_check" CHECK ("amount_cents" <> 0),
	CONSTRAINT "employer_receipt_applications_reversal_key" UNIQUE("reverses_application_id")
);--> statement-breakpoint
ALTER TABLE "employer_receipt_applications" ADD CONSTRAINT "employer_receipt_applications_receipt_fk" FOREIGN KEY ("practice_id","receipt_id") REFERENCES "public"."employer_receipts"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_receipt_applications" ADD CONSTRAINT "employer_receipt_applications_invoice_fk" FOREIGN KEY ("practice_id","invoice_id") REFERENCES "public"."employer_invoices"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_receipt_applications" ADD CONSTRAINT "employer_receipt_applications_line_fk" FOREIGN KEY ("practice_id","line_id") REFERENCES "public"."employer_invoice_lines"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employer_receipt_applications_invoice_idx" ON "employer_receipt_applications" USING btree ("practice_id","invoice_id");--> statement-breakpoint
CREATE INDEX "employer_receipt_applications_receipt_idx" ON "employer_receipt_applications" USING btree ("practice_id","receipt_id");
--> statement-breakpoint
UPDATE "practices" SET "billing_settings" = '{"invoicesEnabled": false}'::jsonb || "billing_settings";
