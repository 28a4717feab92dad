import { type AppliedPayment, type PaymentMethod, paymentMethodLabel } from "@billcycle/core";
import { type Executor, rowsOf } from "@billcycle/db";
import { sql } from "drizzle-orm";

export type InvoicePayment = AppliedPayment & { clientId: string; invoiceId: string; invoiceNumber: string };

/**
 * The client's payments on these invoices, as the ledger applied them: one line per payment and invoice, dated
 * when the payment was received, net of what a refund or a void took back (lines netting to nothing are left out).
 * Bills list them for one invoice; superbills for the invoices of their sessions.
 */
export const loadClientPayments = async (
  tx: Executor,
  practiceId: string,
  invoiceIds: readonly string[],
): Promise<InvoicePayment[]> => {
  if (invoiceIds.length === 0) return [];
  const rows = rowsOf<{
    client_id: string;
    invoice_id: string;
    number: string;
    received_on: string;
    method: PaymentMethod;
    reference: string | null;
    amount: string | number;
  }>(
    await tx.execute(sql`
      SELECT i.client_id, i.id AS invoice_id, i.number, p.received_on, p.method, p.reference,
        sum(a.amount_cents) AS amount
      FROM payment_allocations a
      JOIN payments p ON p.practice_id = a.practice_id AND p.id = a.payment_id
      JOIN invoices i ON i.practice_id = a.practice_id AND i.id = a.invoice_id
      WHERE a.practice_id = ${practiceId}::uuid AND a.invoice_id = ANY(${`{${invoiceIds.join(",")}}`}::uuid[])
      GROUP BY i.client_id, i.id, i.number, i.number_seq, p.id, p.received_on, p.method, p.reference
      HAVING sum(a.amount_cents) <> 0
      ORDER BY i.client_id, i.number_seq, p.received_on, p.id`),
  );
  return rows.map((r) => ({
    clientId: r.client_id,
    invoiceId: r.invoice_id,
    invoiceNumber: r.number,
    date: String(r.received_on).slice(0, 10),
    payer: "client",
    description: `Payment - ${paymentMethodLabel[r.method]}${r.reference ? ` ${r.reference}` : ""}`,
    amountCents: Number(r.amount),
  }));
};
