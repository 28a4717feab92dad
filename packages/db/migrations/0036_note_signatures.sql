-- A progress note is signed by its author: the user who signed is recorded beside the provider signed for.
ALTER TABLE "progress_notes" ADD COLUMN "signed_by_user_id" uuid REFERENCES "users"("id") ON DELETE SET NULL;--> statement-breakpoint
-- A biller asks the session's clinician to sign its note; the request is open while the note is unsigned.
CREATE TABLE "note_signature_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"requested_by_user_id" uuid REFERENCES "users"("id") ON DELETE SET NULL,
	"requested_by" text NOT NULL,
	"message" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "note_signature_requests_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "note_signature_requests_appointment_key" UNIQUE("practice_id","appointment_id"),
	CONSTRAINT "note_signature_requests_appointment_fk" FOREIGN KEY ("practice_id","appointment_id") REFERENCES "appointments"("practice_id","id") ON DELETE CASCADE,
	CONSTRAINT "note_signature_requests_provider_fk" FOREIGN KEY ("practice_id","provider_id") REFERENCES "providers"("practice_id","id")
);--> statement-breakpoint
CREATE INDEX "note_signature_requests_provider_idx" ON "note_signature_requests" ("practice_id","provider_id","created_at");
