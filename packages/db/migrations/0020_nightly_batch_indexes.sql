-- Invoice Processing takes the open invoices of a practice 50 at a time in id order (on the embedded server every
-- statement holds the API). With only (practice_id, status, invoice_date) each batch read and sorted every open
-- invoice of the practice; this index hands over the next 50 directly. Only open invoices are in it.
CREATE INDEX "invoices_open_idx" ON "invoices" USING btree ("practice_id","id") WHERE "invoices"."status" = 'open';
