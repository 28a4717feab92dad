import type { Database } from "@billcycle/db";

/**
 * Issues the bill (PDF document) of an invoice as it stands at `now` and returns the new document's id. Sharing
 * calls it when a bill's share falls due, so a payment recorded since the invoice opened (autopay at 00:30) is on
 * the bill the client gets. The documents code provides it (`issueBillDocument`); sharing only depends on this type.
 */
export type IssueBillDocument = (
  database: Database,
  input: { practiceId: string; invoiceId: string; now: Date },
) => Promise<{ documentId: string }>;
