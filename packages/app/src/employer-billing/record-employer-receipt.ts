import { DomainError } from "@billcycle/core";
import { type Executor, newId, tables } from "@billcycle/db";
import { recordAudit } from "../audit/record-audit";
import { practiceToday } from "../automation/practice-today";
import { translateDbError } from "../db-errors";
import type { TenantActor } from "../resources/crud";
import { applyReceiptAmounts } from "./apply-receipt-amounts";
import { findEmployer, requireInvoicesEnabled } from "./employer-billing-context";
import type { EmployerReceiptView, RecordReceiptBody } from "./employer-billing-schemas";
import { receiptView } from "./receipt-view";

/**
 * Records an employer's payment (check or EFT number, date, amount) as a receipt and applies what the biller
 * chose across invoices and encounters, in one transaction; what is not applied stays as the employer's credit.
 */
export const recordEmployerReceipt = async (
  database: { db: Executor },
  input: RecordReceiptBody & { actor: TenantActor; now: Date },
): Promise<EmployerReceiptView> => {
  const { actor, now } = input;
  const practiceId = actor.practiceId;
  try {
    return await database.db.transaction(async (tx) => {
      await requireInvoicesEnabled(tx, practiceId);
      const employer = await findEmployer(tx, practiceId, input.employerId);
      const { today } = await practiceToday(tx, practiceId, now);
      if (input.receivedOn > today) {
        throw new DomainError("INVALID_DATE", "A receipt cannot be received after today", {
          field: "receivedOn",
        });
      }
      const id = newId(now.getTime());
      await tx.insert(tables.employerReceipts).values({
        id,
        practiceId,
        createdAt: now,
        updatedAt: now,
        employerId: employer.id,
        method: input.method,
        reference: input.reference,
        receivedOn: input.receivedOn,
        amountCents: input.amountCents,
        note: input.note ?? null,
        recordedBy: actor.label,
      });
      await applyReceiptAmounts(
        tx,
        practiceId,
        { id, employerId: employer.id, amountCents: input.amountCents },
        input.apply ?? [],
        now,
      );
      await recordAudit(tx, actor, "create", "employer_receipt", id, now, {
        employerId: employer.id,
        invoiceIds: (input.apply ?? []).map((a) => a.invoiceId),
      });
      return receiptView(tx, practiceId, id);
    });
  } catch (e) {
    throw translateDbError(e);
  }
};
