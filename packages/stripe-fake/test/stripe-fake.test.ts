import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StripeFake, startStripeFake } from "../src/index";

/** The fake, driven by the official SDK exactly as billcycle drives it. */

const SECRET = "whsec_fake_test_secret";
type Received = { event: Stripe.Event; header: string; body: string };

describe("the Stripe fake, through the official SDK", () => {
  let fake: StripeFake;
  let stripe: Stripe;
  const received: Received[] = [];
  let close: () => Promise<void>;

  beforeAll(async () => {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const header = String(req.headers["stripe-signature"]);
        try {
          received.push({ event: stripe.webhooks.constructEvent(body, header, SECRET, 300), header, body });
          res.writeHead(200).end();
        } catch {
          res.writeHead(400).end();
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    close = () => new Promise((r) => server.close(() => r()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    fake = await startStripeFake({ webhook: { url, secret: SECRET } });
    stripe = new Stripe("sk_test_fake", {
      host: fake.host,
      port: fake.port,
      protocol: fake.protocol,
      maxNetworkRetries: 0,
      timeout: 1_000,
    });
  });
  afterAll(async () => {
    await fake?.stop();
    await close?.();
  });

  const customerWithCard = async (card: Parameters<StripeFake["completeSetupIntent"]>[1]) => {
    const customer = await stripe.customers.create({ metadata: { client_id: "c1" } });
    const si = await stripe.setupIntents.create({
      customer: customer.id,
      usage: "off_session",
      allowed_payment_method_types: ["card"],
    });
    expect(si.client_secret).toMatch(/^seti_\w+_secret_\w+$/);
    const pm = await fake.completeSetupIntent(si.id, card);
    return { customer, si, pm };
  };

  it("a completed SetupIntent attaches the card and sends setup_intent.succeeded, signed as Stripe signs", async () => {
    const { customer, si, pm } = await customerWithCard({ brand: "visa", expMonth: 4, expYear: 2099 });
    await fake.settled();
    const event = received.find((r) => r.event.type === "setup_intent.succeeded")?.event;
    expect(event?.data.object).toMatchObject({ id: si.id, status: "succeeded", payment_method: pm.id });
    const cards = await stripe.paymentMethods.list({ customer: customer.id, type: "card" });
    expect(
      cards.data.map((c) => [c.card?.brand, c.card?.last4, c.card?.exp_month, c.card?.exp_year]),
    ).toEqual([["visa", "4242", 4, 2099]]);
    expect((await stripe.setupIntents.retrieve(si.id)).status).toBe("succeeded");
    await stripe.paymentMethods.detach(pm.id);
    expect((await stripe.paymentMethods.list({ customer: customer.id })).data).toEqual([]);
  });

  it("an off-session confirmed PaymentIntent succeeds; the same key and params replay it, other params are refused", async () => {
    const { customer, pm } = await customerWithCard({ expMonth: 1, expYear: 2099 });
    const params = {
      amount: 12_500,
      currency: "usd",
      customer: customer.id,
      payment_method: pm.id,
      off_session: true,
      confirm: true,
      metadata: { charge_id: "charge-1" },
    };
    const first = await stripe.paymentIntents.create(params, { idempotencyKey: "k-1" });
    expect(first).toMatchObject({ status: "succeeded", amount_received: 12_500 });
    const again = await stripe.paymentIntents.create(params, { idempotencyKey: "k-1" });
    expect(again.id).toBe(first.id);
    expect(fake.paymentIntentsCreatedWith("k-1")).toBe(1);
    expect(fake.requests.filter((r) => r.idempotencyKey === "k-1").map((r) => r.replayed)).toEqual([
      false,
      true,
    ]);
    const refused = await stripe.paymentIntents
      .create({ ...params, amount: 999 }, { idempotencyKey: "k-1" })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect((refused as Stripe.errors.StripeError).statusCode).toBe(400);
    const found = await stripe.paymentIntents.search({ query: "metadata['charge_id']:'charge-1'" });
    expect(found.data.map((p) => p.id)).toEqual([first.id]);
    const listed = await stripe.paymentIntents.list({ customer: customer.id });
    expect(listed.data.map((p) => p.id)).toEqual([first.id]);
    expect((await stripe.paymentIntents.retrieve(first.id)).metadata).toEqual({ charge_id: "charge-1" });
  });

  it("a decline is a 402 card_error with Stripe's decline code, message and the PaymentIntent", async () => {
    const { customer, pm } = await customerWithCard({ expMonth: 1, expYear: 2099 });
    fake.failNext({ kind: "decline", declineCode: "insufficient_funds" });
    const error = await stripe.paymentIntents
      .create(
        {
          amount: 5_000,
          currency: "usd",
          customer: customer.id,
          payment_method: pm.id,
          off_session: true,
          confirm: true,
        },
        { idempotencyKey: "k-decline" },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    const card = error as Stripe.errors.StripeCardError;
    expect([card.statusCode, card.code, card.decline_code, card.message]).toEqual([
      402,
      "card_declined",
      "insufficient_funds",
      "Your card has insufficient funds.",
    ]);
    expect(card.payment_intent?.status).toBe("requires_payment_method");
    await fake.settled();
    expect(received.some((r) => r.event.type === "payment_intent.payment_failed")).toBe(true);
  });

  it("a card saved with a decline code declines every charge; an expired card declines with expired_card", async () => {
    const declining = await customerWithCard({ expMonth: 1, expYear: 2099, declineCode: "do_not_honor" });
    const expired = await customerWithCard({ expMonth: 1, expYear: 2020 });
    for (const [c, decline] of [
      [declining, "do_not_honor"],
      [expired, "expired_card"],
    ] as const) {
      const e = (await stripe.paymentIntents
        .create({
          amount: 100,
          currency: "usd",
          customer: c.customer.id,
          payment_method: c.pm.id,
          confirm: true,
          off_session: true,
        })
        .catch((x: unknown) => x)) as Stripe.errors.StripeCardError;
      expect(e.decline_code).toBe(decline);
    }
  });

  it("a timeout: the request is never answered, yet the PaymentIntent exists and a replay returns it", async () => {
    const { customer, pm } = await customerWithCard({ expMonth: 1, expYear: 2099 });
    fake.failNext({ kind: "timeout" });
    const params = {
      amount: 7_000,
      currency: "usd",
      customer: customer.id,
      payment_method: pm.id,
      off_session: true,
      confirm: true,
    };
    const error = await stripe.paymentIntents
      .create(params, { idempotencyKey: "k-timeout", timeout: 300 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect(fake.paymentIntentsCreatedWith("k-timeout")).toBe(1);
    const replay = await stripe.paymentIntents.create(params, { idempotencyKey: "k-timeout" });
    expect(replay.status).toBe("succeeded");
    expect(fake.paymentIntentsCreatedWith("k-timeout")).toBe(1);
  });

  it("a 500 is stored for its key like Stripe does; afterCreate leaves a charged PaymentIntent behind", async () => {
    const { customer, pm } = await customerWithCard({ expMonth: 1, expYear: 2099 });
    const params = {
      amount: 900,
      currency: "usd",
      customer: customer.id,
      payment_method: pm.id,
      confirm: true,
      off_session: true,
    };
    fake.failNext({ kind: "server_error" });
    const e1 = await stripe.paymentIntents
      .create(params, { idempotencyKey: "k-500" })
      .catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect(fake.paymentIntentsCreatedWith("k-500")).toBe(0);
    const e2 = await stripe.paymentIntents
      .create(params, { idempotencyKey: "k-500" })
      .catch((e: unknown) => e);
    expect((e2 as Stripe.errors.StripeError).statusCode).toBe(500);
    fake.failNext({ kind: "server_error", afterCreate: true });
    await stripe.paymentIntents.create(params, { idempotencyKey: "k-500b" }).catch((e: unknown) => e);
    expect(fake.paymentIntentsCreatedWith("k-500b")).toBe(1);
    expect(fake.paymentIntents().find((p) => p.amount === 900)?.status).toBe("succeeded");
  });

  it("refunds: partial, the rest, and one more than what is left is refused", async () => {
    const { customer, pm } = await customerWithCard({ expMonth: 1, expYear: 2099 });
    const pi = await stripe.paymentIntents.create({
      amount: 10_000,
      currency: "usd",
      customer: customer.id,
      payment_method: pm.id,
      confirm: true,
      off_session: true,
    });
    const part = await stripe.refunds.create(
      { payment_intent: pi.id, amount: 4_000 },
      { idempotencyKey: "r-1" },
    );
    expect(part).toMatchObject({ amount: 4_000, status: "succeeded" });
    const tooMuch = await stripe.refunds
      .create({ payment_intent: pi.id, amount: 6_001 })
      .catch((e: unknown) => e as Stripe.errors.StripeError);
    expect(tooMuch).toMatchObject({ statusCode: 400, code: "amount_too_large" });
    const rest = await stripe.refunds.create({ payment_intent: pi.id });
    expect(rest.amount).toBe(6_000);
    await fake.settled();
    const refunded = received.filter((r) => r.event.type === "charge.refunded").at(-1)?.event.data.object;
    expect(refunded).toMatchObject({ amount_refunded: 10_000, refunded: true });
  });

  it("webhooks can be delivered twice (same event id)", async () => {
    fake.setWebhookCopies(2);
    const before = received.length;
    const event = await fake.emit("payment_intent.succeeded", { id: "pi_x", object: "payment_intent" });
    await fake.settled();
    fake.setWebhookCopies(1);
    expect(received.slice(before).map((r) => r.event.id)).toEqual([event.id, event.id]);
  });

  it("an unknown id is 404 resource_missing; a wrong API key is 401", async () => {
    const e = (await stripe.paymentIntents
      .retrieve("pi_nope")
      .catch((x: unknown) => x)) as Stripe.errors.StripeError;
    expect([e.statusCode, e.code]).toEqual([404, "resource_missing"]);
    const strict = await startStripeFake({ secretKey: "sk_test_right" });
    const wrong = new Stripe("sk_test_wrong", { host: strict.host, port: strict.port, protocol: "http" });
    const a = await wrong.customers.create().catch((x: unknown) => x);
    expect(a).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    await strict.stop();
  });
});
