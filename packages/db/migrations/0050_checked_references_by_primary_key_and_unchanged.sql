-- 0044's check of a posting's claim and invoice, each reference one primary-key probe with its practice compared
-- after it (OFFSET 0 keeps the comparison out), as 0048 did for the other per-statement checks: with both
-- conditions in one scan, a planner with stale statistics may take the practice's rows by another index and
-- filter them by id once per posting. The line is looked up by its id alone for the same reason.
CREATE OR REPLACE FUNCTION "postings_references_exist"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  missing uuid;
BEGIN
  -- Each distinct claim, invoice and line once (a claim's postings share them): about a third of the lookups.
  SELECT n.claim_id INTO missing FROM (SELECT DISTINCT practice_id, claim_id FROM new_postings) n
    WHERE NOT EXISTS (SELECT 1 FROM (SELECT c.practice_id FROM claims c WHERE c.id = n.claim_id OFFSET 0) c
      WHERE c.practice_id = n.practice_id) LIMIT 1;
  IF missing IS NULL THEN
    SELECT n.invoice_id INTO missing FROM (SELECT DISTINCT practice_id, invoice_id FROM new_postings) n
      WHERE NOT EXISTS (SELECT 1 FROM (SELECT i.practice_id FROM invoices i WHERE i.id = n.invoice_id OFFSET 0) i
        WHERE i.practice_id = n.practice_id) LIMIT 1;
  END IF;
  IF missing IS NULL THEN
    SELECT n.claim_line_id INTO missing
      FROM (SELECT DISTINCT claim_id, claim_line_id FROM new_postings WHERE claim_line_id IS NOT NULL) n
      WHERE NOT EXISTS (SELECT 1 FROM (SELECT l.claim_id FROM claim_lines l WHERE l.id = n.claim_line_id OFFSET 0) l
        WHERE l.claim_id = n.claim_id) LIMIT 1;
  END IF;
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'posting reference % is not a claim, invoice or claim line of the posting''s practice', missing
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- The references the earlier per-statement checks cover (0044, 0045, 0048) are refused on UPDATE too, as 0049's
-- are: an insert check cannot see an update, and no code changes them.
CREATE TRIGGER "postings_references_unchanged" BEFORE UPDATE OF "practice_id", "claim_id", "invoice_id", "claim_line_id"
  ON "postings" FOR EACH ROW
  WHEN (OLD.practice_id IS DISTINCT FROM NEW.practice_id OR OLD.claim_id IS DISTINCT FROM NEW.claim_id
    OR OLD.invoice_id IS DISTINCT FROM NEW.invoice_id OR OLD.claim_line_id IS DISTINCT FROM NEW.claim_line_id)
  EXECUTE FUNCTION "reference_unchanged"('claim_id, invoice_id, claim_line_id');--> statement-breakpoint
CREATE TRIGGER "claim_scrubs_claim_unchanged" BEFORE UPDATE OF "practice_id", "claim_id" ON "claim_scrubs"
  FOR EACH ROW WHEN (OLD.practice_id IS DISTINCT FROM NEW.practice_id OR OLD.claim_id IS DISTINCT FROM NEW.claim_id)
  EXECUTE FUNCTION "reference_unchanged"('claim_id');--> statement-breakpoint
CREATE TRIGGER "claim_submissions_references_unchanged" BEFORE UPDATE OF "practice_id", "claim_id", "file_id"
  ON "claim_submissions" FOR EACH ROW
  WHEN (OLD.practice_id IS DISTINCT FROM NEW.practice_id OR OLD.claim_id IS DISTINCT FROM NEW.claim_id
    OR OLD.file_id IS DISTINCT FROM NEW.file_id)
  EXECUTE FUNCTION "reference_unchanged"('claim_id, file_id');--> statement-breakpoint
CREATE TRIGGER "remittance_claims_remittance_unchanged" BEFORE UPDATE OF "practice_id", "remittance_id"
  ON "remittance_claims" FOR EACH ROW
  WHEN (OLD.practice_id IS DISTINCT FROM NEW.practice_id OR OLD.remittance_id IS DISTINCT FROM NEW.remittance_id)
  EXECUTE FUNCTION "reference_unchanged"('remittance_id');--> statement-breakpoint
CREATE TRIGGER "document_shares_references_unchanged" BEFORE UPDATE OF "practice_id", "client_id", "invoice_id"
  ON "document_shares" FOR EACH ROW
  WHEN (OLD.practice_id IS DISTINCT FROM NEW.practice_id OR OLD.client_id IS DISTINCT FROM NEW.client_id
    OR OLD.invoice_id IS DISTINCT FROM NEW.invoice_id)
  EXECUTE FUNCTION "reference_unchanged"('client_id, invoice_id');
