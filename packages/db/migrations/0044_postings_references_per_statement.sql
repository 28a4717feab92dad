-- A posting's claim, invoice and claim line checked once per statement over the inserted rows instead of by three
-- row-level foreign keys: ERA posting inserts thousands of postings per statement, and the keys' per-row lookups
-- (a SELECT … FOR KEY SHARE each) were a quarter of that statement's time. Claims, their lines and invoices are
-- never deleted (they are voided), and every writer of postings holds the claim and the invoice locked.
ALTER TABLE "postings" DROP CONSTRAINT "postings_practice_id_claim_id_claims_practice_id_id_fk";--> statement-breakpoint
ALTER TABLE "postings" DROP CONSTRAINT "postings_practice_id_invoice_id_invoices_practice_id_id_fk";--> statement-breakpoint
ALTER TABLE "postings" DROP CONSTRAINT "postings_claim_line_id_claim_lines_id_fk";--> statement-breakpoint
CREATE FUNCTION "postings_references_exist"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  missing uuid;
BEGIN
  -- Each distinct claim, invoice and line once (a claim's postings share them): about a third of the lookups.
  SELECT n.claim_id INTO missing FROM (SELECT DISTINCT practice_id, claim_id FROM new_postings) n
    WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.practice_id = n.practice_id AND c.id = n.claim_id) LIMIT 1;
  IF missing IS NULL THEN
    SELECT n.invoice_id INTO missing FROM (SELECT DISTINCT practice_id, invoice_id FROM new_postings) n
      WHERE NOT EXISTS (SELECT 1 FROM invoices i WHERE i.practice_id = n.practice_id AND i.id = n.invoice_id) LIMIT 1;
  END IF;
  IF missing IS NULL THEN
    SELECT n.claim_line_id INTO missing
      FROM (SELECT DISTINCT claim_id, claim_line_id FROM new_postings WHERE claim_line_id IS NOT NULL) n
      WHERE NOT EXISTS (SELECT 1 FROM claim_lines l WHERE l.id = n.claim_line_id AND l.claim_id = n.claim_id) LIMIT 1;
  END IF;
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION 'posting reference % is not a claim, invoice or claim line of the posting''s practice', missing
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "postings_references_exist" AFTER INSERT ON "postings" REFERENCING NEW TABLE AS new_postings
  FOR EACH STATEMENT EXECUTE FUNCTION "postings_references_exist"();
