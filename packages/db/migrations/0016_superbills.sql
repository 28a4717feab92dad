-- Which superbill each session service is on. The primary key is the exactly-once rule: a service (an appointment's
-- service line) is on at most one superbill, so a re-run after a crash or two workers at once cannot put it on two.
-- Voiding a superbill deletes its rows (the services go on the next one); a correction moves them to the new version.
CREATE TABLE "superbill_services" (
	"practice_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"document_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "superbill_services_pkey" PRIMARY KEY("practice_id","appointment_id","position")
);--> statement-breakpoint
ALTER TABLE "superbill_services" ADD CONSTRAINT "superbill_services_appointment_fk" FOREIGN KEY ("practice_id","appointment_id") REFERENCES "public"."appointments"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "superbill_services" ADD CONSTRAINT "superbill_services_document_fk" FOREIGN KEY ("practice_id","document_id") REFERENCES "public"."documents"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "superbill_services_document_idx" ON "superbill_services" USING btree ("practice_id","document_id");--> statement-breakpoint
-- A superbill names each rendering provider's license, as payers ask for it to reimburse a client.
ALTER TABLE "providers" ADD COLUMN "license" text;--> statement-breakpoint
-- Superbills for a client are found by kind and period.
CREATE INDEX "documents_client_kind_idx" ON "documents" USING btree ("practice_id","client_id","kind","document_version");
