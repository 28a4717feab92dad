import { DomainError } from "@billcycle/core";
import type { Database } from "@billcycle/db";
import type Stripe from "stripe";
import { systemActor } from "../auth/actor";
import { type ChargeCardResult, chargeCard } from "../payments/charge-card";
import { findStripeCustomerId } from "../payments/ensure-stripe-customer";
import { type StripeCallOptions, stripeFailure, stripeForPractice } from "../payments/stripe-client";
import { storeClientCards } from "../payments/sync-client-cards";
import { payableThroughLink } from "./pay-outreach-set";
import { PAY_LINK_SETUP_SOURCE } from "./start-pay-link-card-setup";

const notThisLinksCard = () =>
  new DomainError("VALIDATION_FAILED", "The new card was not taken: open the link again and enter it", {
    field: "setupIntent",
  });

/**
 * Pays a pay link's set with a new card the patient gave Stripe's card element on the pay page: the SetupIntent
 * must be one this link started, for this patient, and succeeded; the card it saved at Stripe is charged through
 * the card-payment use case (one charge per idempotency key, settled into the ledger, so the amount falls at once
 * and the set is Paid at zero). The card stays on file only when the patient asked (`save`); otherwise it is
 * detached from the patient's Stripe customer once charged.
 */
export const payOutreachSetWithNewCard = async (
  database: Database,
  input: {
    token: string;
    linkKey: Buffer;
    amountCents?: number | undefined;
    idempotencyKey: string;
    setupIntentId: string;
    save: boolean;
    now: Date;
    stripe?: StripeCallOptions | undefined;
  },
): Promise<ChargeCardResult> => {
  const { claims, clientId, amountCents } = await payableThroughLink(database, input);
  const { practiceId, setId } = claims;
  if (!/^seti_[A-Za-z0-9]{1,100}$/.test(input.setupIntentId)) throw notThisLinksCard();
  const { stripe } = await stripeForPractice(database.db, practiceId, input.stripe);
  const customerId = await findStripeCustomerId(database, practiceId, clientId);
  let setupIntent: Stripe.SetupIntent;
  let method: Stripe.PaymentMethod;
  try {
    setupIntent = await stripe.setupIntents.retrieve(input.setupIntentId);
  } catch (e) {
    if ((e as { statusCode?: number }).statusCode === 404) throw notThisLinksCard();
    throw stripeFailure(e, "read the new card");
  }
  const customerOf = (x: { customer: string | { id: string } | null }) =>
    typeof x.customer === "string" ? x.customer : (x.customer?.id ?? null);
  const meta = setupIntent.metadata ?? {};
  if (
    !customerId ||
    customerOf(setupIntent) !== customerId ||
    meta.billcycle_source !== PAY_LINK_SETUP_SOURCE ||
    meta.billcycle_practice_id !== practiceId ||
    meta.billcycle_outreach_set_id !== setId
  ) {
    throw notThisLinksCard();
  }
  const methodId =
    typeof setupIntent.payment_method === "string"
      ? setupIntent.payment_method
      : setupIntent.payment_method?.id;
  if (setupIntent.status !== "succeeded" || !methodId) {
    throw new DomainError("VALIDATION_FAILED", "Stripe has not accepted the new card yet: enter it again", {
      field: "setupIntent",
    });
  }
  try {
    method = await stripe.paymentMethods.retrieve(methodId);
  } catch (e) {
    throw stripeFailure(e, "read the new card");
  }
  if (!method.card) throw notThisLinksCard();
  const actor = systemActor(practiceId, "pay-link");
  const result = await chargeCard(database, {
    practiceId,
    clientId,
    amountCents,
    idempotencyKey: `outreach:${setId}:${input.idempotencyKey}`,
    purpose: { kind: "manual", id: `outreach_set:${setId}` },
    now: input.now,
    actor,
    card: {
      stripePaymentMethodId: method.id,
      brand: method.card.brand,
      last4: method.card.last4,
      expMonth: method.card.exp_month,
      expYear: method.card.exp_year,
    },
    ...(input.stripe ? { stripe: input.stripe } : {}),
  });
  if (result.existing) return result;
  if (!input.save) {
    try {
      await stripe.paymentMethods.detach(method.id);
    } catch {
      // Already detached (a second submit), or Stripe did not answer: the card is not on file in billcycle either
      // way, since only a patient's "save" stores it.
    }
    return result;
  }
  const methods: Stripe.PaymentMethod[] = [];
  try {
    for await (const pm of stripe.paymentMethods.list({ customer: customerId, type: "card", limit: 100 })) {
      methods.push(pm);
    }
  } catch (e) {
    throw stripeFailure(e, "save the new card");
  }
  await storeClientCards(database, { actor: { ...actor, practiceId }, clientId, methods, now: input.now });
  return result;
};
