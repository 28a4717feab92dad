import type { Database } from "@billcycle/db";
import { recordAudit } from "../audit/record-audit";
import { systemActor } from "../auth/actor";
import { ensureStripeCustomer } from "../payments/ensure-stripe-customer";
import type { CardSetupView } from "../payments/payment-schemas";
import { type StripeCallOptions, stripeFailure, stripeForPractice } from "../payments/stripe-client";
import { payableThroughLink } from "./pay-outreach-set";

/** Marks a SetupIntent started by a pay link: its card is saved on file only if the patient asks (not by webhook). */
export const PAY_LINK_SETUP_SOURCE = "pay_link";

/**
 * Starts a new card for the pay page (the signed token is the credential): a SetupIntent on the patient's Stripe
 * customer, for Stripe's card element in the patient's browser. The card number goes from there to Stripe only.
 * Refused like the payment itself when the link is not valid or nothing is outstanding.
 */
export const startPayLinkCardSetup = async (
  database: Database,
  input: { token: string; linkKey: Buffer; now: Date; stripe?: StripeCallOptions | undefined },
): Promise<CardSetupView> => {
  const { claims, clientId } = await payableThroughLink(database, input);
  const { practiceId, setId } = claims;
  const { stripe, credentials } = await stripeForPractice(database.db, practiceId, input.stripe);
  const customer = await ensureStripeCustomer(database, { stripe, practiceId, clientId, now: input.now });
  let setupIntent: Awaited<ReturnType<typeof stripe.setupIntents.create>>;
  try {
    setupIntent = await stripe.setupIntents.create({
      customer,
      usage: "off_session",
      allowed_payment_method_types: ["card"],
      metadata: {
        billcycle_practice_id: practiceId,
        billcycle_client_id: clientId,
        billcycle_outreach_set_id: setId,
        billcycle_source: PAY_LINK_SETUP_SOURCE,
      },
    });
  } catch (e) {
    throw stripeFailure(e, "start a new card");
  }
  await database.db.transaction((tx) =>
    recordAudit(tx, systemActor(practiceId, "pay-link"), "create", "card_setup", clientId, input.now, {
      setupIntentId: setupIntent.id,
      outreachSetId: setId,
    }),
  );
  return {
    setupIntentId: setupIntent.id,
    clientSecret: setupIntent.client_secret ?? "",
    publishableKey: credentials.publishableKey,
  };
};
