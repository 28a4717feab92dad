import type { AddressInfo } from "node:net";
import { chargeCard, listClientCards, startCardSetup } from "@billcycle/app";
import { ManualClock } from "@billcycle/core";
import { tables } from "@billcycle/db";
import { createApp, jsonLogger } from "@billcycle/server";
import { type StripeFake, signWebhookPayload, startStripeFake } from "@billcycle/stripe-fake";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { createClient, type PracticeFixture } from "@billcycle/testing/billing-fixture";
import {
  clientWithCard,
  STRIPE_OPTIONS,
  stripePractice,
  TEST_KEYS,
  useTestSecretKey,
} from "@billcycle/testing/stripe-practice";
import { serve } from "@hono/node-server";
import { and, eq } from "drizzle-orm";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

useTestSecretKey();

/**
 * Stripe's webhook against the real server over HTTP, delivered by the Stripe fake signed as Stripe signs:
 * verified with the practice's secret, refused when stale or forged, each event id applied once.
 */
describe.each(testBackends())("the Stripe webhook (%s)", (backend) => {
  let database: TestDatabase;
  let fake: StripeFake;
  let p: PracticeFixture;
  let base: string;
  let close: () => Promise<void>;
  const clock = new ManualClock(new Date().toISOString());
  let n = 0;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    const app = createApp({ database, clock, logger: jsonLogger(() => undefined), stripe: STRIPE_OPTIONS });
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((r) => server.once("listening", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((r) => server.close(() => r()));
    fake = await startStripeFake();
    p = await stripePractice(database, fake, clock.now());
    fake.setWebhookEndpoint({
      url: `${base}/api/v1/webhooks/stripe/${p.practiceId}`,
      secret: TEST_KEYS.webhookSecret,
    });
  });
  afterAll(async () => {
    await fake?.stop();
    await close?.();
    await database?.dispose();
  });
  beforeEach(() => {
    clock.set(new Date());
  });

  const post = (practiceId: string, payload: string, signature: string | null) =>
    fetch(`${base}/api/v1/webhooks/stripe/${practiceId}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(signature ? { "stripe-signature": signature } : {}),
      },
      body: payload,
    });
  const eventPayload = (type: string, object: Record<string, unknown>) =>
    JSON.stringify({
      id: `evt_test_${backend}_${++n}`,
      object: "event",
      api_version: "2026-10-28.endive",
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
      data: { object },
    });
  const nowSeconds = () => Math.floor(Date.now() / 1000);
  const eventsOf = (eventId: string) =>
    database.db
      .select()
      .from(tables.stripeWebhookEvents)
      .where(
        and(
          eq(tables.stripeWebhookEvents.practiceId, p.practiceId),
          eq(tables.stripeWebhookEvents.eventId, eventId),
        ),
      );
  const chargeRow = async (id: string) =>
    (await database.db.select().from(tables.cardCharges).where(eq(tables.cardCharges.id, id)))[0];
  const input = (clientId: string) => {
    const id = `wh-${backend}-${++n}`;
    return {
      practiceId: p.practiceId,
      clientId,
      amountCents: 4_000,
      idempotencyKey: `autopay_attempt:${id}`,
      purpose: { kind: "autopay_attempt" as const, id },
      now: clock.now(),
      stripe: STRIPE_OPTIONS,
    };
  };

  it("setup_intent.succeeded brings the new card in without a refresh (default, brand, last 4, expiry)", async () => {
    const clientId = await createClient(database, p, clock.now(), { paysBy: "self_pay" });
    const setup = await startCardSetup(database, {
      actor: p.actor,
      clientId,
      now: clock.now(),
      stripe: STRIPE_OPTIONS,
    });
    expect(setup).toMatchObject({
      publishableKey: TEST_KEYS.publishableKey,
      clientSecret: expect.stringMatching(/_secret_/),
    });
    await fake.completeSetupIntent(setup.setupIntentId, { brand: "mastercard", expMonth: 8, expYear: 2031 });
    await fake.settled();
    const cards = await listClientCards(database.db, {
      practiceId: p.practiceId,
      clientId,
      now: clock.now(),
    });
    expect(cards.map((c) => [c.brand, c.last4, c.expMonth, c.expYear, c.isDefault])).toEqual([
      ["mastercard", "4444", 8, 2031, true],
    ]);
    const delivered = fake.deliveries.filter((d) => d.type === "setup_intent.succeeded").at(-1);
    expect(delivered?.status).toBe(200);
    expect((await eventsOf(delivered?.eventId ?? ""))[0]).toMatchObject({ outcome: "processed" });
    // Types billcycle does not act on are acknowledged and recorded as ignored.
    const attached = fake.deliveries.filter((d) => d.type === "payment_method.attached").at(-1);
    expect(attached?.status).toBe(200);
    expect((await eventsOf(attached?.eventId ?? ""))[0]).toMatchObject({
      outcome: "ignored",
      note: expect.stringContaining("does not act on payment_method.attached"),
    });
  });

  it("a webhook delivered twice is applied once: the second is acknowledged as a duplicate", async () => {
    const clientId = await clientWithCard(database, fake, p, clock.now());
    fake.setWebhookCopies(2);
    try {
      // The answer is lost; Stripe's payment_intent.succeeded (sent twice) settles the charge.
      fake.failNext({ kind: "timeout" });
      const { charge } = await chargeCard(database, input(clientId));
      await fake.settled();
      expect((await chargeRow(charge.id))?.status).toBe("succeeded");
      const succeeded = fake.deliveries.filter(
        (d) =>
          d.type === "payment_intent.succeeded" &&
          fake.paymentIntents().some((pi) => pi.metadata.billcycle_charge_id === charge.id),
      );
      const eventId = succeeded.at(-1)?.eventId ?? "";
      expect(fake.deliveries.filter((d) => d.eventId === eventId).map((d) => d.status)).toEqual([200, 200]);
      expect(await eventsOf(eventId)).toHaveLength(1);
      const transitions = await database.db
        .select()
        .from(tables.auditLog)
        .where(
          and(
            eq(tables.auditLog.entity, "card_charge"),
            eq(tables.auditLog.entityId, charge.id),
            eq(tables.auditLog.action, "transition"),
          ),
        );
      expect(transitions.map((t) => t.details)).toEqual([{ from: "pending", to: "succeeded" }]);
      // A third copy, by hand, is answered as a duplicate.
      const payload = JSON.stringify({
        id: eventId,
        object: "event",
        type: "payment_intent.succeeded",
        data: { object: {} },
      });
      const again = await post(
        p.practiceId,
        payload,
        signWebhookPayload(payload, TEST_KEYS.webhookSecret, nowSeconds()),
      );
      expect(await again.json()).toMatchObject({ received: true, duplicate: true, eventId });
    } finally {
      fake.setWebhookCopies(1);
    }
  });

  it("a bad signature, a missing one, or another practice's secret is 400 INVALID_SIGNATURE and records nothing", async () => {
    const payload = eventPayload("payment_intent.succeeded", { id: "pi_forged", object: "payment_intent" });
    const forged = await post(
      p.practiceId,
      payload,
      signWebhookPayload(payload, "whsec_not_the_secret", nowSeconds()),
    );
    expect(forged.status).toBe(400);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe("INVALID_SIGNATURE");
    const altered = signWebhookPayload(payload, TEST_KEYS.webhookSecret, nowSeconds());
    const tampered = await post(p.practiceId, payload.replace("pi_forged", "pi_forgex"), altered);
    expect(tampered.status).toBe(400);
    const missing = await post(p.practiceId, payload, null);
    expect([missing.status, ((await missing.json()) as { error: { code: string } }).error.code]).toEqual([
      400,
      "INVALID_SIGNATURE",
    ]);
    const id = (JSON.parse(payload) as { id: string }).id;
    expect(await eventsOf(id)).toEqual([]);
  });

  it("a stale timestamp (older than 300 s) is refused, so a captured delivery cannot be replayed later", async () => {
    const payload = eventPayload("customer.updated", { id: "cus_x", object: "customer" });
    const stale = await post(
      p.practiceId,
      payload,
      signWebhookPayload(payload, TEST_KEYS.webhookSecret, nowSeconds() - 301),
    );
    expect(stale.status).toBe(400);
    const body = (await stale.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({
      code: "INVALID_SIGNATURE",
      message: expect.stringContaining("too old"),
    });
    // The same delivery, signed within the tolerance, is accepted (and ignored: billcycle does not act on it).
    const fresh = await post(
      p.practiceId,
      payload,
      signWebhookPayload(payload, TEST_KEYS.webhookSecret, nowSeconds() - 200),
    );
    expect(fresh.status).toBe(200);
    expect(await fresh.json()).toMatchObject({
      received: true,
      duplicate: false,
      type: "customer.updated",
      outcome: "ignored",
    });
  });

  it("payment_intent.payment_failed settles an unknown charge as declined with Stripe's reason", async () => {
    const clientId = await clientWithCard(database, fake, p, clock.now());
    fake.failNext({ kind: "server_error" });
    const { charge } = await chargeCard(database, input(clientId));
    expect(charge.status).toBe("unknown");
    const payload = eventPayload("payment_intent.payment_failed", {
      id: "pi_async_failed",
      object: "payment_intent",
      status: "requires_payment_method",
      metadata: { billcycle_charge_id: charge.id },
      latest_charge: "ch_async",
      last_payment_error: {
        type: "card_error",
        code: "card_declined",
        decline_code: "insufficient_funds",
        message: "Your card has insufficient funds.",
      },
    });
    const res = await post(
      p.practiceId,
      payload,
      signWebhookPayload(payload, TEST_KEYS.webhookSecret, nowSeconds()),
    );
    expect(res.status).toBe(200);
    expect(await chargeRow(charge.id)).toMatchObject({
      status: "declined",
      declineCode: "insufficient_funds",
      stripePaymentIntentId: "pi_async_failed",
    });
  });

  it("charge.refunded: a refund made in Stripe's dashboard is recorded and settled once", async () => {
    const clientId = await clientWithCard(database, fake, p, clock.now());
    const { charge } = await chargeCard(database, input(clientId));
    const stripe = new Stripe(TEST_KEYS.secretKey, { host: fake.host, port: fake.port, protocol: "http" });
    await stripe.refunds.create({ payment_intent: charge.stripePaymentIntentId ?? "", amount: 1_500 });
    await fake.settled();
    const refunds = await database.db
      .select()
      .from(tables.cardRefunds)
      .where(eq(tables.cardRefunds.chargeId, charge.id));
    expect(refunds.map((r) => [r.amountCents, r.status, r.reason])).toEqual([
      [1_500, "succeeded", "made at Stripe"],
    ]);
    expect((await chargeRow(charge.id))?.refundedCents).toBe(1_500);
  });

  it("another practice's endpoint never touches this practice's charge", async () => {
    const other = await stripePractice(database, fake, clock.now(), "Other Webhook Practice");
    const clientId = await clientWithCard(database, fake, p, clock.now());
    fake.failNext({ kind: "server_error" });
    const { charge } = await chargeCard(database, input(clientId));
    const payload = eventPayload("payment_intent.succeeded", {
      id: "pi_elsewhere",
      object: "payment_intent",
      status: "succeeded",
      metadata: { billcycle_charge_id: charge.id },
    });
    const res = await post(
      other.practiceId,
      payload,
      signWebhookPayload(payload, TEST_KEYS.webhookSecret, nowSeconds()),
    );
    expect(await res.json()).toMatchObject({ outcome: "ignored" });
    expect((await chargeRow(charge.id))?.status).toBe("unknown");
  });
});
