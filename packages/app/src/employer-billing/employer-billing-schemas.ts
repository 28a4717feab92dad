import {
  agingBuckets,
  billToParties,
  employerInvoiceStatuses,
  isCalendarDate,
  isSupportedDate,
} from "@billcycle/core";
import { employerInvoiceColumnChoices } from "@billcycle/db";
import { z } from "zod";

const cents = z.int();
const positiveCents = z.int().min(1).max(100_000_000_00);
const localDate = z.iso.date();
// schemas/common's localDate, spelled here: importing it makes a cycle through the app barrel.
const localDateInput = z.string().refine((d) => isCalendarDate(d) && isSupportedDate(d), {
  params: { code: "INVALID_DATE" },
  message: "date must be a calendar date YYYY-MM-DD from 1900-01-01 to 2999-12-31",
});

export const employerInvoiceStatusSchema = z
  .enum(employerInvoiceStatuses)
  .meta({ id: "EmployerInvoiceStatus" });
export const billToSchema = z.enum(billToParties).meta({ id: "BillTo" });

export const invoiceProfileBodySchema = z
  .strictObject({
    header: z.strictObject({
      name: z.string().trim().min(1).max(120),
      lines: z.array(z.string().trim().max(120)).max(6),
    }),
    remitTo: z.strictObject({ lines: z.array(z.string().trim().min(1).max(120)).min(1).max(6) }),
    logoText: z.string().trim().max(60).nullable().optional(),
    /** Overrides the employer's own terms when set. */
    termsDays: z.int().min(0).max(365).nullable().optional(),
    columns: z.array(z.enum(employerInvoiceColumnChoices)).min(1).max(6),
    grouping: z.enum(["employee", "date"]),
    delivery: z.enum(["email", "print"]),
    /**
     * The invoice number: a prefix followed by the practice's next number (INV- numbers INV-1042), or a format with
     * {seq}, {seq:N} (zero-padded), {yyyy} and {yy}: INV-{yyyy}-{seq:5} numbers INV-2026-01042. Tokens are checked
     * by the use case (INVALID_NUMBER_FORMAT).
     */
    numberPrefix: z
      .string()
      .regex(/^[A-Za-z0-9{}:._/-]{1,30}$/, "capitals, digits, . _ / - and {tokens}, up to 30")
      .default("INV-"),
  })
  .meta({ id: "InvoiceProfileBody" });
export type InvoiceProfileBody = z.input<typeof invoiceProfileBodySchema>;

export const invoiceProfileSchema = z
  .strictObject({
    id: z.uuid().nullable(),
    employerId: z.uuid().nullable(),
    /** False: the practice default applies (no profile saved for this employer, or none for the practice). */
    saved: z.boolean(),
    header: z.strictObject({ name: z.string(), lines: z.array(z.string()) }),
    remitTo: z.strictObject({ lines: z.array(z.string()) }),
    logoText: z.string().nullable(),
    termsDays: z.int().nullable(),
    columns: z.array(z.enum(employerInvoiceColumnChoices)),
    grouping: z.enum(["employee", "date"]),
    delivery: z.enum(["email", "print"]),
    numberPrefix: z.string(),
    version: z.int(),
  })
  .meta({ id: "InvoiceProfile" });
export type InvoiceProfileView = z.infer<typeof invoiceProfileSchema>;

export const createEmployerBatchBodySchema = z
  .strictObject({
    employerId: z.uuid().optional(),
    groupId: z.uuid().optional(),
    dosFrom: localDateInput.optional(),
    dosTo: localDateInput.optional(),
    postFrom: localDateInput.optional(),
    postTo: localDateInput.optional(),
    /** Internal: never printed on an invoice. */
    note: z.string().trim().max(500).optional(),
  })
  .meta({ id: "CreateEmployerBatchBody" });
export type CreateEmployerBatchBody = z.infer<typeof createEmployerBatchBodySchema>;

