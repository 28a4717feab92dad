-- Inbound files are unique by content (practice, sha256), no longer by name: a name the clearinghouse or a payer
-- portal reuses (era.835) may carry a new file, and the same bytes under two names are one file.
-- Copies of the same content received under other names before this migration are marked "duplicate" and kept
-- outside the key; the file of record stays as it was: the earliest that was not rejected, else the earliest.
UPDATE "clearinghouse_files" AS f SET "status" = 'duplicate'
FROM (
  SELECT "id", row_number() OVER (
    PARTITION BY "practice_id", "sha256"
    ORDER BY ("status" = 'rejected'), "created_at", "id"
  ) AS "n"
  FROM "clearinghouse_files"
  WHERE "direction" = 'inbound' AND "status" <> 'duplicate'
) AS c
WHERE f."id" = c."id" AND c."n" > 1;--> statement-breakpoint
ALTER TABLE "clearinghouse_files" DROP CONSTRAINT "clearinghouse_files_name_key";--> statement-breakpoint
CREATE UNIQUE INDEX "clearinghouse_files_outbound_name_key" ON "clearinghouse_files" USING btree ("practice_id","name") WHERE "clearinghouse_files"."direction" = 'outbound';--> statement-breakpoint
CREATE UNIQUE INDEX "clearinghouse_files_inbound_sha256_key" ON "clearinghouse_files" USING btree ("practice_id","sha256") WHERE "clearinghouse_files"."direction" = 'inbound' and "clearinghouse_files"."status" <> 'duplicate';
