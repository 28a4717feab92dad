-- The rows the claims pipeline writes one per claim in bulk (scrub results and submissions, 10,000 per statement
-- in a night's Claims Submission; an ERA's claims, 5,000 per batch) checked once per statement over the inserted
-- rows instead of by row-level foreign keys, as 0044 did for postings: each key's per-row lookup (a SELECT … FOR
-- KEY SHARE, the file's and the remittance's the same row every time) was a tenth of those writes. Claims,
-- clearinghouse files and remittances are never deleted, so the keys' cascades never ran.
ALTER TABLE "claim_scrubs" DROP CONSTRAINT "claim_scrubs_practice_id_claim_id_claims_practice_id_id_fk";--> statement-breakpoint
ALTER TABLE "claim_submissions" DROP CONSTRAINT "claim_submissions_practice_id_claim_id_claims_practice_id_id_fk";--> statement-breakpoint
ALTER TABLE "claim_submissions" DROP CONSTRAINT "claim_submissions_practice_id_file_id_clearinghouse_files_pract";--> statement-breakpoint
ALTER TABLE "remittance_claims" DROP CONSTRAINT "remittance_claims_practice_id_remittance_id_remittances_practic";--> statement-breakpoint
CREATE FUNCTION "claim_rows_claims_exist"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  missing uuid;
BEGIN
  SELECT n.claim_id INTO missing FROM (SELECT DISTINCT practice_id, claim_id FROM new_rows) n
    WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.practice_id = n.practice_id AND c.id = n.claim_id) LIMIT 1;
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION '% row refers to %, not a claim of its practice', TG_TABLE_NAME, missing
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "claim_submissions_files_exist"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  missing uuid;
BEGIN
  SELECT n.file_id INTO missing FROM (SELECT DISTINCT practice_id, file_id FROM new_rows) n
    WHERE NOT EXISTS (SELECT 1 FROM clearinghouse_files f WHERE f.practice_id = n.practice_id AND f.id = n.file_id)
    LIMIT 1;
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'claim_submissions row refers to %, not a clearinghouse file of its practice', missing
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "remittance_claims_remittances_exist"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  missing uuid;
BEGIN
  SELECT n.remittance_id INTO missing FROM (SELECT DISTINCT practice_id, remittance_id FROM new_rows) n
    WHERE NOT EXISTS (SELECT 1 FROM remittances r WHERE r.practice_id = n.practice_id AND r.id = n.remittance_id)
    LIMIT 1;
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'remittance_claims row refers to %, not a remittance of its practice', missing
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "claim_scrubs_claims_exist" AFTER INSERT ON "claim_scrubs" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "claim_rows_claims_exist"();--> statement-breakpoint
CREATE TRIGGER "claim_submissions_claims_exist" AFTER INSERT ON "claim_submissions" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "claim_rows_claims_exist"();--> statement-breakpoint
CREATE TRIGGER "claim_submissions_files_exist" AFTER INSERT ON "claim_submissions" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "claim_submissions_files_exist"();--> statement-breakpoint
CREATE TRIGGER "remittance_claims_remittances_exist" AFTER INSERT ON "remittance_claims"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "remittance_claims_remittances_exist"();
