import { DomainError } from "@billcycle/core";
import type { Executor } from "@billcycle/db";
import { recordAudit } from "../audit/record-audit";
import { translateDbError } from "../db-errors";
import type { TenantActor } from "../resources/crud";
import { applyReceiptAmounts } from "./apply-receipt-amounts";
import { requireInvoicesEnabled } from "./employer-billing-context";
import type { EmployerReceiptView, ReceiptApplicationBody } from "./employer-billing-schemas";
import { lockReceipt, receiptView } from "./receipt-view";

/** Applies more of a receipt's unapplied amount to invoices or their encounters. */
export const applyEmployerReceipt = async (
  database: { db: Executor },
  input: { actor: TenantActor; receiptId: string; apply: ReceiptApplicationBody[]; now: Date },
): Promise<EmployerReceiptView> => {
  const { actor, now } = input;
  const practiceId = actor.practiceId;
  try {
    return await database.db.transaction(async (tx) => {
      await requireInvoicesEnabled(tx, practiceId);
      const receipt = await lockReceipt(tx, practiceId, input.receiptId);
      if (receipt.reversedAt) {
        throw new DomainError("RECEIPT_REVERSED", "This receipt was reversed: nothing of it can be applied");
      }
      await applyReceiptAmounts(tx, practiceId, receipt, input.apply, now);
      await recordAudit(tx, actor, "update", "employer_receipt", receipt.id, now, {
        invoiceIds: input.apply.map((a) => a.invoiceId),
      });
      return receiptView(tx, practiceId, receipt.id);
    });
  } catch (e) {
    throw translateDbError(e);
  }
};
