-- A claim's lifecycle (status) apart from what the payer decided (adjudication): paid, partially paid and denied
-- claims become Adjudicated with that decision. The history records both dimensions of each move.
ALTER TABLE "claims" ADD COLUMN "adjudication" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
UPDATE "claims" SET "adjudication" = "status", "status" = 'adjudicated'
  WHERE "status" IN ('paid', 'partially_paid', 'denied');--> statement-breakpoint
ALTER TABLE "claims" ALTER COLUMN "status" SET DEFAULT 'awaiting_submission';--> statement-breakpoint
ALTER TABLE "claims" ADD CONSTRAINT "claims_adjudication_check"
  CHECK ("adjudication" IN ('none', 'paid', 'partially_paid', 'denied')
    AND ("status" = 'adjudicated') = ("adjudication" <> 'none'));--> statement-breakpoint
DROP INDEX IF EXISTS "claims_practice_status_idx";--> statement-breakpoint
CREATE INDEX "claims_practice_status_idx" ON "claims" USING btree ("practice_id", "status", "adjudication");--> statement-breakpoint
ALTER TABLE "claim_status_history" ADD COLUMN "from_adjudication" text;--> statement-breakpoint
ALTER TABLE "claim_status_history" ADD COLUMN "to_adjudication" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
UPDATE "claim_status_history" SET "to_adjudication" = "to_status", "to_status" = 'adjudicated'
  WHERE "to_status" IN ('paid', 'partially_paid', 'denied');--> statement-breakpoint
UPDATE "claim_status_history" SET "from_adjudication" = "from_status", "from_status" = 'adjudicated'
  WHERE "from_status" IN ('paid', 'partially_paid', 'denied');--> statement-breakpoint
UPDATE "claim_status_history" SET "from_adjudication" = 'none'
  WHERE "from_status" IS NOT NULL AND "from_adjudication" IS NULL;
