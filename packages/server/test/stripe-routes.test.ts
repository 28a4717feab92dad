import { type StripeFake, startStripeFake } from "@billcycle/stripe-fake";
import { testBackends } from "@billcycle/testing";
import { errorCode, type Harness, openHarness, type PracticeFixture } from "@billcycle/testing/api-harness";
import { TEST_KEYS, useTestSecretKey } from "@billcycle/testing/stripe-practice";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

useTestSecretKey();

/**
 * The payment routes end to end over the API, against the Stripe fake: save keys, save a card through a SetupIntent
 * (the fake stands in for Stripe's card element), make it default, charge it, refund it, remove it. The generic
 * route walkers skip these routes' success paths (they need a Stripe account), so this file covers them.
 */
describe.each(testBackends())("payment routes (%s)", (backend) => {
  let h: Harness;
  let fake: StripeFake;
  let p: PracticeFixture;
  let base: string;

  beforeAll(async () => {
    h = await openHarness(backend);
    fake = await startStripeFake();
    p = await h.newPractice("Payments");
    await h.seedRecords(p);
    base = `/api/v1/practices/${p.id}`;
  });
  afterAll(async () => {
    await fake?.stop();
    await h?.dispose();
  });

  const owner = () => p.users.owner.token;
  const clientPath = () => `${base}/clients/${p.records.clients?.id}`;

  it("keys: saved write-only, read back without the secrets, refused for a clinician", async () => {
    const byClinician = await h.call("PUT", `${base}/stripe-settings`, {
      token: p.users.clinician.token,
      body: { ...TEST_KEYS, apiBaseUrl: fake.url, version: 0 },
    });
    expect(errorCode(byClinician)).toBe("FORBIDDEN");
    const saved = await h.call("PUT", `${base}/stripe-settings`, {
      token: owner(),
      body: { ...TEST_KEYS, apiBaseUrl: fake.url, version: 0 },
    });
    expect(saved.status, saved.text).toBe(200);
    const read = await h.call("GET", `${base}/stripe-settings`, { token: p.users.read_only.token });
    expect(read.json).toMatchObject({
      configured: true,
      publishableKey: TEST_KEYS.publishableKey,
      version: 1,
    });
    expect(read.text).not.toContain(TEST_KEYS.secretKey);
    expect(read.text).not.toContain(TEST_KEYS.webhookSecret);
  });

  it("cards: setup, the card element, refresh, default, charge, list, refund, remove", async () => {
    const setup = await h.call("POST", `${clientPath()}/cards/setup`, { token: owner() });
    expect(setup.status, setup.text).toBe(200);
    expect(setup.json.publishableKey).toBe(TEST_KEYS.publishableKey);
    await fake.completeSetupIntent(String(setup.json.setupIntentId), {
      brand: "visa",
      expMonth: 3,
      expYear: 2030,
    });
    const second = await h.call("POST", `${clientPath()}/cards/setup`, { token: owner() });
    await fake.completeSetupIntent(String(second.json.setupIntentId), {
      brand: "amex",
      expMonth: 4,
      expYear: 2031,
    });
    const refreshed = await h.call("POST", `${clientPath()}/cards/refresh`, { token: owner() });
    expect(refreshed.status, refreshed.text).toBe(200);
    const cards = refreshed.json.cards as Array<{ id: string; brand: string; isDefault: boolean }>;
    expect(cards.map((c) => [c.brand, c.isDefault])).toEqual([
      ["visa", false],
      ["amex", true],
    ]);
    const visa = cards[0]?.id ?? "";
    const madeDefault = await h.call("PUT", `${clientPath()}/default-card`, {
      token: owner(),
      body: { cardId: visa },
    });
    expect(
      (madeDefault.json.cards as Array<{ brand: string; isDefault: boolean }>).map((c) => c.isDefault),
    ).toEqual([true, false]);

    const body = { amountCents: 8_000, idempotencyKey: `manual-${backend}-0001` };
    const charged = await h.call("POST", `${clientPath()}/card-charges`, { token: owner(), body });
    expect(charged.status, charged.text).toBe(200);
    expect(charged.json).toMatchObject({
      existing: false,
      charge: { status: "succeeded", cardLast4: "4242" },
    });
    const retried = await h.call("POST", `${clientPath()}/card-charges`, { token: owner(), body });
    expect(retried.json).toMatchObject({ existing: true });
    expect(fake.requests.filter((r) => r.path === "/v1/payment_intents" && r.method === "POST")).toHaveLength(
      1,
    );
    const chargeId = String((charged.json.charge as { id: string }).id);
    const listed = await h.call("GET", `${clientPath()}/card-charges`, { token: p.users.read_only.token });
    expect((listed.json.charges as Array<{ id: string }>).map((c) => c.id)).toEqual([chargeId]);

    const refundBody = {
      amountCents: 3_000,
      idempotencyKey: `refund-${backend}-0001`,
      reason: "Overcharged",
    };
    const refunded = await h.call("POST", `${base}/card-charges/${chargeId}/refunds`, {
      token: owner(),
      body: refundBody,
    });
    expect(refunded.json).toMatchObject({ status: "succeeded", amountCents: 3_000 });
    const tooMuch = await h.call("POST", `${base}/card-charges/${chargeId}/refunds`, {
      token: owner(),
      body: { amountCents: 5_001, idempotencyKey: `refund-${backend}-0002` },
    });
    expect([tooMuch.status, errorCode(tooMuch), tooMuch.json.error]).toEqual([
      409,
      "CONFLICT",
      expect.objectContaining({ reason: "REFUND_EXCEEDS_CHARGE", remainingCents: 5_000 }),
    ]);

    const removed = await h.call("DELETE", `${clientPath()}/cards/${visa}`, { token: owner() });
    expect((removed.json.cards as Array<{ brand: string }>).map((c) => c.brand)).toEqual(["amex"]);
    const detached = fake.requests.filter((r) => r.path.endsWith("/detach"));
    expect(detached).toHaveLength(1);
    const noDefault = await h.call("POST", `${clientPath()}/card-charges`, {
      token: owner(),
      body: { amountCents: 100, idempotencyKey: `manual-${backend}-0002` },
    });
    expect([noDefault.status, noDefault.json.error]).toEqual([
      409,
      expect.objectContaining({ reason: "NO_DEFAULT_CARD" }),
    ]);
  });

  it("a biller of another practice reaches none of it", async () => {
    const other = await h.newPractice("Payments elsewhere");
    const res = await h.call("GET", `${clientPath()}/cards`, { token: other.users.owner.token });
    expect([res.status, errorCode(res)]).toEqual([404, "NOT_FOUND"]);
  });
});
