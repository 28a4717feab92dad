import { type Executor, newId, tables } from "@billcycle/db";
import { eq, sql } from "drizzle-orm";
import { writeInvoicePaymentStatus } from "../../invoices/invoice-payment-status";
import type { TenantActor } from "../../resources/crud";
import { lockDeniedClaim, recordFollowUp } from "./denied-claim";

/**
 * Writes off what insurance still owes on a denied claim's invoice: a write-off posting by the user (postings are
 * the invoice's money), the invoice's adjustment total and payment status, the claim's follow-up. The client owes
 * nothing more for it.
 */
export const writeOffDeniedClaim = async (
  tx: Executor,
  input: { actor: TenantActor; claimId: string; reason: string; now: Date },
): Promise<{ amountCents: number }> => {
  const { actor, now } = input;
  const { claim, invoice, decision } = await lockDeniedClaim(
    tx,
    actor.practiceId,
    input.claimId,
    "write_off",
  );
  const amountCents = decision.amountCents!;
  await tx.insert(tables.postings).values({
    id: newId(now.getTime()),
    practiceId: actor.practiceId,
    claimId: claim.id,
    invoiceId: invoice.id,
    kind: "write_off",
    amountCents,
    createdAt: now,
    actor: actor.label,
  });
  await tx
    .update(tables.invoices)
    .set({
      adjustmentCents: sql`${tables.invoices.adjustmentCents} + ${amountCents}`,
      version: sql`${tables.invoices.version} + 1`,
      updatedAt: now,
    })
    .where(eq(tables.invoices.id, invoice.id));
  await writeInvoicePaymentStatus(tx, {
    practiceId: actor.practiceId,
    invoiceIds: [invoice.id],
    now,
    actor: actor.label,
    cause: "denied claim written off",
  });
  await recordFollowUp(tx, {
    actor,
    claim,
    decision,
    action: "write_off",
    reason: input.reason,
    amountCents,
    now,
  });
  return { amountCents };
};
