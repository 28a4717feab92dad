import { DomainError, decideRefund, formatCents, notFound } from "@billcycle/core";
import { type Executor, newId, tables } from "@billcycle/db";
import { recordAudit } from "../audit/record-audit";
import { practiceToday } from "../automation/practice-today";
import { translateDbError } from "../db-errors";
import type { TenantActor } from "../resources/crud";
import type { RecordedRefund } from "./ledger-schemas";
import { insertLedgerEntries, lockClient, writeAllocations } from "./ledger-writes";
import { paymentAllocationsByInvoice, paymentsByIds } from "./payment-views";

export type RefundClientPaymentInput = {
  actor: TenantActor;
  clientId: string;
  paymentId: string;
  amountCents: number;
  reason: string;
  now: Date;
  /**
   * "card_refund" only from the settlement of a card refund Stripe made (settle-card-charge.ts); a person's
   * refund of a card payment taken through Stripe must go back to the card, so it is refused here.
   */
  source?: "manual" | "card_refund";
};

/**
 * Refunds (part of) a client payment in one transaction: never more than what remains of it; the money comes out
 * of its unapplied credit first, then back from the invoices it paid (last applied first), whose payment status
 * follows. A ledger entry raises the balance by the refund; an audit row says who. Another client's or practice's
 * payment is NOT_FOUND. A card payment taken through Stripe is refunded through its card charge
 * (CARD_REFUND_REQUIRED here), whose settlement calls this with source "card_refund".
 */
export const refundClientPayment = async (
  database: { db: Executor },
  input: RefundClientPaymentInput,
): Promise<RecordedRefund> => {
  const { actor, now } = input;
  const reason = input.reason.trim();
  if (!reason) throw new DomainError("VALIDATION_FAILED", "A refund needs a reason", { field: "reason" });
  try {
    return await database.db.transaction(async (tx) => {
      await lockClient(tx, actor.practiceId, input.clientId);
      const [payment] = await paymentsByIds(tx, actor.practiceId, [input.paymentId]);
      if (!payment || payment.clientId !== input.clientId) throw notFound("Payment");
      if (payment.cardChargeId && input.source !== "card_refund") {
        throw new DomainError(
          "CARD_REFUND_REQUIRED",
          "This payment was taken from a card through Stripe: refund the card charge, so the money goes back " +
            "to the card (the ledger follows when Stripe confirms)",
          { paymentId: payment.id, cardChargeId: payment.cardChargeId },
        );
      }
      const allocations = await paymentAllocationsByInvoice(tx, actor.practiceId, payment.id);
      const plan = decideRefund(
        {
          amountCents: payment.amountCents,
          refundedCents: payment.refundedCents,
          unappliedCents: payment.unappliedCents,
          allocations,
        },
        input.amountCents,
      );
      const today = (await practiceToday(tx, actor.practiceId, now)).today;
      const refundId = newId(now.getTime());
      await tx.insert(tables.refunds).values({
        id: refundId,
        practiceId: actor.practiceId,
        clientId: input.clientId,
        createdAt: now,
        recordedBy: actor.label,
        recordedByUserId: actor.userId,
        paymentId: payment.id,
        amountCents: input.amountCents,
        fromCreditCents: plan.fromCreditCents,
        refundedOn: today,
        reason,
      });
      await insertLedgerEntries(tx, {
        practiceId: actor.practiceId,
        now,
        actor: actor.label,
        entries: [
          {
            clientId: input.clientId,
            kind: "refund",
            amountCents: input.amountCents,
            effectiveOn: today,
            description: `Refund of the ${formatCents(payment.amountCents)} payment of ${payment.receivedOn}`,
            paymentId: payment.id,
            refundId,
          },
        ],
      });
      await writeAllocations(tx, {
        practiceId: actor.practiceId,
        clientId: input.clientId,
        allocations: plan.fromInvoices.map((a) => ({ ...a, paymentId: payment.id })),
        cause: "refund",
        refundId,
        now,
        actor: actor.label,
      });
      await recordAudit(tx, actor, "create", "refund", refundId, now, {
        paymentId: payment.id,
        invoiceIds: plan.fromInvoices.map((a) => a.invoiceId),
      });
      const numbers = new Map(allocations.map((a) => [a.invoiceId, a.invoiceNumber]));
      const [after] = await paymentsByIds(tx, actor.practiceId, [payment.id]);
      return {
        id: refundId,
        paymentId: payment.id,
        clientId: input.clientId,
        amountCents: input.amountCents,
        fromCreditCents: plan.fromCreditCents,
        refundedOn: today,
        reason,
        fromInvoices: plan.fromInvoices.map((a) => ({ ...a, invoiceNumber: numbers.get(a.invoiceId)! })),
        payment: after!,
      };
    });
  } catch (e) {
    throw translateDbError(e);
  }
};