export const employerInvoiceSummarySchema = z
  .strictObject({
    id: z.uuid(),
    number: z.string(),
    kind: z.enum(["invoice", "rebatch", "credit_memo"]),
    batchId: z.uuid(),
    batchNumber: z.int(),
    employerId: z.uuid(),
    employerName: z.string(),
    originalInvoiceId: z.uuid().nullable(),
    timesBatched: z.int(),
    issuedOn: localDate,
    dueOn: localDate,
    totalCents: cents,
    /** What the invoice asked for when issued (a re-batch: the total less payments and credits since). */
    amountDueCents: cents,
    status: employerInvoiceStatusSchema,
    /** The original invoice's amounts now (for a credit memo: its original's). */
    billedCents: cents,
    paidCents: cents,
    creditedCents: cents,
    openCents: cents,
    encounterCount: z.int(),
    delivery: z.enum(["email", "print"]),
    emailedAt: z.iso.datetime({ offset: true }).nullable(),
    printedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: "EmployerInvoiceSummary" });
export type EmployerInvoiceSummary = z.infer<typeof employerInvoiceSummarySchema>;

export const employerBatchSchema = z
  .strictObject({
    id: z.uuid(),
    number: z.int(),
    kind: z.enum(["on_demand", "rebatch", "credit_memo"]),
    employerId: z.uuid().nullable(),
    groupId: z.uuid().nullable(),
    dosFrom: localDate.nullable(),
    dosTo: localDate.nullable(),
    postFrom: localDate.nullable(),
    postTo: localDate.nullable(),
    note: z.string().nullable(),
    rebatchOfBatchNumber: z.int().nullable(),
    createdBy: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
    invoiceCount: z.int(),
    encounterCount: z.int(),
    totalCents: cents,
  })
  .meta({ id: "EmployerBatch" });
export type EmployerBatchView = z.infer<typeof employerBatchSchema>;

export const employerBatchDetailSchema = z
  .strictObject({ batch: employerBatchSchema, invoices: z.array(employerInvoiceSummarySchema) })
  .meta({ id: "EmployerBatchDetail" });
export type EmployerBatchDetail = z.infer<typeof employerBatchDetailSchema>;

export const employerBatchListSchema = z
  .strictObject({ data: z.array(employerBatchSchema), nextCursor: z.string().nullable() })
  .meta({ id: "EmployerBatchList" });

export const employerInvoiceLineSchema = z
  .strictObject({
    id: z.uuid(),
    position: z.int(),
    appointmentId: z.uuid(),
    clientId: z.uuid(),
    employeeName: z.string(),
    dateOfService: localDate,
    serviceId: z.uuid(),
    code: z.string(),
    description: z.string(),
    units: z.int(),
    amountCents: cents,
    authorizationNumber: z.string().nullable(),
    creditsLineId: z.uuid().nullable(),
    /** On an original invoice: the credit memo line that credited it. */
    creditedByLineId: z.uuid().nullable(),
    /** Receipts applied to this line, net of reversals. */
    paidCents: cents,
  })
  .meta({ id: "EmployerInvoiceLine" });

export const invoiceActivitySchema = z
  .strictObject({
    kind: z.enum(["payment", "reversal", "credit_memo"]),
    on: localDate,
    reference: z.string(),
    amountCents: cents,
  })
  .meta({ id: "EmployerInvoiceActivity" });
export type InvoiceActivity = z.infer<typeof invoiceActivitySchema>;

export const employerInvoiceDetailSchema = z
  .strictObject({
    invoice: employerInvoiceSummarySchema,
    lines: z.array(employerInvoiceLineSchema),
    /** Payments and credits on the original invoice since it was first issued, oldest first. */
    activity: z.array(invoiceActivitySchema),
    hasPdf: z.boolean(),
  })
  .meta({ id: "EmployerInvoiceDetail" });
export type EmployerInvoiceDetail = z.infer<typeof employerInvoiceDetailSchema>;

export const invoiceHistoryQuerySchema = z.strictObject({
  employerId: z.uuid().optional(),
  status: z
    .enum(["open", "paid", "all"])
    .default("open")
    .describe("Open (default: open or partially paid), Paid, or All"),
  /** Any part of the invoice id; %, _ and \ match themselves. */
  search: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.uuid().optional(),
});
export type InvoiceHistoryQuery = z.infer<typeof invoiceHistoryQuerySchema>;

