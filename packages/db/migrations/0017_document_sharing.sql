-- Automatic sharing of billing documents (issue 17 item 6). One row per thing to share — the bill of an invoice
-- (issued when the share falls due, so it shows the invoice as it then stands) or an issued superbill or
-- statement — unique per subject, so nothing is shared twice. Its status moves by the core shareTransitions table.
CREATE TABLE "document_shares" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"client_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"kind" text NOT NULL,
	"invoice_id" uuid,
	"document_id" uuid,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"lease_until" timestamp with time zone,
	"reason_code" text,
	"reasons" jsonb,
	"message_id" text,
	"sent_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "document_shares_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "document_shares_subject_type_check" CHECK ("subject_type" in ('invoice','document')),
	CONSTRAINT "document_shares_kind_check" CHECK ("kind" in ('invoice','superbill','statement')),
	CONSTRAINT "document_shares_status_check" CHECK ("status" in ('scheduled','sent','skipped','failed')),
	CONSTRAINT "document_shares_subject_check" CHECK (
		("subject_type" = 'invoice' AND "invoice_id" IS NOT NULL AND "kind" = 'invoice')
		OR ("subject_type" = 'document' AND "document_id" IS NOT NULL)),
	CONSTRAINT "document_shares_sent_check" CHECK (("status" = 'sent') = ("sent_at" IS NOT NULL)),
	CONSTRAINT "document_shares_attempts_check" CHECK ("attempts" >= 0)
);--> statement-breakpoint
ALTER TABLE "document_shares" ADD CONSTRAINT "document_shares_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_shares" ADD CONSTRAINT "document_shares_practice_id_client_id_clients_practice_id_id_fk" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_shares" ADD CONSTRAINT "document_shares_practice_id_invoice_id_invoices_practice_id_id_fk" FOREIGN KEY ("practice_id","invoice_id") REFERENCES "public"."invoices"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_shares" ADD CONSTRAINT "document_shares_practice_id_document_id_documents_practice_id_id_fk" FOREIGN KEY ("practice_id","document_id") REFERENCES "public"."documents"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "document_shares_invoice_key" ON "document_shares" USING btree ("practice_id","invoice_id") WHERE "subject_type" = 'invoice';--> statement-breakpoint
CREATE UNIQUE INDEX "document_shares_document_key" ON "document_shares" USING btree ("practice_id","document_id") WHERE "subject_type" = 'document';--> statement-breakpoint
CREATE INDEX "document_shares_due_idx" ON "document_shares" USING btree ("practice_id","due_at","id") WHERE "status" = 'scheduled';--> statement-breakpoint
CREATE INDEX "document_shares_client_idx" ON "document_shares" USING btree ("practice_id","client_id","id");--> statement-breakpoint
CREATE INDEX "document_shares_shared_document_idx" ON "document_shares" USING btree ("practice_id","document_id");--> statement-breakpoint
-- What a client has shared (bills and statements, superbills, or both); new clients copy the practice's default.
ALTER TABLE "clients" ADD COLUMN "share_document_kinds" text DEFAULT 'both' NOT NULL;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_share_document_kinds_check" CHECK ("share_document_kinds" in ('both','bills','superbills'));--> statement-breakpoint
-- The practice-wide switch (on: as before) and the default kinds for new clients (both: as the seed shares).
UPDATE "practices" SET "billing_settings" =
	'{"autoShareEnabled": true, "defaultShareDocumentKinds": "both"}'::jsonb || "billing_settings";
