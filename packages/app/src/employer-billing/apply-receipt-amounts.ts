import { DomainError, employerInvoiceOpenCents, notFound } from "@billcycle/core";
import { type Executor, newId, rowsOf, tables } from "@billcycle/db";
import { and, eq, sql } from "drizzle-orm";
import type { ReceiptApplicationBody } from "./employer-billing-schemas";
import { refreshEmployerInvoiceStatuses } from "./write-employer-invoice-status";

/**
 * Applies parts of a receipt (locked by the caller) to its employer's invoices or their encounter lines: never more
 * than is left of the receipt (EXCEEDS_RECEIPT), than an invoice's open amount or a line's (EXCEEDS_OPEN_AMOUNT).
 * A re-batch's application goes to the invoice it reprints. Statuses follow.
 */
export const applyReceiptAmounts = async (
  tx: Executor,
  practiceId: string,
  receipt: { id: string; employerId: string; amountCents: number },
  applications: readonly ReceiptApplicationBody[],
  now: Date,
): Promise<void> => {
  if (applications.length === 0) return;
  const [{ applied }] = rowsOf<{ applied: string | number }>(
    await tx.execute(sql`
      SELECT COALESCE(sum(amount_cents), 0) AS applied FROM employer_receipt_applications
      WHERE practice_id = ${practiceId} AND receipt_id = ${receipt.id}`),
  ) as [{ applied: string | number }];
  const asked = applications.reduce((s, a) => s + a.amountCents, 0);
  const left = receipt.amountCents - Number(applied);
  if (asked > left) {
    throw new DomainError("EXCEEDS_RECEIPT", `Only ${left} cents of this receipt are left to apply`, {
      field: "apply",
      leftCents: left,
    });
  }
  const t = tables.employerInvoices;
  const originals: string[] = [];
  const rows: Array<typeof tables.employerReceiptApplications.$inferInsert> = [];
  // What each original and line takes within this request, on top of what it had.
  const takenByInvoice = new Map<string, number>();
  const takenByLine = new Map<string, number>();
  for (const [index, a] of applications.entries()) {
    const [inv] = await tx
      .select()
      .from(t)
      .where(and(eq(t.practiceId, practiceId), eq(t.id, a.invoiceId)));
    if (!inv || inv.employerId !== receipt.employerId || inv.kind === "credit_memo")
      throw notFound("Invoice");
    const originalId = inv.originalInvoiceId ?? inv.id;
    const [original] = await tx
      .select()
      .from(t)
      .where(and(eq(t.practiceId, practiceId), eq(t.id, originalId)))
      .for("update");
    if (original!.status === "void") {
      throw new DomainError("INVOICE_VOID", `Invoice ${original!.number} is void`, { invoiceId: originalId });
    }
    const [amounts] = rowsOf<{ paid: string | number; credited: string | number }>(
      await tx.execute(sql`
        SELECT COALESCE((SELECT sum(amount_cents) FROM employer_receipt_applications
            WHERE practice_id = ${practiceId} AND invoice_id = ${originalId}), 0) AS paid,
          COALESCE((SELECT -sum(total_cents) FROM employer_invoices
            WHERE practice_id = ${practiceId} AND original_invoice_id = ${originalId} AND kind = 'credit_memo'), 0) AS credited`),
    );
    const open =
      employerInvoiceOpenCents({
        billedCents: original!.totalCents,
        paidCents: Number(amounts!.paid),
        creditedCents: Number(amounts!.credited),
      }) - (takenByInvoice.get(originalId) ?? 0);
    if (a.amountCents > open) {
      throw new DomainError(
        "EXCEEDS_OPEN_AMOUNT",
        `Invoice ${original!.number} has only ${open} cents open`,
        {
          field: `apply.${index}.amountCents`,
          openCents: open,
        },
      );
    }
    let lineId: string | null = null;
    if (a.lineId) {
      // A re-batch's line stands for the original's line at the same position.
      const [line] = rowsOf<{
        id: string;
        amount: string | number;
        paid: string | number;
        credited: boolean;
      }>(
        await tx.execute(sql`
          SELECT ol.id, ol.amount_cents AS amount,
            COALESCE((SELECT sum(x.amount_cents) FROM employer_receipt_applications x
              WHERE x.practice_id = ol.practice_id AND x.line_id = ol.id), 0) AS paid,
            EXISTS (SELECT 1 FROM employer_invoice_lines c WHERE c.practice_id = ol.practice_id AND c.credits_line_id = ol.id) AS credited
          FROM employer_invoice_lines l
          JOIN employer_invoice_lines ol ON ol.practice_id = l.practice_id AND ol.invoice_id = ${originalId} AND ol.position = l.position
          WHERE l.practice_id = ${practiceId} AND l.id = ${a.lineId} AND l.invoice_id = ${inv.id}`),
      );
      if (!line) {
        throw new DomainError("LINE_NOT_ON_INVOICE", `That line is not on invoice ${inv.number}`, {
          field: `apply.${index}.lineId`,
        });
      }
      const lineOpen = line.credited
        ? 0
        : Number(line.amount) - Number(line.paid) - (takenByLine.get(line.id) ?? 0);
      if (a.amountCents > lineOpen) {
        throw new DomainError("EXCEEDS_OPEN_AMOUNT", `That line has only ${lineOpen} cents open`, {
          field: `apply.${index}.amountCents`,
          openCents: lineOpen,
        });
      }
      lineId = line.id;
      takenByLine.set(line.id, (takenByLine.get(line.id) ?? 0) + a.amountCents);
    }
    takenByInvoice.set(originalId, (takenByInvoice.get(originalId) ?? 0) + a.amountCents);
    originals.push(originalId);
    rows.push({
      id: newId(now.getTime()),
      practiceId,
      createdAt: now,
      receiptId: receipt.id,
      invoiceId: originalId,
      lineId,
      amountCents: a.amountCents,
    });
  }
  await tx.insert(tables.employerReceiptApplications).values(rows);
  await refreshEmployerInvoiceStatuses(tx, practiceId, [...new Set(originals)], now);
};
