-- A manual card charge may name the invoices it pays (and how much of each): kept on the charge so whichever path
-- settles it (the answer, the janitor, the webhook) applies the money as the biller chose. NULL: oldest first.
ALTER TABLE "card_charges" ADD COLUMN "apply_to" jsonb;