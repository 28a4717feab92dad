import type { AppliedPayment } from "@billcycle/core";
import { type Executor, rowsOf } from "@billcycle/db";
import { sql } from "drizzle-orm";

/**
 * LEDGER SEAM: the client's payments for the sessions on a superbill, per client. Until the client ledger is merged
 * the invoices only know the total a client paid on each (`client_paid_cents`), shown as one undated line per
 * invoice of those sessions; at merge this becomes the ledger's payment entries applied to those invoices.
 */
export const loadClientPaymentsForSuperbill = async (
  tx: Executor,
  practiceId: string,
  appointmentIds: readonly string[],
): Promise<Map<string, AppliedPayment[]>> => {
  const byClient = new Map<string, AppliedPayment[]>();
  if (appointmentIds.length === 0) return byClient;
  const rows = rowsOf<{ client_id: string; number: string; paid: string | number }>(
    await tx.execute(sql`
      SELECT i.client_id, i.number, i.client_paid_cents AS paid
      FROM invoices i
      WHERE i.practice_id = ${practiceId}::uuid AND i.client_paid_cents <> 0 AND i.id IN (
        SELECT ai.invoice_id FROM appointment_invoices ai
        WHERE ai.practice_id = ${practiceId}::uuid AND ai.appointment_id = ANY(${`{${appointmentIds.join(",")}}`}::uuid[]))
      ORDER BY i.client_id, i.number_seq`),
  );
  for (const r of rows) {
    const list = byClient.get(r.client_id) ?? [];
    list.push({
      date: null,
      payer: "client",
      description: `Payments on ${r.number}`,
      amountCents: Number(r.paid),
    });
    byClient.set(r.client_id, list);
  }
  return byClient;
};
