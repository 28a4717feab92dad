ALTER TABLE "auth_sessions" ADD COLUMN "last_seen_at" timestamp with time zone;--> statement-breakpoint
UPDATE "auth_sessions" SET "last_seen_at" = "created_at";--> statement-breakpoint
ALTER TABLE "auth_sessions" ALTER COLUMN "last_seen_at" SET NOT NULL;
