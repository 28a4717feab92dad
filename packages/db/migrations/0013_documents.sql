-- Client billing documents (bills, superbills, statements) as issued PDFs. Issued means immutable: the trigger below
-- refuses every change except voiding, so a correction is always a new version that names the one it replaces.
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"document_version" integer DEFAULT 1 NOT NULL,
	"replaces_document_id" uuid,
	"status" text NOT NULL,
	"invoice_id" uuid,
	"period_from" date,
	"period_to" date,
	"amount_cents" bigint NOT NULL,
	"source" text NOT NULL,
	"run_id" uuid,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by" uuid,
	"pdf" bytea NOT NULL,
	"pdf_sha256" text NOT NULL,
	"pdf_bytes" bigint NOT NULL,
	"voided_at" timestamp with time zone,
	"void_reason" text,
	CONSTRAINT "documents_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "documents_practice_number_version_key" UNIQUE("practice_id","number","document_version"),
	CONSTRAINT "documents_kind_check" CHECK ("kind" in ('invoice','superbill','statement')),
	CONSTRAINT "documents_status_check" CHECK ("status" in ('issued','void')),
	CONSTRAINT "documents_source_check" CHECK ("source" in ('automation','user','on_kept')),
	CONSTRAINT "documents_period_check" CHECK ("period_from" is null or "period_to" is null or "period_from" <= "period_to"),
	CONSTRAINT "documents_void_check" CHECK (("status" = 'void') = ("voided_at" is not null))
);--> statement-breakpoint
ALTER TABLE "documents" ALTER COLUMN "pdf" SET STORAGE EXTERNAL;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_practice_id_client_id_clients_practice_id_id_fk" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_practice_id_invoice_id_invoices_practice_id_id_fk" FOREIGN KEY ("practice_id","invoice_id") REFERENCES "public"."invoices"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_practice_id_replaces_document_id_documents_practice_id_id_fk" FOREIGN KEY ("practice_id","replaces_document_id") REFERENCES "public"."documents"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_client_idx" ON "documents" USING btree ("practice_id","client_id","issued_at");--> statement-breakpoint
CREATE INDEX "documents_invoice_idx" ON "documents" USING btree ("practice_id","invoice_id");--> statement-breakpoint
CREATE FUNCTION documents_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF OLD.status = 'void' THEN
		RAISE EXCEPTION 'document % is void and cannot change', OLD.id USING ERRCODE = 'check_violation';
	END IF;
	IF NEW.status <> 'void' OR (to_jsonb(NEW) - 'status' - 'voided_at' - 'void_reason' - 'version' - 'updated_at')
			<> (to_jsonb(OLD) - 'status' - 'voided_at' - 'void_reason' - 'version' - 'updated_at') THEN
		RAISE EXCEPTION 'document % is issued and immutable: issue a new version instead', OLD.id
			USING ERRCODE = 'check_violation';
	END IF;
	RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER documents_immutable BEFORE UPDATE ON "documents" FOR EACH ROW EXECUTE FUNCTION documents_immutable();
