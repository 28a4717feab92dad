import { chargeCard, refundCardCharge, resolveUnknownCharges } from "@billcycle/app";
import { isDomainError } from "@billcycle/core";
import { tables } from "@billcycle/db";
import { type StripeFake, startStripeFake } from "@billcycle/stripe-fake";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import type { PracticeFixture } from "@billcycle/testing/billing-fixture";
import {
  clientWithCard,
  STRIPE_OPTIONS,
  stripePractice,
  useTestSecretKey,
} from "@billcycle/testing/stripe-practice";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

useTestSecretKey();

/** Refunds of card charges against the Stripe fake: partial, whole, idempotent, never more than charged. */
describe.each(testBackends())("refundCardCharge (%s)", (backend) => {
  let database: TestDatabase;
  let fake: StripeFake;
  let p: PracticeFixture;
  let n = 0;
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

  const charged = async (amountCents = 10_000) => {
    const clientId = await clientWithCard(database, fake, p, now());
    const id = `refund-${backend}-${++n}`;
    const { charge } = await chargeCard(database, {
      practiceId: p.practiceId,
      clientId,
      amountCents,
      idempotencyKey: `manual:${id}`,
      purpose: { kind: "manual", id },
      now: now(),
      stripe: STRIPE_OPTIONS,
    });
    expect(charge.status).toBe("succeeded");
    return charge;
  };
  const refund = (chargeId: string, key: string, amountCents?: number) =>
    refundCardCharge(database, {
      practiceId: p.practiceId,
      chargeId,
      idempotencyKey: `${backend}-${key}`,
      ...(amountCents !== undefined ? { amountCents } : {}),
      now: now(),
      stripe: STRIPE_OPTIONS,
    });
  const refusal = (e: unknown) =>
    isDomainError(e) ? { code: e.code, reason: e.details?.reason } : { code: "not a DomainError", reason: e };
  const stripeRefundRequests = () =>
    fake.requests.filter((r) => r.method === "POST" && r.path === "/v1/refunds");
  const chargeRow = async (id: string) =>
    (await database.db.select().from(tables.cardCharges).where(eq(tables.cardCharges.id, id)))[0];

  it("a partial refund, then the rest; the same key again returns the first refund", async () => {
    const charge = await charged();
    const part = await refund(charge.id, `${charge.id}-1`, 2_500);
    expect(part).toMatchObject({
      status: "succeeded",
      amountCents: 2_500,
      stripeRefundId: expect.stringMatching(/^re_/),
    });
    const again = await refund(charge.id, `${charge.id}-1`, 2_500);
    expect(again).toEqual(part);
    const rest = await refund(charge.id, `${charge.id}-2`);
    expect(rest).toMatchObject({ status: "succeeded", amountCents: 7_500 });
    expect((await chargeRow(charge.id))?.refundedCents).toBe(10_000);
    const atStripe = fake.paymentIntents().find((pi) => pi.id === charge.stripePaymentIntentId);
    expect(atStripe?.status).toBe("succeeded");
    expect(
      stripeRefundRequests().filter((r) => r.params.payment_intent === charge.stripePaymentIntentId),
    ).toHaveLength(2);
  });

  it("more than is left is refused before Stripe is asked; a refunded charge refuses any more", async () => {
    const charge = await charged(5_000);
    const before = stripeRefundRequests().length;
    expect(await refund(charge.id, `${charge.id}-big`, 5_001).catch(refusal)).toEqual({
      code: "CONFLICT",
      reason: "REFUND_EXCEEDS_CHARGE",
    });
    await refund(charge.id, `${charge.id}-a`, 3_000);
    expect(await refund(charge.id, `${charge.id}-b`, 2_001).catch(refusal)).toEqual({
      code: "CONFLICT",
      reason: "REFUND_EXCEEDS_CHARGE",
    });
    await refund(charge.id, `${charge.id}-c`, 2_000);
    expect(await refund(charge.id, `${charge.id}-d`).catch(refusal)).toEqual({
      code: "CONFLICT",
      reason: "REFUND_EXCEEDS_CHARGE",
    });
    expect(stripeRefundRequests().length - before).toBe(2);
    expect((await chargeRow(charge.id))?.refundedCents).toBe(5_000);
    expect(await refund(charge.id, `${charge.id}-zero`, 0).catch(refusal)).toMatchObject({
      code: "INVALID_MONEY",
    });
  });

  it("the same key for another amount is refused; a declined charge cannot be refunded", async () => {
    const charge = await charged();
    await refund(charge.id, `${charge.id}-k`, 1_000);
    expect(await refund(charge.id, `${charge.id}-k`, 2_000).catch(refusal)).toEqual({
      code: "CONFLICT",
      reason: "IDEMPOTENCY_KEY_REUSED",
    });
    const clientId = await clientWithCard(database, fake, p, now(), {
      expMonth: 1,
      expYear: 2099,
      declineCode: "insufficient_funds",
    });
    const { charge: declined } = await chargeCard(database, {
      practiceId: p.practiceId,
      clientId,
      amountCents: 1_000,
      idempotencyKey: `manual:declined-${backend}`,
      purpose: { kind: "manual", id: `declined-${backend}` },
      now: now(),
      stripe: STRIPE_OPTIONS,
    });
    expect(declined.status).toBe("declined");
    expect(await refund(declined.id, "declined-refund").catch(refusal)).toEqual({
      code: "CONFLICT",
      reason: "CHARGE_NOT_REFUNDABLE",
    });
  });

  it("another practice cannot refund this practice's charge", async () => {
    const charge = await charged();
    const other = await stripePractice(database, fake, now(), "Refund Other");
    const attempt = await refundCardCharge(database, {
      practiceId: other.practiceId,
      chargeId: charge.id,
      idempotencyKey: "cross-practice",
      now: now(),
      stripe: STRIPE_OPTIONS,
    }).catch(refusal);
    expect(attempt).toMatchObject({ code: "NOT_FOUND" });
    expect((await chargeRow(charge.id))?.refundedCents).toBe(0);
    expect(await resolveUnknownCharges(database, { practiceId: p.practiceId, now: now() })).toMatchObject({
      checked: 0,
    });
  });
});
