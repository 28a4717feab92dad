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
