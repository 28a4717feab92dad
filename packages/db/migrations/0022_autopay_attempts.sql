-- Autopay: one attempt per open invoice per practice-local night, committed (pending) before its card charge is sent.
CREATE TABLE "autopay_attempts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"client_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"run_id" uuid,
	"local_date" date NOT NULL,
	"attempt_number" integer NOT NULL,
	"amount_cents" bigint NOT NULL,
	"status" text NOT NULL,
	"card_charge_id" uuid,
	"decline_code" text,
	"decline_message" text,
	"settled_at" timestamp with time zone,
	CONSTRAINT "autopay_attempts_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "autopay_attempts_invoice_night_key" UNIQUE("practice_id","invoice_id","local_date"),
	CONSTRAINT "autopay_attempts_amount_check" CHECK ("amount_cents" > 0),
	CONSTRAINT "autopay_attempts_number_check" CHECK ("attempt_number" >= 1),
	CONSTRAINT "autopay_attempts_status_check" CHECK ("status" in ('pending','unknown','succeeded','declined','failed'))
);--> statement-breakpoint
ALTER TABLE "autopay_attempts" ADD CONSTRAINT "autopay_attempts_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autopay_attempts" ADD CONSTRAINT "autopay_attempts_client_fk" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autopay_attempts" ADD CONSTRAINT "autopay_attempts_invoice_fk" FOREIGN KEY ("practice_id","invoice_id") REFERENCES "public"."invoices"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "autopay_attempts" ADD CONSTRAINT "autopay_attempts_card_charge_fk" FOREIGN KEY ("practice_id","card_charge_id") REFERENCES "public"."card_charges"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "autopay_attempts_client_idx" ON "autopay_attempts" USING btree ("practice_id","client_id","local_date");--> statement-breakpoint
CREATE INDEX "autopay_attempts_unresolved_idx" ON "autopay_attempts" USING btree ("practice_id","invoice_id") WHERE "status" in ('pending','unknown');
--> statement-breakpoint
-- Practices saved before autopay existed: 3 attempts (what is already stored wins). Whether autopay runs at all is
-- the Autopay automation's own switch.
UPDATE "practices" SET "billing_settings" = '{"autopayMaxAttempts": 3}'::jsonb || "billing_settings";
