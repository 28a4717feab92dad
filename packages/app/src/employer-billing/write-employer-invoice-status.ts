import {
  assertTransition,
  decideEmployerInvoiceStatus,
  type EmployerInvoiceStatus,
  employerInvoiceTransitions,
} from "@billcycle/core";
import { type Executor, rowsOf } from "@billcycle/db";
import { sql } from "drizzle-orm";

/**
 * The one writer of employer_invoices.status. Recomputes each original invoice's status from its balance
 * (decideEmployerInvoiceStatus) and gives its re-batches the same status; voided invoices stay void.
 */
export const refreshEmployerInvoiceStatuses = async (
  tx: Executor,
  practiceId: string,
  originalIds: readonly string[],
  now: Date,
): Promise<void> => {
  if (originalIds.length === 0) return;
  const rows = rowsOf<{
    id: string;
    status: EmployerInvoiceStatus;
    billed: string | number;
    paid: string | number;
    credited: string | number;
  }>(
    await tx.execute(sql`
      SELECT i.id, i.status, i.total_cents AS billed,
        COALESCE((SELECT sum(a.amount_cents) FROM employer_receipt_applications a
          WHERE a.practice_id = i.practice_id AND a.invoice_id = i.id), 0) AS paid,
        COALESCE((SELECT -sum(m.total_cents) FROM employer_invoices m
          WHERE m.practice_id = i.practice_id AND m.original_invoice_id = i.id AND m.kind = 'credit_memo'), 0) AS credited
      FROM employer_invoices i
      WHERE i.practice_id = ${practiceId} AND i.id = ANY(${sql.raw(`'{${originalIds.join(",")}}'`)}::uuid[])
        AND i.kind = 'invoice'`),
  );
  for (const r of rows) {
    if (r.status === "void") continue;
    const next = decideEmployerInvoiceStatus({
      billedCents: Number(r.billed),
      paidCents: Number(r.paid),
      creditedCents: Number(r.credited),
    });
    await setChainStatus(tx, practiceId, r.id, r.status, next, now);
  }
};

/** Moves an original invoice and its re-batches to `to` (asserted against the table). */
export const setChainStatus = async (
  tx: Executor,
  practiceId: string,
  originalId: string,
  from: EmployerInvoiceStatus,
  to: EmployerInvoiceStatus,
  now: Date,
  voidReason?: string,
): Promise<void> => {
  if (from === to) return;
  assertTransition("Employer invoice", employerInvoiceTransitions, from, to);
  await tx.execute(sql`
    UPDATE employer_invoices SET status = ${to}, updated_at = ${now.toISOString()}::timestamptz, version = version + 1,
      voided_at = ${to === "void" ? now.toISOString() : null}::timestamptz, void_reason = ${to === "void" ? (voidReason ?? null) : null}
    WHERE practice_id = ${practiceId} AND kind <> 'credit_memo'
      AND (id = ${originalId} OR original_invoice_id = ${originalId})`);
};
