-- Jobs are definitions (name, version, payload schema): a job records the version of the payload it was written
-- with, so a worker that does not know that version fails it with a reason instead of misreading it.
ALTER TABLE "jobs" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;
--> statement-breakpoint
-- Outbound files whose last delivery attempt ended "unknown" had no job left, their claims in flight for good:
-- give each the reconcile-delivery job the delivery now enqueues at that point.
INSERT INTO "jobs" ("queue", "version", "payload", "singleton_key", "run_at", "max_attempts", "created_at")
SELECT 'reconcile-delivery', 1, jsonb_build_object('fileId', f."id"::text), 'reconcile:' || f."id"::text, now(), 5, now()
FROM "clearinghouse_files" f
WHERE f."direction" = 'outbound' AND f."status" = 'unknown' AND f."next_attempt_at" IS NULL
ON CONFLICT ("singleton_key") DO NOTHING;
