-- A share's client and invoice checked once per INSERT statement over the inserted rows instead of by row-level
-- foreign keys, as 0044/0045 did: the night schedules one share per new bill, 1,000 per statement, and the three
-- keys' per-row lookups (the practice's the same row every time) were 13 ms of the insert's 29 ms per 1,000
-- sessions. The practice needs no check of its own: the client is checked within it. Practices, clients and
-- invoices are never deleted (invoices are voided), so the keys' cascades never ran. The document key stays: a
-- bill's document is set by an UPDATE when its share falls due.
ALTER TABLE "document_shares" DROP CONSTRAINT "document_shares_practice_id_practices_id_fk";--> statement-breakpoint
ALTER TABLE "document_shares" DROP CONSTRAINT "document_shares_practice_id_client_id_clients_practice_id_id_fk";--> statement-breakpoint
ALTER TABLE "document_shares" DROP CONSTRAINT "document_shares_practice_id_invoice_id_invoices_practice_id_id_fk";--> statement-breakpoint
-- As in 0045, with two changes. Rows whose column is NULL are skipped (a document's share has no invoice), as a
-- foreign key skips them: before, LIMIT 1 could pick such a row and miss a missing reference in another. And each
-- reference is one primary-key probe, its practice compared after it (OFFSET 0 keeps the comparison out): with
-- both conditions in one scan, a planner with stale statistics took the practice's rows by another index
-- (invoices by status) and filtered them by id, once per inserted row: 36 ms for 1,000 lines of a night's second
-- batch, more with every batch.
CREATE OR REPLACE FUNCTION "inserted_rows_refer_to"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  missing uuid;
BEGIN
  EXECUTE format(
    'SELECT n.%1$I FROM (SELECT DISTINCT practice_id, %1$I FROM new_rows WHERE %1$I IS NOT NULL) n
       WHERE NOT EXISTS (SELECT 1 FROM (SELECT p.practice_id FROM %2$I p WHERE p.id = n.%1$I OFFSET 0) p
         WHERE p.practice_id = n.practice_id) LIMIT 1',
    TG_ARGV[0], TG_ARGV[1]) INTO missing;
  IF missing IS NOT NULL THEN
    RAISE EXCEPTION '% row refers to %, not a row of % of its practice', TG_TABLE_NAME, missing, TG_ARGV[1]
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "document_shares_clients_exist" AFTER INSERT ON "document_shares" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "inserted_rows_refer_to"('client_id', 'clients');--> statement-breakpoint
CREATE TRIGGER "document_shares_invoices_exist" AFTER INSERT ON "document_shares" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "inserted_rows_refer_to"('invoice_id', 'invoices');
