-- Invoice History searches invoice numbers by any part (ILIKE '%…%'): a trigram index answers that without reading
-- every invoice of the practice. pg_trgm is a trusted extension (a database owner may create it); PGlite loads it
-- with the database (packages/db pgliteExtensions).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "employer_invoices_number_trgm_idx" ON "employer_invoices" USING gin ("number" gin_trgm_ops);
