import { type Executor, rowsOf } from "@billcycle/db";
import { sql } from "drizzle-orm";
import type { InvoiceActivity } from "./employer-billing-schemas";

const uuidArray = (ids: readonly string[]) => sql.raw(`'{${ids.join(",")}}'::uuid[]`);

/** Payments (and their reversals) and credit memos on each original invoice, oldest first. */
export const loadInvoiceActivity = async (
  tx: Executor,
  practiceId: string,
  originalIds: readonly string[],
): Promise<Map<string, InvoiceActivity[]>> => {
  const out = new Map<string, InvoiceActivity[]>();
  if (originalIds.length === 0) return out;
  const rows = rowsOf<{
    invoice_id: string;
    kind: InvoiceActivity["kind"];
    on: string;
    reference: string;
    amount: string | number;
  }>(
    await tx.execute(sql`
      SELECT a.invoice_id, CASE WHEN a.amount_cents < 0 THEN 'reversal' ELSE 'payment' END AS kind,
        r.received_on::text AS on, (CASE r.method WHEN 'check' THEN 'check ' ELSE 'EFT ' END) || r.reference AS reference,
        sum(a.amount_cents) AS amount, min(a.id::text) AS ord
      FROM employer_receipt_applications a
      JOIN employer_receipts r ON r.practice_id = a.practice_id AND r.id = a.receipt_id
      WHERE a.practice_id = ${practiceId} AND a.invoice_id = ANY(${uuidArray(originalIds)})
      GROUP BY a.invoice_id, a.receipt_id, r.received_on, r.method, r.reference, a.amount_cents < 0
      UNION ALL
      SELECT m.original_invoice_id, 'credit_memo', m.issued_on::text, m.number, -m.total_cents, m.id::text
      FROM employer_invoices m
      WHERE m.practice_id = ${practiceId} AND m.kind = 'credit_memo' AND m.original_invoice_id = ANY(${uuidArray(originalIds)})
      ORDER BY 3, 6`),
  );
  for (const r of rows) {
    const list = out.get(r.invoice_id) ?? [];
    list.push({ kind: r.kind, on: r.on.slice(0, 10), reference: r.reference, amountCents: Number(r.amount) });
    out.set(r.invoice_id, list);
  }
  return out;
};
