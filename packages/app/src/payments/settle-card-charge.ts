import type { PaymentApplication } from "@billcycle/core";
import { type Executor, isUuid, tables } from "@billcycle/db";
import { and, eq, sql } from "drizzle-orm";
import { type Actor, systemActor } from "../auth/actor";
import { transitionAutopayAttempt } from "../autopay/transition-autopay-attempt";
import { loadClientInvoices } from "../ledger/ledger-writes";
import { recordClientPayment } from "../ledger/record-client-payment";
import { refundClientPayment } from "../ledger/refund-client-payment";
import { type CardChargeRow, transitionCardCharge } from "./transition-card-charge";
import { type CardRefundRow, transitionCardRefund } from "./transition-card-refund";

/**
 * THE seam between card payments and the client ledger. Every path that learns a charge succeeded (the answer
 * to the charge, resolveUnknownCharges, the payment_intent.succeeded webhook) and every path that learns a refund
 * succeeded comes through here, in the transaction that records it, and only the first one changes anything.
 */

export type SucceededCardCharge = {
  practiceId: string;
  id: string;
  stripePaymentIntentId: string;
  stripeChargeId: string | null;
  settledAt: Date;
  actor?: Actor;
};

/** The ledger payment a card charge settles into: one per charge, ever (the payment's idempotency key). */
export const cardChargePaymentKey = (chargeId: string): string => `card_charge:${chargeId}`;

/**
 * A manual charge's chosen invoices as they stand when it settles: the money was taken, so nothing may be refused
 * now; an invoice voided or paid meanwhile is skipped and an amount above what is still open is cut to it (what
 * no invoice takes is credit on account, as for any chosen payment).
 */
const chosenStillOpen = async (tx: Executor, row: CardChargeRow): Promise<PaymentApplication> => {
  const chosen = row.applyTo ?? [];
  const open = new Map(
    (
      await loadClientInvoices(tx, {
        practiceId: row.practiceId,
        clientId: row.clientId,
        lock: false,
        invoiceIds: chosen.map((c) => c.invoiceId),
      })
    ).map((i) => [i.invoiceId, i.openCents]),
  );
  const invoices = chosen.flatMap((c) => {
    const openCents = open.get(c.invoiceId) ?? 0;
    if (openCents <= 0) return [];
    return [
      c.amountCents === undefined
        ? { invoiceId: c.invoiceId }
        : { ...c, amountCents: Math.min(c.amountCents, openCents) },
    ];
  });
  return { kind: "chosen", invoices };
};

/**
 * Where the charge's money goes: an autopay charge pays the invoice its attempt is for (while it is open; what it
 * does not take is credit on account), a manual charge the invoices chosen for it, else oldest first.
 */
const applicationOf = async (tx: Executor, row: CardChargeRow): Promise<PaymentApplication> => {
  if (row.purposeKind === "manual" && row.applyTo && row.applyTo.length > 0) return chosenStillOpen(tx, row);
  if (row.purposeKind !== "autopay_attempt" || !isUuid(row.purposeId)) return { kind: "oldest_first" };
  const a = tables.autopayAttempts;
  const i = tables.invoices;
  const [open] = await tx
    .select({ invoiceId: a.invoiceId })
    .from(a)
    .innerJoin(i, and(eq(i.practiceId, a.practiceId), eq(i.id, a.invoiceId)))
    .where(
      and(
        eq(a.practiceId, row.practiceId),
        eq(a.id, row.purposeId),
        sql`${i.clientCents} > ${i.clientPaidCents} + ${i.clientWrittenOffCents}`,
      ),
    );
  return open ? { kind: "chosen", invoices: [{ invoiceId: open.invoiceId }] } : { kind: "oldest_first" };
};

/**
 * Marks the charge succeeded and, the first time, records its payment in the ledger (method card, linked to the
 * charge) and moves its autopay attempt to succeeded; returns the row and whether this call settled it. A charge
 * settled twice (its answer and its webhook) changes nothing the second time; the payment's key is the charge id.
 */
export const settleSucceededCharge = async (
  tx: Executor,
  charge: SucceededCardCharge,
): Promise<{ row: CardChargeRow; settled: boolean }> => {
  const { row, changed } = await transitionCardCharge(
    tx,
    charge,
    {
      status: "succeeded",
      stripePaymentIntentId: charge.stripePaymentIntentId,
      stripeChargeId: charge.stripeChargeId,
    },
    charge.settledAt,
    charge.actor,
  );
  if (changed) {
    const actor = charge.actor ?? systemActor(row.practiceId, "card-charge");
    await recordClientPayment(
      { db: tx },
      {
        actor: { ...actor, practiceId: row.practiceId },
        clientId: row.clientId,
        method: "card",
        amountCents: row.amountCents,
        cardChargeId: row.id,
        reference: `${row.cardBrand} ${row.cardLast4}`,
        apply: await applicationOf(tx, row),
        idempotencyKey: cardChargePaymentKey(row.id),
        now: charge.settledAt,
      },
    );
    if (row.purposeKind === "autopay_attempt" && isUuid(row.purposeId)) {
      const [attempt] = await tx
        .select({ id: tables.autopayAttempts.id })
        .from(tables.autopayAttempts)
        .where(
          and(
            eq(tables.autopayAttempts.practiceId, row.practiceId),
            eq(tables.autopayAttempts.id, row.purposeId),
          ),
        );
      // Its autopay attempt succeeds with it, whichever path learned of it (answer, janitor, webhook).
      if (attempt) {
        await transitionAutopayAttempt(
          tx,
          { practiceId: row.practiceId, id: attempt.id },
          { status: "succeeded", cardChargeId: row.id },
          charge.settledAt,
        );
      }
    }
  }
  return { row, settled: changed };
};

export type SucceededCardRefund = {
  practiceId: string;
  id: string;
  stripeRefundId: string;
  settledAt: Date;
  actor?: Actor;
};

/**
 * Marks the refund succeeded and, the first time, refunds the charge's ledger payment by the same amount (its
 * payment status follows); returns the row and whether this call settled it.
 */
export const settleRefund = async (
  tx: Executor,
  refund: SucceededCardRefund,
): Promise<{ row: CardRefundRow; settled: boolean }> => {
  const { row, changed } = await transitionCardRefund(
    tx,
    refund,
    { status: "succeeded", stripeRefundId: refund.stripeRefundId },
    refund.settledAt,
    refund.actor,
  );
  if (changed) {
    const [payment] = await tx
      .select({ id: tables.payments.id, clientId: tables.payments.clientId })
      .from(tables.payments)
      .where(
        and(
          eq(tables.payments.practiceId, row.practiceId),
          eq(tables.payments.idempotencyKey, cardChargePaymentKey(row.chargeId)),
        ),
      );
    // A refund of a charge that never reached the ledger (none should exist) has nothing to reverse there.
    if (payment) {
      const actor = refund.actor ?? systemActor(row.practiceId, "card-refund");
      await refundClientPayment(
        { db: tx },
        {
          actor: { ...actor, practiceId: row.practiceId },
          clientId: payment.clientId,
          paymentId: payment.id,
          amountCents: row.amountCents,
          reason: row.reason?.trim() || "Card refund",
          now: refund.settledAt,
          source: "card_refund",
        },
      );
    }
  }
  return { row, settled: changed };
};
