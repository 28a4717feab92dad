-- The rows the claims pipeline writes one per claim in bulk (scrub results and submissions, 10,000 per statement
-- in a night's Claims Submission; an ERA's claims, 2,000 per batch) checked once per statement over the inserted
-- rows instead of by row-level foreign keys, as 0044 did for postings: each key's per-row lookup (a SELECT … FOR
-- KEY SHARE, the file's and the remittance's the same row every time) was two thirds of a submission's insert.
-- Claims, clearinghouse files and remittances are never deleted, so the keys' cascades never ran.
ALTER TABLE "claim_scrubs" DROP CONSTRAINT "claim_scrubs_practice_id_claim_id_claims_practice_id_id_fk";--> statement-breakpoint
ALTER TABLE "claim_submissions" DROP CONSTRAINT "claim_submissions_practice_id_claim_id_claims_practice_id_id_fk";--> statement-breakpoint
ALTER TABLE "claim_submissions" DROP CONSTRAINT "claim_submissions_practice_id_file_id_clearinghouse_files_pract";--> statement-breakpoint
ALTER TABLE "remittance_claims" DROP CONSTRAINT "remittance_claims_practice_id_remittance_id_remittances_practic";--> statement-breakpoint
-- Arguments: the inserted rows' column, and the table whose (practice_id, id) it names.
CREATE FUNCTION "inserted_rows_refer_to"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  missing uuid;
BEGIN
  EXECUTE format(
    'SELECT n.%1$I FROM (SELECT DISTINCT practice_id, %1$I FROM new_rows) n
       WHERE NOT EXISTS (SELECT 1 FROM %2$I p WHERE p.practice_id = n.practice_id AND p.id = n.%1$I) LIMIT 1',
    TG_ARGV[0], TG_ARGV[1]) INTO missing;
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION '% row refers to %, not a row of % of its practice', TG_TABLE_NAME, missing, TG_ARGV[1]
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "claim_scrubs_claims_exist" AFTER INSERT ON "claim_scrubs" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "inserted_rows_refer_to"('claim_id', 'claims');--> statement-breakpoint
CREATE TRIGGER "claim_submissions_claims_exist" AFTER INSERT ON "claim_submissions" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "inserted_rows_refer_to"('claim_id', 'claims');--> statement-breakpoint
CREATE TRIGGER "claim_submissions_files_exist" AFTER INSERT ON "claim_submissions" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "inserted_rows_refer_to"('file_id', 'clearinghouse_files');--> statement-breakpoint
CREATE TRIGGER "remittance_claims_remittances_exist" AFTER INSERT ON "remittance_claims"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "inserted_rows_refer_to"('remittance_id', 'remittances');
