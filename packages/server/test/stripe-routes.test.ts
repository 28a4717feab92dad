import { createInvoices } from "@billcycle/app";
import { rowsOf, tables } from "@billcycle/db";
import { type StripeFake, startStripeFake } from "@billcycle/stripe-fake";
import { testBackends } from "@billcycle/testing";
import { errorCode, type Harness, openHarness, type PracticeFixture } from "@billcycle/testing/api-harness";
import { createAppointment, createClient } from "@billcycle/testing/billing-fixture";
import { TEST_KEYS, useTestSecretKey } from "@billcycle/testing/stripe-practice";
import { and, eq, sql } from "drizzle-orm";
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

  it("a card payment pays the invoices chosen for it; a bad choice is refused before Stripe is asked", async () => {
    const now = h.clock.now();
    const fixture = {
      practiceId: p.id,
      actor: { userId: null, practiceId: p.id, role: "owner" as const, label: "test" },
      zone: "America/Chicago",
      providerId: p.records.providers!.id,
      locationId: p.records.locations!.id,
      services: {
        therapy: p.records.services!.id,
        intake: p.records.services!.id,
        nonBillable: p.records.services!.id,
      },
      payerId: p.records.payers!.id,
    };
    const clientId = await createClient(h.database, fixture, now, { paysBy: "self_pay" });
    const otherClientId = await createClient(h.database, fixture, now, { paysBy: "self_pay" });
    const invoiceOn = async (date: string, forClient = clientId) => {
      const appointmentId = await createAppointment(h.database, fixture, forClient, now, {
        localStart: `${date}T09:00`,
        status: "kept",
      });
      await createInvoices(
        h.database,
        { practiceId: p.id, trigger: "manual", runId: null, today: date, appointmentIds: [appointmentId] },
        now,
      );
      const [row] = await h.database.db
        .select({
          id: tables.invoices.id,
          cents: tables.invoices.clientCents,
          status: tables.invoices.status,
        })
        .from(tables.invoices)
        .where(and(eq(tables.invoices.clientId, forClient), eq(tables.invoices.invoiceDate, date)));
      expect(row?.status).toBe("open");
      return { id: row!.id, cents: row!.cents };
    };
    const older = await invoiceOn("2026-02-09");
    const newer = await invoiceOn("2026-02-16");
    const path = `${base}/clients/${clientId}`;
    const setup = await h.call("POST", `${path}/cards/setup`, { token: owner() });
    await fake.completeSetupIntent(String(setup.json.setupIntentId), { expMonth: 5, expYear: 2032 });
    await h.call("POST", `${path}/cards/refresh`, { token: owner() });

    const intents = () =>
      fake.requests.filter((r) => r.path === "/v1/payment_intents" && r.method === "POST");
    const count = async (table: "card_charges" | "refunds") =>
      rowsOf<{ n: number }>(
        await h.database.db.execute(sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`),
      )[0]?.n;
    const charges = () => count("card_charges");
    const before = { intents: intents().length, charges: await charges() };
    const charge = (key: string, amountCents: number, invoices: Array<Record<string, unknown>>) =>
      h.call("POST", `${path}/card-charges`, {
        token: owner(),
        body: { amountCents, idempotencyKey: `${key}-${backend}`, apply: { kind: "chosen", invoices } },
      });
    const othersInvoice = await invoiceOn("2026-02-10", otherClientId);
    const foreign = await charge("chosen-foreign", 1_000, [{ invoiceId: othersInvoice.id }]);
    expect([foreign.status, errorCode(foreign)]).toEqual([404, "NOT_FOUND"]);
    const over = await charge("chosen-over", newer.cents + 1, [
      { invoiceId: newer.id, amountCents: newer.cents + 1 },
    ]);
    expect([over.status, errorCode(over)]).toEqual([422, "EXCEEDS_OPEN_AMOUNT"]);
    const beyondCharge = await charge("chosen-beyond", 100, [{ invoiceId: newer.id, amountCents: 200 }]);
    expect([beyondCharge.status, errorCode(beyondCharge)]).toEqual([400, "INVALID_AMOUNT"]);
    expect({ intents: intents().length, charges: await charges() }).toEqual(before);

    // The newer invoice in full, though the older is open: oldest first would have paid the older one.
    const paid = await charge("chosen-newer", newer.cents + 500, [{ invoiceId: newer.id }]);
    expect(paid.status, paid.text).toBe(200);
    expect(paid.json.charge).toMatchObject({ status: "succeeded", applyTo: [{ invoiceId: newer.id }] });
    const open = async () => {
      const balance = await h.call("GET", `${path}/balance`, { token: owner() });
      return Object.fromEntries(
        (balance.json.openInvoices as Array<{ invoiceId: string; openCents: number }>).map((i) => [
          i.invoiceId,
          i.openCents,
        ]),
      );
    };
    expect(await open()).toEqual({ [older.id]: older.cents });
    const closed = await charge("chosen-closed", 1_000, [{ invoiceId: newer.id }]);
    expect([closed.status, errorCode(closed)]).toEqual([422, "EXCEEDS_OPEN_AMOUNT"]);

    // Its ledger payment is refunded only through Stripe: the ledger's own refund refuses it, writing nothing.
    const payments = await h.call("GET", `${path}/payments`, { token: owner() });
    const payment = (payments.json.data as Array<{ id: string; cardChargeId: string | null }>)[0]!;
    expect(payment.cardChargeId).toBe(String((paid.json.charge as { id: string }).id));
    const refundsBefore = await count("refunds");
    const byHand = await h.call("POST", `${path}/payments/${payment.id}/refunds`, {
      token: owner(),
      body: { amountCents: 500, reason: "by hand" },
    });
    expect([byHand.status, errorCode(byHand)]).toEqual([409, "CARD_REFUND_REQUIRED"]);
    expect(await count("refunds")).toBe(refundsBefore);
    const toCard = await h.call("POST", `${base}/card-charges/${payment.cardChargeId}/refunds`, {
      token: owner(),
      body: { amountCents: 500, idempotencyKey: `chosen-refund-${backend}`, reason: "credit back" },
    });
    expect(toCard.json).toMatchObject({ status: "succeeded", amountCents: 500 });
    const after = await h.call("GET", `${path}/payments`, { token: owner() });
    expect((after.json.data as Array<{ id: string; refundedCents: number }>)[0]).toMatchObject({
      id: payment.id,
      refundedCents: 500,
    });
  });

  it("a biller of another practice reaches none of it", async () => {
    const other = await h.newPractice("Payments elsewhere");
    const res = await h.call("GET", `${clientPath()}/cards`, { token: other.users.owner.token });
    expect([res.status, errorCode(res)]).toEqual([404, "NOT_FOUND"]);
  });
});
