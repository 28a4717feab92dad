-- Issue 18 items 4 and 5. A void that waives its sessions records each one here, so no run (nightly, monthly,
-- on Kept, bill now) invoices it again and "why not billed" can say who waived it and why.
CREATE TABLE "session_waivers" (
	"practice_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"waived_by" text NOT NULL,
	"waived_by_user_id" uuid,
	"waived_at" timestamp with time zone NOT NULL,
	CONSTRAINT "session_waivers_pkey" PRIMARY KEY("practice_id","appointment_id")
);--> statement-breakpoint
ALTER TABLE "session_waivers" ADD CONSTRAINT "session_waivers_appointment_fk" FOREIGN KEY ("practice_id","appointment_id") REFERENCES "public"."appointments"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_waivers" ADD CONSTRAINT "session_waivers_invoice_fk" FOREIGN KEY ("practice_id","invoice_id") REFERENCES "public"."invoices"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_waivers" ADD CONSTRAINT "session_waivers_user_fk" FOREIGN KEY ("waived_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A write-off of one invoice line names the line (client_write_offs stays append-only).
ALTER TABLE "client_write_offs" ADD COLUMN "invoice_line_id" uuid;--> statement-breakpoint
ALTER TABLE "client_write_offs" ADD CONSTRAINT "client_write_offs_invoice_line_fk" FOREIGN KEY ("invoice_line_id") REFERENCES "public"."invoice_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Payments moved off an invoice back to credit on account (so it can be voided).
ALTER TABLE "payment_allocations" DROP CONSTRAINT "payment_allocations_cause_check";--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_cause_check" CHECK ("cause" in ('payment','credit','refund','void','moved'));--> statement-breakpoint
-- What the biller did after a denial or rejection (core claimFollowUpTransitions), apart from the lifecycle and the
-- payer's decision; a replacement or void claim (frequency 7/8) sends the payer's number of the claim it replaces.
ALTER TABLE "claims" ADD COLUMN "follow_up" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_follow_up_check" CHECK ("follow_up" in ('none','replaced','voided_at_payer','written_off','billed_to_client'));--> statement-breakpoint
ALTER TABLE "claims" ADD COLUMN "replaces_payer_claim_number" text;--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_replacement_check" CHECK (("frequency_code" = '1') = ("replaces_payer_claim_number" IS NULL));--> statement-breakpoint
CREATE INDEX "claims_denials_idx" ON "claims" USING btree ("practice_id","id") WHERE "follow_up" = 'none' AND ("status" = 'rejected' OR "adjudication" = 'denied');--> statement-breakpoint
CREATE TABLE "claim_follow_ups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"claim_id" uuid NOT NULL,
	"action" text NOT NULL,
	"reason" text NOT NULL,
	"amount_cents" bigint,
	"new_claim_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"actor_user_id" uuid,
	CONSTRAINT "claim_follow_ups_action_check" CHECK ("action" in ('replace','void_at_payer','resubmit','write_off','bill_client'))
);--> statement-breakpoint
ALTER TABLE "claim_follow_ups" ADD CONSTRAINT "claim_follow_ups_claim_fk" FOREIGN KEY ("practice_id","claim_id") REFERENCES "public"."claims"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_follow_ups" ADD CONSTRAINT "claim_follow_ups_new_claim_fk" FOREIGN KEY ("practice_id","new_claim_id") REFERENCES "public"."claims"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claim_follow_ups_claim_idx" ON "claim_follow_ups" USING btree ("practice_id","claim_id");--> statement-breakpoint
CREATE TRIGGER claim_follow_ups_append_only BEFORE UPDATE OR DELETE ON "claim_follow_ups"
	FOR EACH ROW EXECUTE FUNCTION billcycle_ledger_append_only();--> statement-breakpoint
-- The 835's remark codes (RARC: MOA and LQ*HE) per remittance claim, for the denials queue.
ALTER TABLE "remittance_claims" ADD COLUMN "remark_codes" jsonb DEFAULT '[]'::jsonb NOT NULL;
