import type { Database } from "@billcycle/db";
import { recordAudit } from "../audit/record-audit";
import type { TenantActor } from "../resources/crud";
import { assertClientInPractice } from "./client-in-practice";
import { ensureStripeCustomer } from "./ensure-stripe-customer";
import type { CardSetupView } from "./payment-schemas";
import { type StripeCallOptions, stripeFailure, stripeForPractice } from "./stripe-client";

/**
 * Starts saving a card: a SetupIntent for off-session use on the client's Stripe customer (created on first use).
 * Its client secret and the publishable key go to Stripe's own card element; the card number goes from the
 * browser to Stripe and never reaches billcycle. The card arrives by setup_intent.succeeded or a refresh.
 */
export const startCardSetup = async (
  database: Database,
  {
    actor,
    clientId,
    now,
    stripe: options,
  }: { actor: TenantActor; clientId: string; now: Date; stripe?: StripeCallOptions },
): Promise<CardSetupView> => {
  const practiceId = actor.practiceId;
  await assertClientInPractice(database.db, practiceId, clientId);
  const { stripe, credentials } = await stripeForPractice(database.db, practiceId, options);
  const customer = await ensureStripeCustomer(database, { stripe, practiceId, clientId, now });
  let setupIntent: Awaited<ReturnType<typeof stripe.setupIntents.create>>;
  try {
    setupIntent = await stripe.setupIntents.create({
      customer,
      usage: "off_session",
      allowed_payment_method_types: ["card"],
      metadata: { billcycle_practice_id: practiceId, billcycle_client_id: clientId },
    });
  } catch (e) {
    throw stripeFailure(e, "start saving a card");
  }
  await database.db.transaction((tx) =>
    recordAudit(tx, actor, "create", "card_setup", clientId, now, { setupIntentId: setupIntent.id }),
  );
  return {
    setupIntentId: setupIntent.id,
    clientSecret: setupIntent.client_secret ?? "",
    publishableKey: credentials.publishableKey,
  };
};
