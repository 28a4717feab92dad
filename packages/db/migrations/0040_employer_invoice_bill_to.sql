-- Who an employer invoice is billed to (employer name and billing address) as it was when the invoice was issued:
-- a PDF rendered later (recovery after a crash, the sweep) prints this, not the employer's current address.
ALTER TABLE "employer_invoices" ADD COLUMN "bill_to" jsonb;--> statement-breakpoint
-- Invoices issued before: their employer's name and address now, the closest record there is.
UPDATE "employer_invoices" i SET "bill_to" = jsonb_build_object('name', e."name", 'address', e."address")
FROM "employers" e WHERE e."practice_id" = i."practice_id" AND e."id" = i."employer_id";--> statement-breakpoint
ALTER TABLE "employer_invoices" ALTER COLUMN "bill_to" SET NOT NULL;
--> statement-breakpoint
-- The PDF sweep's look (scheduleInvoicePdfSweep): recent invoices, by when they were created.
CREATE INDEX "employer_invoices_created_idx" ON "employer_invoices" ("created_at") WHERE "kind" = 'invoice';
