-- What processing an inbound file found, for the Files screen: a 999 or 277CA's accepted, rejected and unmatched
-- counts (an acknowledgment matching none of our claims needs a person, it is not a success), an 835's remittances.
ALTER TABLE "clearinghouse_files" ADD COLUMN "outcome" jsonb;
