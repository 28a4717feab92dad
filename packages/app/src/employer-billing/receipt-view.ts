import { notFound } from "@billcycle/core";
import { type Executor, rowsOf, tables } from "@billcycle/db";
import { and, eq, sql } from "drizzle-orm";
import type { EmployerReceiptView } from "./employer-billing-schemas";

/** Receipts with what is applied of each (net of reversals) and their applications; `where` narrows `r`. */
export const receiptViews = async (
  tx: Executor,
  practiceId: string,
  where: ReturnType<typeof sql>,
): Promise<EmployerReceiptView[]> => {
  const receipts = await tx
    .select()
    .from(tables.employerReceipts)
    .where(and(eq(tables.employerReceipts.practiceId, practiceId), where))
    .orderBy(sql`${tables.employerReceipts.id} DESC`)
    .limit(200);
  if (receipts.length === 0) return [];
  const apps = rowsOf<{
    receipt_id: string;
    invoice_id: string;
    number: string;
    line_id: string | null;
    amount: string | number;
  }>(
    await tx.execute(sql`
      SELECT a.receipt_id, a.invoice_id, i.number, a.line_id, sum(a.amount_cents) AS amount
      FROM employer_receipt_applications a
      JOIN employer_invoices i ON i.practice_id = a.practice_id AND i.id = a.invoice_id
      WHERE a.practice_id = ${practiceId} AND a.receipt_id = ANY(${sql.raw(`'{${receipts.map((r) => r.id).join(",")}}'`)}::uuid[])
      GROUP BY a.receipt_id, a.invoice_id, i.number, a.line_id
      HAVING sum(a.amount_cents) <> 0
      ORDER BY i.number`),
  );
  return receipts.map((r) => {
    const own = apps.filter((a) => a.receipt_id === r.id);
    const applied = own.reduce((s, a) => s + Number(a.amount), 0);
    return {
      id: r.id,
      employerId: r.employerId,
      method: r.method,
      reference: r.reference,
      receivedOn: r.receivedOn,
      amountCents: r.amountCents,
      appliedCents: applied,
      unappliedCents: r.reversedAt ? 0 : r.amountCents - applied,
      note: r.note,
      recordedBy: r.recordedBy,
      reversedAt: r.reversedAt ? r.reversedAt.toISOString() : null,
      applications: own.map((a) => ({
        invoiceId: a.invoice_id,
        invoiceNumber: a.number,
        lineId: a.line_id,
        amountCents: Number(a.amount),
      })),
    };
  });
};

export const receiptView = async (tx: Executor, practiceId: string, receiptId: string) => {
  const [view] = await receiptViews(tx, practiceId, eq(tables.employerReceipts.id, receiptId));
  if (!view) throw notFound("Receipt");
  return view;
};

/** The receipt of this practice, locked, or NOT_FOUND. */
export const lockReceipt = async (tx: Executor, practiceId: string, receiptId: string) => {
  const [r] = await tx
    .select()
    .from(tables.employerReceipts)
    .where(and(eq(tables.employerReceipts.practiceId, practiceId), eq(tables.employerReceipts.id, receiptId)))
    .for("update");
  if (!r) throw notFound("Receipt");
  return r;
};
