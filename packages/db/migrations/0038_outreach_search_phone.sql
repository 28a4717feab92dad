-- The Invoice Sets screen's search looks the matching patients up first (list-outreach-sets.ts): a name or phone
-- term through the trigram indexes of 0025, and a full phone number through its E.164 form. Without an index on the
-- phone itself that one arm of the OR turned the bitmap lookup into a scan of every client.
CREATE INDEX "clients_practice_phone_idx" ON "clients" USING btree ("practice_id","phone") WHERE "phone" IS NOT NULL;
