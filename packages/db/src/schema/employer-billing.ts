import { sql } from "drizzle-orm";
import {
  bigint,
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { appointments, employerGroups, employers } from "./clinic";
import { cents, instant, tenantColumns } from "./columns";
import { type Address, practices } from "./practice";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

export const employerInvoiceColumnChoices = [
  "employee_name",
  "employee_id",
  "date_of_service",
  "service",
  "authorization",
  "amount",
] as const;
export type EmployerInvoiceColumn = (typeof employerInvoiceColumnChoices)[number];

export type EmployerBillTo = { name: string; address: Address | null };

export type InvoiceProfileContent = {
  header: { name: string; lines: string[] };
  remitTo: { lines: string[] };
  logoText: string | null;
  termsDays: number | null;
  columns: EmployerInvoiceColumn[];
  grouping: "employee" | "date";
  delivery: "email" | "print";
  numberPrefix: string;
};

/** What an employer invoice shows and how it is sent: one per practice, and optionally one per employer. */
export const employerInvoiceProfiles = pgTable(
  "employer_invoice_profiles",
  {
    ...tenantColumns(),
    employerId: uuid("employer_id"),
    header: jsonb("header").$type<InvoiceProfileContent["header"]>().notNull(),
    remitTo: jsonb("remit_to").$type<InvoiceProfileContent["remitTo"]>().notNull(),
    logoText: text("logo_text"),
    termsDays: integer("terms_days"),
    columns: jsonb("columns").$type<EmployerInvoiceColumn[]>().notNull(),
    grouping: text("grouping", { enum: ["employee", "date"] }).notNull(),
    delivery: text("delivery", { enum: ["email", "print"] }).notNull(),
    numberPrefix: text("number_prefix").notNull(),
  },
  (t) => [
    unique("employer_invoice_profiles_practice_id_id_key").on(t.practiceId, t.id),
    foreignKey({ columns: [t.practiceId], foreignColumns: [practices.id] }).onDelete("cascade"),
    foreignKey({
      columns: [t.practiceId, t.employerId],
      foreignColumns: [employers.practiceId, employers.id],
    }).onDelete("cascade"),
    uniqueIndex("employer_invoice_profiles_practice_key")
      .on(t.practiceId)
      .where(sql`${t.employerId} is null`),
    uniqueIndex("employer_invoice_profiles_employer_key")
      .on(t.practiceId, t.employerId)
      .where(sql`${t.employerId} is not null`),
  ],
);

export const employerInvoiceBatches = pgTable(
  "employer_invoice_batches",
  {
    ...tenantColumns(),
    number: bigint("number", { mode: "number" }).notNull(),
    kind: text("kind", { enum: ["on_demand", "rebatch", "credit_memo"] }).notNull(),
    employerId: uuid("employer_id"),
    groupId: uuid("group_id"),
    dosFrom: date("dos_from", { mode: "string" }),
    dosTo: date("dos_to", { mode: "string" }),
    postFrom: date("post_from", { mode: "string" }),
    postTo: date("post_to", { mode: "string" }),
    /** Internal: never printed on an invoice. */
    note: text("note"),
    rebatchOfBatchId: uuid("rebatch_of_batch_id"),
    createdBy: text("created_by").notNull(),
    createdByUserId: uuid("created_by_user_id"),
  },
  (t) => [
    unique("employer_invoice_batches_practice_id_id_key").on(t.practiceId, t.id),
    unique("employer_invoice_batches_number_key").on(t.practiceId, t.number),
    foreignKey({
      columns: [t.practiceId, t.employerId],
      foreignColumns: [employers.practiceId, employers.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.groupId],
      foreignColumns: [employerGroups.practiceId, employerGroups.id],
    }),
  ],
);

export const employerInvoices = pgTable(
  "employer_invoices",
  {
    ...tenantColumns(),
    batchId: uuid("batch_id").notNull(),
    employerId: uuid("employer_id").notNull(),
    kind: text("kind", { enum: ["invoice", "rebatch", "credit_memo"] }).notNull(),
    number: text("number").notNull(),
    /** A re-batch's or credit memo's original invoice. */
    originalInvoiceId: uuid("original_invoice_id"),
    /** 1 for an original; n for its re-batch numbered -n. */
    timesBatched: integer("times_batched").notNull().default(1),
    issuedOn: date("issued_on", { mode: "string" }).notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    totalCents: cents("total_cents").notNull(),
    /** What the invoice asked for when issued: a re-batch's total less payments and credits since the original. */
    amountDueCents: cents("amount_due_cents").notNull(),
    status: text("status", { enum: ["open", "partially_paid", "paid", "void"] }).notNull(),
    /** The profile as it was when issued (the PDF follows it). */
    profile: jsonb("profile").$type<InvoiceProfileContent>().notNull(),
    /** The employer's name and billing address when issued: a PDF rendered later prints these, not today's. */
    billTo: jsonb("bill_to").$type<EmployerBillTo>().notNull(),
    delivery: text("delivery", { enum: ["email", "print"] }).notNull(),
    emailedAt: instant("emailed_at"),
    emailedTo: text("emailed_to"),
    printedAt: instant("printed_at"),
    voidedAt: instant("voided_at"),
    voidReason: text("void_reason"),
  },
  (t) => [
    unique("employer_invoices_practice_id_id_key").on(t.practiceId, t.id),
    unique("employer_invoices_number_key").on(t.practiceId, t.number),
    foreignKey({
      columns: [t.practiceId, t.batchId],
      foreignColumns: [employerInvoiceBatches.practiceId, employerInvoiceBatches.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.employerId],
      foreignColumns: [employers.practiceId, employers.id],
    }),
    index("employer_invoices_employer_idx").on(t.practiceId, t.employerId, t.id),
    index("employer_invoices_batch_idx").on(t.practiceId, t.batchId),
    index("employer_invoices_status_idx").on(t.practiceId, t.status, t.id),
    index("employer_invoices_created_idx").on(t.createdAt).where(sql`${t.kind} = 'invoice'`),
  ],
);

export const employerInvoiceLines = pgTable(
  "employer_invoice_lines",
  {
    id: uuid("id").primaryKey(),
    practiceId: uuid("practice_id").notNull(),
    invoiceId: uuid("invoice_id").notNull(),
    position: integer("position").notNull(),
    appointmentId: uuid("appointment_id").notNull(),
    clientId: uuid("client_id").notNull(),
    employeeName: text("employee_name").notNull(),
    dateOfService: date("date_of_service", { mode: "string" }).notNull(),
    serviceId: uuid("service_id").notNull(),
    code: text("code").notNull(),
    description: text("description").notNull(),
    units: integer("units").notNull(),
    amountCents: cents("amount_cents").notNull(),
    authorizationNumber: text("authorization_number"),
    /** A credit memo's line: the original line it credits (at most once). */
    creditsLineId: uuid("credits_line_id"),
  },
  (t) => [
    unique("employer_invoice_lines_practice_id_id_key").on(t.practiceId, t.id),
    foreignKey({
      columns: [t.practiceId, t.invoiceId],
      foreignColumns: [employerInvoices.practiceId, employerInvoices.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.appointmentId],
      foreignColumns: [appointments.practiceId, appointments.id],
    }),
    index("employer_invoice_lines_invoice_idx").on(t.practiceId, t.invoiceId, t.position),
  ],
);

/** The exactly-once rule: an encounter is on at most one live original employer invoice. */
export const employerBilledEncounters = pgTable(
  "employer_billed_encounters",
  {
    practiceId: uuid("practice_id").notNull(),
    appointmentId: uuid("appointment_id").notNull(),
    invoiceId: uuid("invoice_id").notNull(),
  },
  (t) => [primaryKey({ name: "employer_billed_encounters_pk", columns: [t.practiceId, t.appointmentId] })],
);

/** Each employer invoice's PDF as issued; a trigger refuses any change. */
export const employerInvoicePdfs = pgTable("employer_invoice_pdfs", {
  invoiceId: uuid("invoice_id").primaryKey(),
  practiceId: uuid("practice_id").notNull(),
  createdAt: instant("created_at").notNull().defaultNow(),
  pdf: bytea("pdf").notNull(),
  pdfSha256: text("pdf_sha256").notNull(),
  pdfBytes: bigint("pdf_bytes", { mode: "number" }).notNull(),
});

export const employerReceipts = pgTable(
  "employer_receipts",
  {
    ...tenantColumns(),
    employerId: uuid("employer_id").notNull(),
    method: text("method", { enum: ["check", "eft"] }).notNull(),
    /** The check or EFT number. */
    reference: text("reference").notNull(),
    receivedOn: date("received_on", { mode: "string" }).notNull(),
    amountCents: cents("amount_cents").notNull(),
    note: text("note"),
    recordedBy: text("recorded_by").notNull(),
    reversedAt: instant("reversed_at"),
    reversalReason: text("reversal_reason"),
  },
  (t) => [
    unique("employer_receipts_practice_id_id_key").on(t.practiceId, t.id),
    index("employer_receipts_employer_idx").on(t.practiceId, t.employerId, t.id),
  ],
);

export const employerReceiptApplications = pgTable(
  "employer_receipt_applications",
  {
    id: uuid("id").primaryKey(),
    practiceId: uuid("practice_id").notNull(),
    createdAt: instant("created_at").notNull().defaultNow(),
    receiptId: uuid("receipt_id").notNull(),
    /** Always an original invoice: payments on a re-batch go to the invoice it reprints. */
    invoiceId: uuid("invoice_id").notNull(),
    lineId: uuid("line_id"),
    amountCents: cents("amount_cents").notNull(),
    reversesApplicationId: uuid("reverses_application_id"),
  },
  (t) => [
    index("employer_receipt_applications_invoice_idx").on(t.practiceId, t.invoiceId),
    index("employer_receipt_applications_receipt_idx").on(t.practiceId, t.receiptId),
  ],
);
