-- Payment-status history rows like claim_status_history and invoice_status_history: no foreign key. Its one writer
-- inserts them in the transaction that holds the invoice locked, so the check proved nothing and cost ERA posting a
-- row lock on the invoice per posted claim (an FK check is a SELECT … FOR KEY SHARE).
ALTER TABLE "invoice_payment_status_history" DROP CONSTRAINT "invoice_payment_status_history_practice_id_invoice_id_invoices_";
