import {
  generateSecretKey,
  type StripeCallOptions,
  saveStripeSettings,
  startCardSetup,
  syncClientCards,
} from "@billcycle/app";
import type { Database } from "@billcycle/db";
import type { FakeCard, StripeFake } from "@billcycle/stripe-fake";
import { createBillingPractice, createClient, type PracticeFixture } from "./billing-fixture";

/** Secrets are encrypted with this key in these tests (as `billcycle start` would with BILLCYCLE_SECRET_KEY). */
export const useTestSecretKey = (): Buffer => {
  process.env.BILLCYCLE_SECRET_KEY ??= generateSecretKey();
  return Buffer.from(process.env.BILLCYCLE_SECRET_KEY, "base64");
};

export const TEST_KEYS = {
  publishableKey: "pk_test_51Billcycle0publishable",
  secretKey: "sk_test_51Billcycle0secret0key",
  webhookSecret: "whsec_billcycle0test0secret",
};

/** Short enough that a test waits little for a timeout, long enough for a loaded machine to answer. */
export const STRIPE_OPTIONS: StripeCallOptions = { timeoutMs: 1_500 };

/** A practice whose Stripe settings point at the fake. */
export const stripePractice = async (
  database: Database,
  fake: StripeFake,
  now: Date,
  name = "Card Practice",
): Promise<PracticeFixture> => {
  const p = await createBillingPractice(database, "America/Chicago", now, name);
  await saveStripeSettings(database, {
    actor: p.actor,
    input: { ...TEST_KEYS, apiBaseUrl: fake.url, version: 0 },
    production: false,
    now,
  });
  return p;
};

/** A client with a card saved the way the browser saves one: SetupIntent, Stripe's element (the fake), a sync. */
export const clientWithCard = async (
  database: Database,
  fake: StripeFake,
  p: PracticeFixture,
  now: Date,
  card: FakeCard = { brand: "visa", expMonth: 12, expYear: 2099 },
): Promise<string> => {
  const clientId = await createClient(database, p, now, { paysBy: "self_pay" });
  await addCard(database, fake, p, clientId, now, card);
  return clientId;
};

export const addCard = async (
  database: Database,
  fake: StripeFake,
  p: PracticeFixture,
  clientId: string,
  now: Date,
  card: FakeCard,
) => {
  const setup = await startCardSetup(database, { actor: p.actor, clientId, now, stripe: STRIPE_OPTIONS });
  await fake.completeSetupIntent(setup.setupIntentId, card);
  return syncClientCards(database, { actor: p.actor, clientId, now, stripe: STRIPE_OPTIONS });
};
