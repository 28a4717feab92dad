import {
  invoicePaymentStatuses,
  isCalendarDate,
  isSupportedDate,
  ledgerEntryKinds,
  paymentMethods,
} from "@billcycle/core";
import { z } from "zod";

const cents = z.int();
const localDate = z.iso.date();
// schemas/common's localDate, spelled here: importing it makes a cycle through the app barrel.
const localDateInput = z.string().refine((d) => isCalendarDate(d) && isSupportedDate(d), {
  params: { code: "INVALID_DATE" },
  message: "date must be a calendar date YYYY-MM-DD from 1900-01-01 to 2999-12-31",
});

export const paymentMethodSchema = z.enum(paymentMethods).meta({ id: "PaymentMethod" });

/** A recorded client payment with what is left of it. */
export const clientPaymentSchema = z
  .strictObject({
    id: z.uuid(),
    clientId: z.uuid(),
    method: paymentMethodSchema,
    amountCents: cents,
    receivedOn: localDate,
    reference: z.string().nullable(),
    cardChargeId: z.string().nullable(),
    recordedBy: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
    /** Applied to invoices now (net of what refunds and voids took back). */
    appliedCents: cents,
    refundedCents: cents,
    /** Credit on account left of it. */
    unappliedCents: cents,
  })
  .meta({ id: "ClientPayment" });
export type ClientPayment = z.infer<typeof clientPaymentSchema>;

export const invoiceAmountSchema = z
  .strictObject({ invoiceId: z.uuid(), invoiceNumber: z.string(), amountCents: cents })
  .meta({ id: "InvoiceAmount" });
export type InvoiceAmount = z.infer<typeof invoiceAmountSchema>;

export const recordedPaymentSchema = z
  .strictObject({
    payment: clientPaymentSchema,
    allocations: z.array(invoiceAmountSchema),
    /** What no invoice took: credit on account, consumed by the next invoice issued. */
    creditCents: cents,
    /** True when the idempotency key was seen before: the first recording is answered, nothing new is written. */
    replayed: z.boolean(),
  })
  .meta({ id: "RecordedPayment" });
export type RecordedPayment = z.infer<typeof recordedPaymentSchema>;

export const paymentListSchema = z
  .strictObject({ data: z.array(clientPaymentSchema), nextCursor: z.string().nullable() })
  .meta({ id: "ClientPaymentList" });
export type ClientPaymentList = z.infer<typeof paymentListSchema>;

export const recordedRefundSchema = z
  .strictObject({
    id: z.uuid(),
    paymentId: z.uuid(),
    clientId: z.uuid(),
    amountCents: cents,
    fromCreditCents: cents,
    refundedOn: localDate,
    reason: z.string(),
    /** What the refund took back from invoices the payment had paid. */
    fromInvoices: z.array(invoiceAmountSchema),
    payment: clientPaymentSchema,
  })
  .meta({ id: "RecordedRefund" });
export type RecordedRefund = z.infer<typeof recordedRefundSchema>;

export const recordedWriteOffSchema = z
  .strictObject({
    id: z.uuid(),
    clientId: z.uuid(),
    invoiceId: z.uuid(),
    invoiceNumber: z.string(),
    /** The line written off, when one line was. */
    invoiceLineId: z.uuid().nullable(),
    kind: z.enum(["write_off", "adjustment"]),
    amountCents: cents,
    effectiveOn: localDate,
    reason: z.string(),
    invoicePaymentStatus: z.enum(invoicePaymentStatuses),
  })
  .meta({ id: "RecordedWriteOff" });
export type RecordedWriteOff = z.infer<typeof recordedWriteOffSchema>;

export const openInvoiceBalanceSchema = z
  .strictObject({
    invoiceId: z.uuid(),
    invoiceNumber: z.string(),
    invoiceDate: localDate,
    clientCents: cents,
    /** Client responsibility still owed on it. */
    openCents: cents,
    paymentStatus: z.enum(invoicePaymentStatuses),
  })
  .meta({ id: "OpenInvoiceBalance" });
export type OpenInvoiceBalance = z.infer<typeof openInvoiceBalanceSchema>;

