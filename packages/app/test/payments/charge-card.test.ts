import {
  type ChargeCardInput,
  chargeCard,
  listClientCards,
  resolveUnknownCharges,
  stripeChargeIdempotencyKey,
} from "@billcycle/app";
import { isDomainError } from "@billcycle/core";
import { tables } from "@billcycle/db";
import { type StripeFake, startStripeFake } from "@billcycle/stripe-fake";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import type { PracticeFixture } from "@billcycle/testing/billing-fixture";
import {
  addCard,
  clientWithCard,
  STRIPE_OPTIONS,
  stripePractice,
  useTestSecretKey,
} from "@billcycle/testing/stripe-practice";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

useTestSecretKey();

/**
 * chargeCard against the Stripe fake through the real SDK: the row is committed before Stripe is called, an unknown
 * outcome is resolved by asking Stripe, and no idempotency key ever makes a second PaymentIntent.
 */
describe.each(testBackends())("chargeCard (%s)", (backend) => {
  let database: TestDatabase;
  let fake: StripeFake;
  let p: PracticeFixture;
  let keyNo = 0;
  const now = () => new Date();

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    fake = await startStripeFake();
    p = await stripePractice(database, fake, now());
  });
  afterAll(async () => {
    await fake?.stop();
    await database?.dispose();
  });

  const input = (clientId: string, over: Partial<ChargeCardInput> = {}): ChargeCardInput => {
    const id = `attempt-${backend}-${++keyNo}`;
    return {
      practiceId: p.practiceId,
      clientId,
      amountCents: 12_500,
      idempotencyKey: `autopay_attempt:${id}`,
      purpose: { kind: "autopay_attempt", id },
      now: now(),
      stripe: STRIPE_OPTIONS,
      ...over,
    };
  };
  const stripeKey = (i: ChargeCardInput) => stripeChargeIdempotencyKey(i.practiceId, i.idempotencyKey);
  /** PaymentIntents.create requests for the key, from the fake's request log (replays included). */
  const createRequests = (i: ChargeCardInput) =>
    fake.requests.filter(
      (r) => r.method === "POST" && r.path === "/v1/payment_intents" && r.idempotencyKey === stripeKey(i),
    );
  const rowOf = async (id: string) => {
    const [row] = await database.db.select().from(tables.cardCharges).where(eq(tables.cardCharges.id, id));
    return row;
  };
  const refusal = (e: unknown) =>
    isDomainError(e) ? { code: e.code, reason: e.details?.reason } : { code: "not a DomainError", reason: e };

  it("charges the default card off-session: succeeded, one PaymentIntent carrying the charge id", async () => {
    const clientId = await clientWithCard(database, fake, p, now());
    const cards = await listClientCards(database.db, { practiceId: p.practiceId, clientId, now: now() });
    expect(cards.map((c) => [c.brand, c.last4, c.isDefault, c.expired])).toEqual([
      ["visa", "4242", true, false],
    ]);
    const i = input(clientId);
    const { charge, existing } = await chargeCard(database, i);
    expect(existing).toBe(false);
    expect(charge).toMatchObject({
      status: "succeeded",
      amountCents: 12_500,
      cardLast4: "4242",
      declineCode: null,
    });
    expect(fake.paymentIntentsCreatedWith(stripeKey(i))).toBe(1);
    const pi = fake.paymentIntents().find((x) => x.id === charge.stripePaymentIntentId);
    expect(pi).toMatchObject({
      status: "succeeded",
      amount: 12_500,
      metadata: { billcycle_charge_id: charge.id },
    });
    const request = createRequests(i)[0];
    expect(request?.params).toMatchObject({
      off_session: "true",
      confirm: "true",
      payment_method: pi?.payment_method,
    });
  });

  it("a decline is recorded with Stripe's decline code and message; nothing is left to resolve", async () => {
    const clientId = await clientWithCard(database, fake, p, now());
    fake.failNext({ kind: "decline", declineCode: "insufficient_funds" });
    const i = input(clientId);
    const { charge } = await chargeCard(database, i);
    expect(charge).toMatchObject({
      status: "declined",
      declineCode: "insufficient_funds",
      failureCode: "card_declined",
      failureMessage: "Your card has insufficient funds.",
    });
    expect(charge.stripePaymentIntentId).toMatch(/^pi_/);
    const expired = await clientWithCard(database, fake, p, now(), {
      expMonth: 1,
      expYear: 2099,
      declineCode: "expired_card",
    });
    expect((await chargeCard(database, input(expired))).charge).toMatchObject({
      status: "declined",
      declineCode: "expired_card",
      failureCode: "expired_card",
    });
  });

  it("a timeout whose charge did succeed: unknown, then resolved to succeeded with exactly one PaymentIntent", async () => {
    const clientId = await clientWithCard(database, fake, p, now());
    fake.failNext({ kind: "timeout" });
    const i = input(clientId);
    const { charge } = await chargeCard(database, i);
    expect(charge.status).toBe("unknown");
    expect(charge.stripePaymentIntentId).toBeNull();
    const result = await resolveUnknownCharges(database, {
      practiceId: p.practiceId,
      now: now(),
      stripe: STRIPE_OPTIONS,
    });
    expect(result).toMatchObject({ succeeded: 1, stillUnknown: 0 });
    const row = await rowOf(charge.id);
    expect(row).toMatchObject({ status: "succeeded", stripePaymentIntentId: expect.stringMatching(/^pi_/) });
    expect(fake.paymentIntentsCreatedWith(stripeKey(i))).toBe(1);
    expect(createRequests(i)).toHaveLength(1);
    // Retrying the charge afterwards returns it and sends nothing.
    const again = await chargeCard(database, { ...i, now: now() });
    expect(again).toMatchObject({ existing: true, charge: { id: charge.id, status: "succeeded" } });
    expect(createRequests(i)).toHaveLength(1);
  });

  it("a retry of an unknown charge with the same key resolves it by asking Stripe, never by charging again", async () => {
    const clientId = await clientWithCard(database, fake, p, now());
    fake.failNext({ kind: "timeout" });
    const i = input(clientId);
    expect((await chargeCard(database, i)).charge.status).toBe("unknown");
    const retry = await chargeCard(database, { ...i, now: now() });
    expect(retry).toMatchObject({ existing: true, charge: { status: "succeeded" } });
    expect(fake.paymentIntentsCreatedWith(stripeKey(i))).toBe(1);
    expect(createRequests(i)).toHaveLength(1);
  });

  it("a 500 after Stripe charged: unknown, then resolved to succeeded (found by the charge id in metadata)", async () => {
    const clientId = await clientWithCard(database, fake, p, now());
    fake.failNext({ kind: "server_error", afterCreate: true });
    const i = input(clientId);
    const { charge } = await chargeCard(database, i);
    expect(charge).toMatchObject({ status: "unknown", stripePaymentIntentId: null });
    await resolveUnknownCharges(database, { practiceId: p.practiceId, now: now(), stripe: STRIPE_OPTIONS });
    expect((await rowOf(charge.id))?.status).toBe("succeeded");
    expect(fake.paymentIntentsCreatedWith(stripeKey(i))).toBe(1);
  });

  it("a 500 before anything was charged: unknown while it could still appear, failed once it cannot", async () => {
    const clientId = await clientWithCard(database, fake, p, now());
    fake.failNext({ kind: "server_error" });
    const i = input(clientId);
    const { charge } = await chargeCard(database, i);
    expect(charge.status).toBe("unknown");
    const soon = await resolveUnknownCharges(database, {
      practiceId: p.practiceId,
      now: now(),
      stripe: STRIPE_OPTIONS,
    });
    expect(soon.stillUnknown).toBe(1);
    expect((await rowOf(charge.id))?.status).toBe("unknown");
    const later = new Date(Date.now() + 11 * 60_000);
    await resolveUnknownCharges(database, { practiceId: p.practiceId, now: later, stripe: STRIPE_OPTIONS });
    expect(await rowOf(charge.id)).toMatchObject({ status: "failed", failureCode: "no_payment_intent" });
    expect(fake.paymentIntentsCreatedWith(stripeKey(i))).toBe(0);
    expect(createRequests(i)).toHaveLength(1);
  });

  it("a pending charge left by a crash is resolved by the janitor from Stripe's side", async () => {
    const clientId = await clientWithCard(database, fake, p, now());
    const i = input(clientId);
    const { charge } = await chargeCard(database, i);
    // As if the process died after Stripe charged and before it wrote the answer.
    await database.db
      .update(tables.cardCharges)
      .set({ status: "pending", stripePaymentIntentId: null, settledAt: null })
      .where(eq(tables.cardCharges.id, charge.id));
    const early = await resolveUnknownCharges(database, {
      practiceId: p.practiceId,
      now: now(),
      stripe: STRIPE_OPTIONS,
    });
    expect(early.checked).toBe(0);
    const later = new Date(Date.now() + 6 * 60_000);
    await resolveUnknownCharges(database, { practiceId: p.practiceId, now: later, stripe: STRIPE_OPTIONS });
    expect(await rowOf(charge.id)).toMatchObject({
      status: "succeeded",
      stripePaymentIntentId: charge.stripePaymentIntentId,
    });
    expect(fake.paymentIntentsCreatedWith(stripeKey(i))).toBe(1);
  });

  it("the same key again returns the first charge; with another amount it is refused", async () => {
    const clientId = await clientWithCard(database, fake, p, now());
    const i = input(clientId);
    const first = await chargeCard(database, i);
    const second = await chargeCard(database, { ...i, now: now() });
    expect(second).toEqual({ charge: first.charge, existing: true });
    const other = await chargeCard(database, { ...i, amountCents: 1 }).catch(refusal);
    expect(other).toEqual({ code: "CONFLICT", reason: "IDEMPOTENCY_KEY_REUSED" });
    expect(createRequests(i)).toHaveLength(1);
    const rows = await database.db
      .select()
      .from(tables.cardCharges)
      .where(
        and(
          eq(tables.cardCharges.practiceId, p.practiceId),
          eq(tables.cardCharges.idempotencyKey, i.idempotencyKey),
        ),
      );
    expect(rows).toHaveLength(1);
  });

  it("no default card, an expired card (practice-local date), a bad amount: refused before Stripe is called", async () => {
    const { createClient } = await import("@billcycle/testing/billing-fixture");
    const noCard = await createClient(database, p, now(), { paysBy: "self_pay" });
    const before = fake.requests.length;
    expect(await chargeCard(database, input(noCard)).catch(refusal)).toEqual({
      code: "CONFLICT",
      reason: "NO_DEFAULT_CARD",
    });
    const expired = await createClient(database, p, now(), { paysBy: "self_pay" });
    await addCard(database, fake, p, expired, now(), { expMonth: 5, expYear: 2026 });
    // 00:30 on June 1 in Chicago (05:30 UTC) a May card has expired; an hour earlier it was still May 31 there.
    const june1 = new Date("2026-06-01T05:30:00Z");
    const mayCards = await listClientCards(database.db, {
      practiceId: p.practiceId,
      clientId: expired,
      now: new Date("2026-06-01T04:30:00Z"),
    });
    expect(mayCards[0]?.expired).toBe(false);
    const marker = fake.requests.length;
    expect(await chargeCard(database, input(expired, { now: june1 })).catch(refusal)).toEqual({
      code: "CONFLICT",
      reason: "CARD_EXPIRED",
    });
    expect(fake.requests.length).toBe(marker);
    expect(await chargeCard(database, input(noCard, { amountCents: 0 })).catch(refusal)).toMatchObject({
      code: "INVALID_MONEY",
    });
    expect(fake.requests.slice(before).some((r) => r.path === "/v1/payment_intents")).toBe(false);
  });

  it("a practice cannot charge another practice's client", async () => {
    const other = await stripePractice(database, fake, now(), "Other Practice");
    const theirs = await clientWithCard(database, fake, other, now());
    const attempt = await chargeCard(database, { ...input(theirs), practiceId: p.practiceId }).catch(refusal);
    expect(attempt).toMatchObject({ code: "NOT_FOUND" });
    const rows = await database.db
      .select()
      .from(tables.cardCharges)
      .where(eq(tables.cardCharges.clientId, theirs));
    expect(rows).toEqual([]);
  });

  it.runIf(backend === "postgres")(
    "two concurrent charges with the same key make one charge row and one PaymentIntent",
    async () => {
      for (let round = 0; round < 5; round++) {
        const clientId = await clientWithCard(database, fake, p, now());
        const i = input(clientId);
        const results = await Promise.all([chargeCard(database, i), chargeCard(database, { ...i })]);
        expect(new Set(results.map((r) => r.charge.id)).size).toBe(1);
        expect(results.map((r) => r.existing).sort()).toEqual([false, true]);
        expect(fake.paymentIntentsCreatedWith(stripeKey(i))).toBe(1);
        expect(createRequests(i)).toHaveLength(1);
        expect((await rowOf(results[0]?.charge.id ?? ""))?.status).toBe("succeeded");
      }
    },
  );
});
