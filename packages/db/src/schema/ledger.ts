import { invoicePaymentStatuses, ledgerEntryKinds, paymentMethods } from "@billcycle/core";
import { sql } from "drizzle-orm";
import { check, date, foreignKey, index, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { invoiceLines, invoices } from "./billing";
import { postings } from "./claims-pipeline";
import { clients } from "./clinic";
import { cents, instant } from "./columns";
import { practices, users } from "./practice";

/** Client payment columns every ledger table shares: who, when, for which client. Rows are never changed. */
const recorded = () => ({
  id: uuid("id").primaryKey(),
  practiceId: uuid("practice_id").notNull(),
  clientId: uuid("client_id").notNull(),
  createdAt: instant("created_at").notNull(),
  /** The audit label ("user:<id>", "system:autopay"). */
  recordedBy: text("recorded_by").notNull(),
  recordedByUserId: uuid("recorded_by_user_id").references(() => users.id),
});

/**
 * Money a client paid, by hand (cash, check, a card run elsewhere) or by card through billcycle. Append-only.
 * `idempotency_key` is unique per practice and written in the same transaction, so a retry records nothing new.
 */
export const payments = pgTable(
  "payments",
  {
    ...recorded(),
    method: text("method", { enum: paymentMethods }).notNull(),
    amountCents: cents("amount_cents").notNull(),
    receivedOn: date("received_on", { mode: "string" }).notNull(),
    reference: text("reference"),
    cardChargeId: text("card_charge_id"),
    idempotencyKey: text("idempotency_key").notNull(),
    /** What was asked (apply to, amount): a retry with the same key and other terms is refused. */
    request: jsonb("request").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    unique("payments_practice_id_id_key").on(t.practiceId, t.id),
    unique("payments_practice_idempotency_key").on(t.practiceId, t.idempotencyKey),
    foreignKey({ columns: [t.practiceId], foreignColumns: [practices.id] }),
    foreignKey({ columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }),
    index("payments_client_idx").on(t.practiceId, t.clientId, t.id),
    check("payments_amount_check", sql`${t.amountCents} > 0`),
    check("payments_method_check", sql`${t.method} in ('cash','check','external_card','card')`),
  ],
);

/** Money returned from a payment: never more than what remains of it (decideRefund, and checked again). */
export const refunds = pgTable(
  "refunds",
  {
    ...recorded(),
    paymentId: uuid("payment_id").notNull(),
    amountCents: cents("amount_cents").notNull(),
    /** The part taken from the payment's unapplied credit; the rest was taken back from invoices. */
    fromCreditCents: cents("from_credit_cents").notNull(),
    refundedOn: date("refunded_on", { mode: "string" }).notNull(),
    reason: text("reason").notNull(),
  },
  (t) => [
    unique("refunds_practice_id_id_key").on(t.practiceId, t.id),
    foreignKey({ columns: [t.practiceId, t.paymentId], foreignColumns: [payments.practiceId, payments.id] }),
    foreignKey({ columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }),
    index("refunds_payment_idx").on(t.practiceId, t.paymentId),
    check("refunds_amount_check", sql`${t.amountCents} > 0`),
    check("refunds_from_credit_check", sql`${t.fromCreditCents} between 0 and ${t.amountCents}`),
  ],
);

/** Client responsibility the practice forgives (write_off) or corrects down (adjustment), on one invoice. */
export const clientWriteOffs = pgTable(
  "client_write_offs",
  {
    ...recorded(),
    invoiceId: uuid("invoice_id").notNull(),
    /** A write-off of one line of the invoice (migration 0019); none: of the invoice's open amount. */
    invoiceLineId: uuid("invoice_line_id").references(() => invoiceLines.id),
    kind: text("kind", { enum: ["write_off", "adjustment"] }).notNull(),
    amountCents: cents("amount_cents").notNull(),
    effectiveOn: date("effective_on", { mode: "string" }).notNull(),
    reason: text("reason").notNull(),
  },
  (t) => [
    unique("client_write_offs_practice_id_id_key").on(t.practiceId, t.id),
    foreignKey({ columns: [t.practiceId, t.invoiceId], foreignColumns: [invoices.practiceId, invoices.id] }),
    foreignKey({ columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }),
    check("client_write_offs_amount_check", sql`${t.amountCents} > 0`),
    check("client_write_offs_kind_check", sql`${t.kind} in ('write_off','adjustment')`),
  ],
);

/**
 * Where a payment's money went: + applies it to an invoice, − takes it back (a refund, a voided invoice), which
 * returns it to credit on account or out with the refund. Unapplied = amount − Σ allocations − Σ refunds.
 */
export const paymentAllocations = pgTable(
  "payment_allocations",
  {
    id: uuid("id").primaryKey(),
    practiceId: uuid("practice_id").notNull(),
    clientId: uuid("client_id").notNull(),
    paymentId: uuid("payment_id").notNull(),
    invoiceId: uuid("invoice_id").notNull(),
    amountCents: cents("amount_cents").notNull(),
    cause: text("cause", { enum: ["payment", "credit", "refund", "void", "moved"] }).notNull(),
    refundId: uuid("refund_id"),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.practiceId, t.paymentId], foreignColumns: [payments.practiceId, payments.id] }),
    foreignKey({ columns: [t.practiceId, t.invoiceId], foreignColumns: [invoices.practiceId, invoices.id] }),
    foreignKey({ columns: [t.practiceId, t.refundId], foreignColumns: [refunds.practiceId, refunds.id] }),
    index("payment_allocations_payment_idx").on(t.paymentId, t.id),
    index("payment_allocations_invoice_idx").on(t.invoiceId),
    check("payment_allocations_amount_check", sql`${t.amountCents} <> 0`),
    check(
      "payment_allocations_sign_check",
      sql`(${t.amountCents} > 0) = (${t.cause} in ('payment','credit'))`,
    ),
  ],
);