export const clientBalanceSchema = z
  .strictObject({
    clientId: z.uuid(),
    /** The sum of the ledger: + the client owes, − the practice holds credit. */
    balanceCents: cents,
    /** Open client responsibility over the issued invoices. */
    openInvoicesCents: cents,
    creditOnAccountCents: cents,
    openInvoices: z.array(openInvoiceBalanceSchema),
  })
  .meta({ id: "ClientBalance" });
export type ClientBalance = z.infer<typeof clientBalanceSchema>;

export const ledgerEntrySchema = z
  .strictObject({
    id: z.uuid(),
    kind: z.enum(ledgerEntryKinds),
    amountCents: cents,
    /** The balance after this entry (ledger order). */
    balanceAfterCents: cents,
    effectiveOn: localDate,
    description: z.string(),
    invoiceId: z.uuid().nullable(),
    invoiceNumber: z.string().nullable(),
    paymentId: z.uuid().nullable(),
    refundId: z.uuid().nullable(),
    writeOffId: z.uuid().nullable(),
    postingId: z.uuid().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    actor: z.string(),
  })
  .meta({ id: "LedgerEntry" });
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

export const ledgerPageSchema = z
  .strictObject({ data: z.array(ledgerEntrySchema), nextCursor: z.string().nullable() })
  .meta({ id: "LedgerPage" });
export type LedgerPage = z.infer<typeof ledgerPageSchema>;

export const clientStatementSchema = z
  .strictObject({
    practice: z.strictObject({
      name: z.string(),
      addressLines: z.array(z.string()),
      phone: z.string().nullable(),
      taxId: z.string().nullable(),
    }),
    client: z.strictObject({ id: z.uuid(), name: z.string(), addressLines: z.array(z.string()) }),
    from: localDate,
    to: localDate,
    balanceForwardCents: cents,
    lines: z.array(
      z.strictObject({
        date: localDate,
        kind: z.enum(ledgerEntryKinds),
        description: z.string(),
        invoiceNumber: z.string().nullable(),
        amountCents: cents,
      }),
    ),
    endingBalanceCents: cents,
    amountDueCents: cents,
    creditOnAccountCents: cents,
  })
  .meta({ id: "ClientStatement" });

/** Recording a payment by hand (card payments through billcycle are recorded by the card flow, not this body). */
export const recordPaymentBodySchema = z
  .strictObject({
    method: z.enum(["cash", "check", "external_card"]),
    /** Positive whole cents; zero or less is INVALID_AMOUNT. */
    amountCents: cents,
    receivedOn: localDateInput.optional(),
    reference: z.string().trim().min(1).max(100).nullable().optional(),
    apply: z
      .discriminatedUnion("kind", [
        z.strictObject({ kind: z.literal("oldest_first") }),
        z.strictObject({
          kind: z.literal("chosen"),
          invoices: z
            .array(z.strictObject({ invoiceId: z.uuid(), amountCents: cents.optional() }))
            .min(1)
            .max(100),
        }),
      ])
      .optional(),
  })
  .meta({ id: "RecordPayment" });

export const refundBodySchema = z
  .strictObject({ amountCents: cents, reason: z.string().trim().min(1).max(500) })
  .meta({ id: "RefundPayment" });

export const writeOffBodySchema = z
  .strictObject({
    invoiceId: z.uuid(),
    /** One line of the invoice; the invoice's open amount when omitted. */
    invoiceLineId: z.uuid().optional(),
    kind: z.enum(["write_off", "adjustment"]).default("write_off"),
    /** All that is open on the invoice (or left of the line) when omitted. */
    amountCents: cents.optional(),
    reason: z.string().trim().min(1).max(500),
  })
  .meta({ id: "WriteOffClientBalance" });

/** An Idempotency-Key header: what the caller picked for this payment (a retry sends the same). */
export const idempotencyKeySchema = z
  .string()
  .regex(/^[\x21-\x7e]{1,200}$/, "1–200 printable ASCII characters")
  .describe("unique per payment: a retry with the same key records nothing new and answers the first");
