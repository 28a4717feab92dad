import { notFound } from "@billcycle/core";
import { type Database, rowsOf, tables } from "@billcycle/db";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { TenantActor } from "../resources/crud";
import { lockClient, writeAllocations } from "./ledger-writes";

export type MovedPayments = { invoiceId: string; movedCents: number; paymentIds: string[] };

/**
 * Takes the client payments applied to an invoice back to credit on account (negative allocations, cause
 * "moved"), so the invoice can be voided: a void is refused while payments are on it. The client's balance does
 * not change (the money is still the client's); the next invoice issued consumes the credit.
 */
export const moveInvoicePaymentsToCredit = async (
  database: Database,
  { actor, invoiceId, now }: { actor: TenantActor; invoiceId: string; now: Date },
): Promise<MovedPayments> =>
  database.db.transaction(async (tx) => {
    const [invoice] = await tx
      .select({ clientId: tables.invoices.clientId })
      .from(tables.invoices)
      .where(and(eq(tables.invoices.practiceId, actor.practiceId), eq(tables.invoices.id, invoiceId)));
    if (!invoice) throw notFound("Invoice");
    await lockClient(tx, actor.practiceId, invoice.clientId);
    await tx
      .select({ id: tables.invoices.id })
      .from(tables.invoices)
      .where(eq(tables.invoices.id, invoiceId))
      .for("update");
    const applied = rowsOf<{ payment_id: string; net: string | number }>(
      await tx.execute(sql`SELECT payment_id, sum(amount_cents) AS net FROM ${tables.paymentAllocations}
        WHERE practice_id = ${actor.practiceId}::uuid AND invoice_id = ${invoiceId}::uuid
        GROUP BY payment_id HAVING sum(amount_cents) > 0 ORDER BY payment_id`),
    );
    const allocations = applied.map((a) => ({
      paymentId: a.payment_id,
      invoiceId,
      amountCents: Number(a.net),
    }));
    await writeAllocations(tx, {
      practiceId: actor.practiceId,
      clientId: invoice.clientId,
      allocations,
      cause: "moved",
      now,
      actor: actor.label,
    });
    const movedCents = allocations.reduce((a, x) => a + x.amountCents, 0);
    await recordAudit(tx, actor, "update", "invoice_payments", invoiceId, now, {
      moved: allocations.length,
    });
    return { invoiceId, movedCents, paymentIds: allocations.map((a) => a.paymentId) };
  });