/**
 * The client ledger: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE), signed integer cents (+ raises
 * what the client owes), each row linked to what caused it. The balance is the sum of a client's rows.
 */
export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: uuid("id").primaryKey(),
    practiceId: uuid("practice_id").notNull(),
    clientId: uuid("client_id").notNull(),
    kind: text("kind", { enum: ledgerEntryKinds }).notNull(),
    amountCents: cents("amount_cents").notNull(),
    /** The practice-local date it took effect (statements are by these dates). */
    effectiveOn: date("effective_on", { mode: "string" }).notNull(),
    description: text("description").notNull(),
    invoiceId: uuid("invoice_id"),
    paymentId: uuid("payment_id"),
    refundId: uuid("refund_id"),
    writeOffId: uuid("write_off_id"),
    postingId: uuid("posting_id"),
    createdAt: instant("created_at").notNull(),
    actor: text("actor").notNull(),
  },
  (t) => [
    unique("ledger_entries_practice_id_id_key").on(t.practiceId, t.id),
    foreignKey({ columns: [t.practiceId], foreignColumns: [practices.id] }),
    foreignKey({ columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }),
    foreignKey({ columns: [t.practiceId, t.invoiceId], foreignColumns: [invoices.practiceId, invoices.id] }),
    foreignKey({ columns: [t.practiceId, t.paymentId], foreignColumns: [payments.practiceId, payments.id] }),
    foreignKey({ columns: [t.practiceId, t.refundId], foreignColumns: [refunds.practiceId, refunds.id] }),
    foreignKey({
      columns: [t.practiceId, t.writeOffId],
      foreignColumns: [clientWriteOffs.practiceId, clientWriteOffs.id],
    }),
    foreignKey({ columns: [t.practiceId, t.postingId], foreignColumns: [postings.practiceId, postings.id] }),
    index("ledger_entries_client_idx").on(t.practiceId, t.clientId, t.id),
    index("ledger_entries_invoice_idx").on(t.invoiceId),
    check(
      "ledger_entries_kind_check",
      sql`${t.kind} in ('charge','payment','refund','credit','adjustment','write_off')`,
    ),
    check(
      "ledger_entries_sign_check",
      sql`case when ${t.kind} in ('charge','refund') then ${t.amountCents} > 0 else ${t.amountCents} < 0 end`,
    ),
    check(
      "ledger_entries_cause_check",
      sql`(${t.kind} <> 'payment' or ${t.paymentId} is not null)
        and (${t.kind} <> 'refund' or ${t.refundId} is not null)
        and (${t.kind} not in ('charge','credit','adjustment','write_off') or ${t.invoiceId} is not null)
        and (${t.kind} <> 'write_off' or ${t.writeOffId} is not null)`,
    ),
  ],
);

/** Every change of an invoice's payment status, beside invoice_status_history (the lifecycle). */
export const invoicePaymentStatusHistory = pgTable(
  "invoice_payment_status_history",
  {
    id: uuid("id").primaryKey(),
    practiceId: uuid("practice_id").notNull(),
    invoiceId: uuid("invoice_id").notNull(),
    fromStatus: text("from_status", { enum: invoicePaymentStatuses }).notNull(),
    toStatus: text("to_status", { enum: invoicePaymentStatuses }).notNull(),
    at: instant("at").notNull(),
    actor: text("actor").notNull(),
    cause: text("cause").notNull(),
  },
  // No foreign key, as the other status histories: written by the one writer with the invoice locked (0042).
  (t) => [index("invoice_payment_status_history_invoice_idx").on(t.invoiceId, t.at)],
);
