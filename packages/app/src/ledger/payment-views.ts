import { type Executor, pgArray, rowsOf, tables } from "@billcycle/db";
import { type SQL, sql } from "drizzle-orm";
import type { ClientPayment } from "./ledger-schemas";

type PaymentRow = {
  id: string;
  client_id: string;
  method: ClientPayment["method"];
  amount_cents: string | number;
  received_on: string;
  reference: string | null;
  card_charge_id: string | null;
  recorded_by: string;
  created_at: string | Date;
  applied: string | number;
  refunded: string | number;
};

const toView = (r: PaymentRow): ClientPayment => {
  const amount = Number(r.amount_cents);
  const applied = Number(r.applied);
  return {
    id: r.id,
    clientId: r.client_id,
    method: r.method,
    amountCents: amount,
    receivedOn: String(r.received_on).slice(0, 10),
    reference: r.reference,
    cardChargeId: r.card_charge_id,
    recordedBy: r.recorded_by,
    createdAt: new Date(r.created_at).toISOString(),
    appliedCents: applied,
    refundedCents: Number(r.refunded),
    // What refunds took back from invoices already left `applied`; the rest of them came out of credit.
    unappliedCents: amount - applied - Number(r.refunded),
  };
};

/** Payments of a practice with what is applied, refunded and unapplied of each, newest first. */
export const selectPayments = async (
  tx: Executor,
  input: { practiceId: string; where: SQL; limit?: number },
): Promise<ClientPayment[]> => {
  const rows = rowsOf<PaymentRow>(
    await tx.execute(sql`SELECT p.id, p.client_id, p.method, p.amount_cents, p.received_on::text AS received_on,
        p.reference, p.card_charge_id, p.recorded_by, p.created_at,
        coalesce((SELECT sum(a.amount_cents) FROM ${tables.paymentAllocations} a WHERE a.payment_id = p.id), 0)
          AS applied,
        coalesce((SELECT sum(r.amount_cents) FROM ${tables.refunds} r
          WHERE r.practice_id = p.practice_id AND r.payment_id = p.id), 0) AS refunded
      FROM ${tables.payments} p
      WHERE p.practice_id = ${input.practiceId}::uuid AND ${input.where}
      ORDER BY p.id DESC ${input.limit ? sql`LIMIT ${input.limit}` : sql``}`),
  );
  return rows.map(toView);
};

export const paymentsByIds = (tx: Executor, practiceId: string, ids: readonly string[]) =>
  selectPayments(tx, { practiceId, where: sql`p.id = ANY(${pgArray(ids, "uuid")}::uuid[])` });

/** Net amount of a payment on each invoice, in the order the invoices were first paid. */
export const paymentAllocationsByInvoice = async (
  tx: Executor,
  practiceId: string,
  paymentId: string,
): Promise<Array<{ invoiceId: string; invoiceNumber: string; amountCents: number }>> => {
  const rows = rowsOf<{ invoice_id: string; number: string; net: string | number }>(
    await tx.execute(sql`SELECT a.invoice_id, i.number, sum(a.amount_cents) AS net, min(a.id::text) AS first
      FROM ${tables.paymentAllocations} a JOIN ${tables.invoices} i ON i.id = a.invoice_id
      WHERE a.practice_id = ${practiceId}::uuid AND a.payment_id = ${paymentId}::uuid
      GROUP BY a.invoice_id, i.number ORDER BY first`),
  );
  return rows
    .map((r) => ({ invoiceId: r.invoice_id, invoiceNumber: r.number, amountCents: Number(r.net) }))
    .filter((r) => r.amountCents > 0);
};
