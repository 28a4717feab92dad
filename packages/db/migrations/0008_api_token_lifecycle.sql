-- API tokens expire (existing ones 90 days after creation), carry scopes, and say how they were made.
-- Scopes are text[] (not jsonb): a flat list of words the check constraint below can hold to the vocabulary.
ALTER TABLE "api_tokens" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
UPDATE "api_tokens" SET "expires_at" = "created_at" + interval '90 days';--> statement-breakpoint
ALTER TABLE "api_tokens" ALTER COLUMN "expires_at" SET NOT NULL;--> statement-breakpoint
-- Existing tokens acted with the full role, which is what the write scope means.
ALTER TABLE "api_tokens" ADD COLUMN "scopes" text[] DEFAULT '{write}' NOT NULL;--> statement-breakpoint
ALTER TABLE "api_tokens" ALTER COLUMN "scopes" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_scopes_check" CHECK (cardinality("scopes") >= 1 AND "scopes" <@ ARRAY['read','write']::text[]);--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "created_via" text DEFAULT 'session' NOT NULL;--> statement-breakpoint
ALTER TABLE "api_tokens" ALTER COLUMN "created_via" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_via_check" CHECK ("created_via" in ('session','cli'));--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id","id");
