import { documentKinds, documentStatuses } from "@billcycle/core";
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  customType,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { invoices } from "./billing";
import { appointments, clients } from "./clinic";
import { cents, instant, tenantColumns } from "./columns";
import { practices, users } from "./practice";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/**
 * A client billing document (bill, superbill, statement) as issued: its PDF bytes and what they say in columns.
 * Immutable once issued (a trigger refuses any change but void): a correction is a new row whose
 * `replaces_document_id` names the old one, with `version` one higher. `number` is shared by every version.
 */
export const documents = pgTable(
  "documents",
  {
    ...tenantColumns(),
    clientId: uuid("client_id").notNull(),
    kind: text("kind", { enum: documentKinds }).notNull(),
    number: text("number").notNull(),
    version: integer("document_version").notNull().default(1),
    replacesDocumentId: uuid("replaces_document_id"),
    status: text("status", { enum: documentStatuses }).notNull(),
    /** The invoice a bill renders; null for superbills and statements. */
    invoiceId: uuid("invoice_id"),
    /** Superbills and statements cover a range of dates of service / activity (local dates). */
    periodFrom: date("period_from", { mode: "string" }),
    periodTo: date("period_to", { mode: "string" }),
    /** The amount the document shows as due (bill, statement) or paid for (superbill), in cents. */
    amountCents: cents("amount_cents").notNull(),
    source: text("source", { enum: ["automation", "user", "on_kept"] }).notNull(),
    runId: uuid("run_id"),
    issuedAt: instant("issued_at").notNull(),
    issuedBy: uuid("issued_by").references(() => users.id),
    pdf: bytea("pdf").notNull(),
    pdfSha256: text("pdf_sha256").notNull(),
    pdfBytes: bigint("pdf_bytes", { mode: "number" }).notNull(),
    voidedAt: instant("voided_at"),
    voidReason: text("void_reason"),
  },
  (t) => [
    unique("documents_practice_id_id_key").on(t.practiceId, t.id),
    unique("documents_practice_number_version_key").on(t.practiceId, t.number, t.version),
    foreignKey({ columns: [t.practiceId], foreignColumns: [practices.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }),
    foreignKey({ columns: [t.practiceId, t.invoiceId], foreignColumns: [invoices.practiceId, invoices.id] }),
    foreignKey({ columns: [t.practiceId, t.replacesDocumentId], foreignColumns: [t.practiceId, t.id] }),
    index("documents_client_idx").on(t.practiceId, t.clientId, t.issuedAt),
    index("documents_invoice_idx").on(t.practiceId, t.invoiceId),
    index("documents_client_kind_idx").on(t.practiceId, t.clientId, t.kind, t.version),
    check(
      "documents_period_check",
      sql`${t.periodFrom} is null or ${t.periodTo} is null or ${t.periodFrom} <= ${t.periodTo}`,
    ),
    check("documents_void_check", sql`(${t.status} = 'void') = (${t.voidedAt} is not null)`),
  ],
);

/**
 * Which superbill a session service (an appointment's service line) is on. The primary key is the exactly-once rule:
 * a service is on at most one superbill. Voiding a superbill deletes its rows; a correction moves them.
 */
export const superbillServices = pgTable(
  "superbill_services",
  {
    practiceId: uuid("practice_id").notNull(),
    appointmentId: uuid("appointment_id").notNull(),
    position: integer("position").notNull(),
    documentId: uuid("document_id").notNull(),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    primaryKey({ name: "superbill_services_pkey", columns: [t.practiceId, t.appointmentId, t.position] }),
    foreignKey({
      name: "superbill_services_appointment_fk",
      columns: [t.practiceId, t.appointmentId],
      foreignColumns: [appointments.practiceId, appointments.id],
    }),
    foreignKey({
      name: "superbill_services_document_fk",
      columns: [t.practiceId, t.documentId],
      foreignColumns: [documents.practiceId, documents.id],
    }),
    index("superbill_services_document_idx").on(t.practiceId, t.documentId),
  ],
);
