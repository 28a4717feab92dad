-- Inbound files keep the bytes received (bytea), not only decoded text: a UTF-16 file or one with NUL bytes (which a
-- text column refuses) is stored as it came, marked rejected with a code. The decoded text is no longer stored for
-- inbound files; outbound files (written by us, ASCII) keep theirs in "content".
ALTER TABLE "clearinghouse_files" ADD COLUMN "raw" bytea;--> statement-breakpoint
ALTER TABLE "clearinghouse_files" ADD COLUMN "encoding" text;--> statement-breakpoint
ALTER TABLE "clearinghouse_files" ADD COLUMN "reject_code" text;--> statement-breakpoint
ALTER TABLE "clearinghouse_files" ALTER COLUMN "content" DROP NOT NULL;--> statement-breakpoint
-- A remittance is a duplicate only when its content is the same (payer, trace number and content hash); another
-- remittance with a known trace number is kept and queued for a person. Remittances imported before this migration
-- have no hash: a marker unique to each, so a same-trace remittance arriving now is queued rather than dropped.
ALTER TABLE "remittances" ADD COLUMN "content_sha256" text;--> statement-breakpoint
UPDATE "remittances" SET "content_sha256" = 'before-0011:' || "id"::text;--> statement-breakpoint
ALTER TABLE "remittances" ALTER COLUMN "content_sha256" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "remittances" DROP CONSTRAINT "remittances_trace_key";--> statement-breakpoint
CREATE UNIQUE INDEX "remittances_content_key" ON "remittances" USING btree ("practice_id","payer_identifier","trace_number","content_sha256");--> statement-breakpoint
-- Posting in batches, each its own transaction: the position of the next claim to post, committed with each batch.
ALTER TABLE "remittances" ADD COLUMN "next_position" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "remittances" SET "next_position" = "claim_count";
