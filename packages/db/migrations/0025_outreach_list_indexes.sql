-- The Invoice Sets screen over 100,000 sets (bench:outreach). Its search is a contains-match on the patient's name
-- (either order) and phone digits: without an index every search read and rewrote every client of the database.
-- Trigram indexes (pg_trgm, a contrib extension PGlite also ships) answer ILIKE '%…%' on exactly the
-- expressions list-outreach-sets.ts filters on.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "clients_name_trgm_idx" ON "clients" USING gin (("first_name" || ' ' || "last_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "clients_name_reversed_trgm_idx" ON "clients" USING gin (("last_name" || ', ' || "first_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "clients_phone_digits_trgm_idx" ON "clients" USING gin (regexp_replace(coalesce("phone", ''), '[^0-9]', '', 'g') gin_trgm_ops);