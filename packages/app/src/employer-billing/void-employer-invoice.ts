import { DomainError, notFound } from "@billcycle/core";
import { type Executor, rowsOf } from "@billcycle/db";
import { sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import { translateDbError } from "../db-errors";
import type { TenantActor } from "../resources/crud";
import { findEmployerInvoice, requireInvoicesEnabled } from "./employer-billing-context";
import type { EmployerInvoiceDetail } from "./employer-billing-schemas";
import { getEmployerInvoice } from "./get-employer-invoice";
import { setChainStatus } from "./write-employer-invoice-status";

/**
 * Voids an Open original invoice with nothing paid or credited on it (a correction after payments is a credit
 * memo): it and its re-batches become Void, and its encounters are released to be billed again.
 */
export const voidEmployerInvoice = async (
  database: { db: Executor },
  input: { actor: TenantActor; invoiceId: string; reason: string; now: Date },
): Promise<EmployerInvoiceDetail> => {
  const { actor, now } = input;
  const practiceId = actor.practiceId;
  try {
    return await database.db.transaction(async (tx) => {
      await requireInvoicesEnabled(tx, practiceId);
      const { invoice, original } = await findEmployerInvoice(tx, practiceId, input.invoiceId, true);
      if (invoice.kind === "credit_memo") throw notFound("Invoice");
      if (original.status === "void") {
        throw new DomainError("INVOICE_VOID", `Invoice ${original.number} is void already`, {
          invoiceId: original.id,
        });
      }
      const [touched] = rowsOf<{ n: string | number }>(
        await tx.execute(sql`
          SELECT (SELECT count(*) FROM (SELECT 1 FROM employer_receipt_applications WHERE practice_id = ${practiceId} AND invoice_id = ${original.id}
              HAVING sum(amount_cents) <> 0) paid)
            + (SELECT count(*) FROM employer_invoices WHERE practice_id = ${practiceId} AND original_invoice_id = ${original.id} AND kind = 'credit_memo') AS n`),
      );
      if (Number(touched?.n ?? 0) > 0) {
        throw new DomainError(
          "CONFLICT",
          `Invoice ${original.number} has payments or credits: correct it with a credit memo instead`,
          { invoiceId: original.id },
        );
      }
      await setChainStatus(tx, practiceId, original.id, original.status, "void", now, input.reason);
      await tx.execute(sql`
        DELETE FROM employer_billed_encounters WHERE practice_id = ${practiceId} AND invoice_id = ${original.id}`);
      await recordAudit(tx, actor, "transition", "employer_invoice", original.id, now, { to: "void" });
      return getEmployerInvoice(tx, { actor, invoiceId: original.id });
    });
  } catch (e) {
    throw translateDbError(e);
  }
};
