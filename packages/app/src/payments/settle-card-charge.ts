import type { Executor } from "@billcycle/db";
import type { Actor } from "../auth/actor";
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

/** Marks the charge succeeded; returns the row and whether this call settled it (false: it already was). */
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
  // Lead: connect at merge — when `changed`, recordClientPayment(tx, …) for row (client, amount, card charge id).
  return { row, settled: changed };
};

export type SucceededCardRefund = {
  practiceId: string;
  id: string;
  stripeRefundId: string;
  settledAt: Date;
  actor?: Actor;
};

/** Marks the refund succeeded; returns the row and whether this call settled it. */
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
  // Lead: connect at merge — when `changed`, record the refund in the ledger (it reverses the charge's payment).
  return { row, settled: changed };
};
