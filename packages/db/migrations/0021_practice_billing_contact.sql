-- Who the clearinghouse calls about a practice's claims (837P loop 1000A PER): a name and an email, beside the
-- practice phone. A practice without any way to be reached cannot enable Claims Submission.
ALTER TABLE "practices" ADD COLUMN "billing_contact_name" text;--> statement-breakpoint
ALTER TABLE "practices" ADD COLUMN "billing_contact_email" text;