export const invoiceHistorySchema = z
  .strictObject({ data: z.array(employerInvoiceSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: "EmployerInvoiceHistory" });
export type InvoiceHistory = z.infer<typeof invoiceHistorySchema>;

export const employerDashboardSchema = z
  .strictObject({
    employerId: z.uuid(),
    employerName: z.string(),
    termsDays: z.int(),
    billedCents: cents,
    paidCents: cents,
    creditedCents: cents,
    openCents: cents,
    /** Receipts not applied to any invoice yet. */
    unappliedCents: cents,
    aging: z.strictObject(
      Object.fromEntries(agingBuckets.map((b) => [b, cents])) as Record<
        (typeof agingBuckets)[number],
        typeof cents
      >,
    ),
    openInvoiceCount: z.int(),
  })
  .meta({ id: "EmployerDashboard" });
export type EmployerDashboard = z.infer<typeof employerDashboardSchema>;

export const creditMemoBodySchema = z
  .strictObject({
    /** The encounters invoiced in error. */
    appointmentIds: z.array(z.uuid()).min(1).max(500),
    reason: z.string().trim().min(1).max(300),
    /** Who the released encounters are billed to from now on (unchanged when omitted). */
    rebillTo: billToSchema.optional(),
    /** With rebillTo employer: the employer to bill instead. */
    rebillEmployerId: z.uuid().optional(),
  })
  .meta({ id: "CreditMemoBody" });
export type CreditMemoBody = z.infer<typeof creditMemoBodySchema>;

export const receiptApplicationBodySchema = z
  .strictObject({
    invoiceId: z.uuid(),
    /** One encounter line of it; the invoice as a whole when omitted. */
    lineId: z.uuid().optional(),
    amountCents: positiveCents,
  })
  .meta({ id: "ReceiptApplicationBody" });
export type ReceiptApplicationBody = z.infer<typeof receiptApplicationBodySchema>;

export const recordReceiptBodySchema = z
  .strictObject({
    employerId: z.uuid(),
    method: z.enum(["check", "eft"]),
    /** The check or EFT number. */
    reference: z.string().trim().min(1).max(40),
    receivedOn: localDateInput,
    amountCents: positiveCents,
    note: z.string().trim().max(300).optional(),
    apply: z.array(receiptApplicationBodySchema).max(500).default([]),
  })
  .meta({ id: "RecordReceiptBody" });
export type RecordReceiptBody = z.input<typeof recordReceiptBodySchema>;

export const applyReceiptBodySchema = z
  .strictObject({ apply: z.array(receiptApplicationBodySchema).min(1).max(500) })
  .meta({ id: "ApplyReceiptBody" });

export const employerReceiptSchema = z
  .strictObject({
    id: z.uuid(),
    employerId: z.uuid(),
    method: z.enum(["check", "eft"]),
    reference: z.string(),
    receivedOn: localDate,
    amountCents: cents,
    appliedCents: cents,
    unappliedCents: cents,
    note: z.string().nullable(),
    recordedBy: z.string(),
    reversedAt: z.iso.datetime({ offset: true }).nullable(),
    applications: z.array(
      z.strictObject({
        invoiceId: z.uuid(),
        invoiceNumber: z.string(),
        lineId: z.uuid().nullable(),
        amountCents: cents,
      }),
    ),
  })
  .meta({ id: "EmployerReceipt" });
export type EmployerReceiptView = z.infer<typeof employerReceiptSchema>;

export const employerReceiptListSchema = z
  .strictObject({ data: z.array(employerReceiptSchema) })
  .meta({ id: "EmployerReceiptList" });

export const reverseReceiptBodySchema = z
  .strictObject({ reason: z.string().trim().min(1).max(300) })
  .meta({ id: "ReverseReceiptBody" });
export const voidEmployerInvoiceBodySchema = z
  .strictObject({ reason: z.string().trim().min(1).max(300) })
  .meta({ id: "VoidEmployerInvoiceBody" });

export const invoiceDeliveryResultSchema = z
  .strictObject({
    invoiceId: z.uuid(),
    delivery: z.enum(["email", "print"]),
    emailedTo: z.string().nullable(),
    emailedAt: z.iso.datetime({ offset: true }).nullable(),
    printedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: "EmployerInvoiceDelivery" });
export type InvoiceDeliveryResult = z.infer<typeof invoiceDeliveryResultSchema>;
