import { documentKinds, type ShareReason, shareStatuses, shareSubjectTypes } from "@billcycle/core";
import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { instant, tenantColumns } from "./columns";
import { documents } from "./documents";

/**
 * One automatic share: the bill of an invoice (its document is issued when the share falls due, then recorded in
 * `document_id`) or an issued superbill or statement. Unique per subject. A sender holds a due row by setting
 * `lease_until` in a committed transaction before it sends; a sender that dies leaves the lease to run out.
 */
export const documentShares = pgTable(
  "document_shares",
  {
    ...tenantColumns(),
    clientId: uuid("client_id").notNull(),
    subjectType: text("subject_type", { enum: shareSubjectTypes }).notNull(),
    kind: text("kind", { enum: documentKinds }).notNull(),
    invoiceId: uuid("invoice_id"),
    documentId: uuid("document_id"),
    status: text("status", { enum: shareStatuses }).notNull().default("scheduled"),
    dueAt: instant("due_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    leaseUntil: instant("lease_until"),
    /** The first of `reasons`: why it was skipped, or why the last attempt failed. */
    reasonCode: text("reason_code"),
    reasons: jsonb("reasons").$type<ShareReason[]>(),
    /** The Message-ID the email was sent with (derived from the share id: a re-send is recognisable). */
    messageId: text("message_id"),
    sentAt: instant("sent_at"),
    finishedAt: instant("finished_at"),
  },
  (t) => [
    unique("document_shares_practice_id_id_key").on(t.practiceId, t.id),
    // The client and the invoice (of the practice) are checked once per INSERT statement by triggers (0048).
    foreignKey({
      columns: [t.practiceId, t.documentId],
      foreignColumns: [documents.practiceId, documents.id],
    }),
    index("document_shares_client_idx").on(t.practiceId, t.clientId, t.id),
    index("document_shares_shared_document_idx").on(t.practiceId, t.documentId),
    check("document_shares_sent_check", sql`(${t.status} = 'sent') = (${t.sentAt} IS NOT NULL)`),
  ],
);
