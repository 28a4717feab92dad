import { type Executor, newId, tables } from "@billcycle/db";
import { eq, sql } from "drizzle-orm";
import { practiceToday } from "../../automation/practice-today";
import { writeInvoicePaymentStatus } from "../../invoices/invoice-payment-status";
import { ISSUED_STATUSES, insertLedgerEntries, lockClient } from "../../ledger/ledger-writes";
import type { TenantActor } from "../../resources/crud";
import { lockDeniedClaim, recordFollowUp } from "./denied-claim";

/**
 * Moves what insurance still owes on a denied claim's invoice to the client: a patient-responsibility posting by
 * the user, the invoice's insurance share lowered and its client share raised by the same amount (the total stays),
 * and a charge on the client's ledger for it, linked to the posting. The client row is locked first, as every
 * ledger write does.
 */
export const billDeniedClaimToClient = async (
  tx: Executor,
  input: { actor: TenantActor; claimId: string; reason: string; now: Date },
): Promise<{ amountCents: number }> => {
  const { actor, now } = input;
  const [owner] = await tx
    .select({ clientId: tables.claims.clientId })
    .from(tables.claims)
    .where(eq(tables.claims.id, input.claimId));
  if (owner) await lockClient(tx, actor.practiceId, owner.clientId);
  const { claim, invoice, decision } = await lockDeniedClaim(
    tx,
    actor.practiceId,
    input.claimId,
    "bill_client",
  );
  const amountCents = decision.amountCents!;
  const postingId = newId(now.getTime());
  await tx.insert(tables.postings).values({
    id: postingId,
    practiceId: actor.practiceId,
    claimId: claim.id,
    invoiceId: invoice.id,
    kind: "patient_responsibility",
    amountCents,
    createdAt: now,
    actor: actor.label,
  });
  await tx
    .update(tables.invoices)
    .set({
      insuranceCents: sql`${tables.invoices.insuranceCents} - ${amountCents}`,
      clientCents: sql`${tables.invoices.clientCents} + ${amountCents}`,
      version: sql`${tables.invoices.version} + 1`,
      updatedAt: now,
    })
    .where(eq(tables.invoices.id, invoice.id));
  if ((ISSUED_STATUSES as readonly string[]).includes(invoice.status)) {
    const { today } = await practiceToday(tx, actor.practiceId, now);
    await insertLedgerEntries(tx, {
      practiceId: actor.practiceId,
      now,
      actor: actor.label,
      entries: [
        {
          clientId: claim.clientId,
          kind: "charge",
          amountCents,
          effectiveOn: today,
          description: `Bill ${invoice.number}: denied by insurance, billed to you`,
          invoiceId: invoice.id,
          postingId,
        },
      ],
    });
  }
  await writeInvoicePaymentStatus(tx, {
    practiceId: actor.practiceId,
    invoiceIds: [invoice.id],
    now,
    actor: actor.label,
    cause: "denied claim billed to the client",
  });
  await recordFollowUp(tx, {
    actor,
    claim,
    decision,
    action: "bill_client",
    reason: input.reason,
    amountCents,
    now,
  });
  return { amountCents };
};
