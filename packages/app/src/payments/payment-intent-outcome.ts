import type Stripe from "stripe";
import type { CardChargeOutcome } from "./transition-card-charge";

/** What a PaymentIntent's state says about the charge (null: Stripe has not finished; keep asking). */
export const outcomeOfPaymentIntent = (pi: Stripe.PaymentIntent): CardChargeOutcome | null => {
  const chargeId = typeof pi.latest_charge === "string" ? pi.latest_charge : (pi.latest_charge?.id ?? null);
  if (pi.status === "succeeded") {
    return { status: "succeeded", stripePaymentIntentId: pi.id, stripeChargeId: chargeId };
  }
  if (pi.status === "canceled") {
    return {
      status: "failed",
      stripePaymentIntentId: pi.id,
      failureCode: "canceled",
      failureMessage: "The payment was canceled at Stripe",
    };
  }
  if (pi.status === "requires_payment_method" && pi.last_payment_error) {
    const e = pi.last_payment_error;
    return {
      status: "declined",
      stripePaymentIntentId: pi.id,
      stripeChargeId: chargeId,
      declineCode: e.decline_code ?? e.code ?? null,
      failureCode: e.code ?? null,
      failureMessage: e.message ?? "The card was declined",
    };
  }
  return null;
};
