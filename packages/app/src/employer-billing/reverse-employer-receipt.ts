import { DomainError } from "@billcycle/core";
import { type Executor, rowsOf, tables } from "@billcycle/db";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import { translateDbError } from "../db-errors";
import type { TenantActor } from "../resources/crud";
import { requireInvoicesEnabled } from "./employer-billing-context";
import type { EmployerReceiptView } from "./employer-billing-schemas";
import { lockReceipt, receiptView } from "./receipt-view";
import { refreshEmployerInvoiceStatuses } from "./write-employer-invoice-status";

/**
 * Reverses a receipt (a returned check, an EFT posted in error): each application is undone by a negative one that
 * references it (applications are never changed), the receipt is marked reversed, and invoice statuses follow.
 */
export const reverseEmployerReceipt = async (
  database: { db: Executor },
  input: { actor: TenantActor; receiptId: string; reason: string; now: Date },
): Promise<EmployerReceiptView> => {
  const { actor, now } = input;
  const practiceId = actor.practiceId;
  try {
    return await database.db.transaction(async (tx) => {
      await requireInvoicesEnabled(tx, practiceId);
      const receipt = await lockReceipt(tx, practiceId, input.receiptId);
      if (receipt.reversedAt) throw new DomainError("RECEIPT_REVERSED", "This receipt was reversed before");
      const reversed = rowsOf<{ invoice_id: string }>(
        await tx.execute(sql`
          INSERT INTO employer_receipt_applications (id, practice_id, created_at, receipt_id, invoice_id, line_id, amount_cents, reverses_application_id)
          SELECT gen_random_uuid(), a.practice_id, ${now.toISOString()}::timestamptz, a.receipt_id, a.invoice_id, a.line_id, -a.amount_cents, a.id
          FROM employer_receipt_applications a
          WHERE a.practice_id = ${practiceId} AND a.receipt_id = ${receipt.id} AND a.amount_cents > 0
            AND NOT EXISTS (SELECT 1 FROM employer_receipt_applications r WHERE r.reverses_application_id = a.id)
          RETURNING invoice_id`),
      );
      await tx
        .update(tables.employerReceipts)
        .set({ reversedAt: now, reversalReason: input.reason, updatedAt: now, version: receipt.version + 1 })
        .where(
          and(eq(tables.employerReceipts.practiceId, practiceId), eq(tables.employerReceipts.id, receipt.id)),
        );
      await refreshEmployerInvoiceStatuses(
        tx,
        practiceId,
        [...new Set(reversed.map((r) => r.invoice_id))],
        now,
      );
      await recordAudit(tx, actor, "update", "employer_receipt", receipt.id, now, { reversed: true });
      return receiptView(tx, practiceId, receipt.id);
    });
  } catch (e) {
    throw translateDbError(e);
  }
};
