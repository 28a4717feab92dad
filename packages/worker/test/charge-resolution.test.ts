import {
  chargeCard,
  createInvoices,
  type EnginePorts,
  getAutomationConfig,
  resolveCardChargesJob,
  stripeChargeIdempotencyKey,
  updateAutomationConfig,
} from "@billcycle/app";
import { ManualClock } from "@billcycle/core";
import { newId, tables } from "@billcycle/db";
import { type StripeFake, startStripeFake } from "@billcycle/stripe-fake";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { createAppointment } from "@billcycle/testing/billing-fixture";
import { filePorts, local } from "@billcycle/testing/engine-harness";
import {
  clientWithCard,
  STRIPE_OPTIONS,
  stripePractice,
  useTestSecretKey,
} from "@billcycle/testing/stripe-practice";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tickScheduler } from "../src/clock/tick-scheduler";
import { drainJobs } from "../src/worker";

useTestSecretKey();
const ZONE = "America/Chicago";
const MINUTE = 60_000;

/**
 * The charge janitor as the worker runs it: the scheduler (tickScheduler, what startWorker calls every tick) gives
 * each practice with a charge whose outcome is unknown one resolve-card-charges job per 5 minutes, and the job asks
 * Stripe (the fake started here) what became of it. A timeout whose charge did succeed is settled without a second
 * PaymentIntent; a charge Stripe never made is failed, never sent again.
 */
describe.each(testBackends())("charge resolution on a schedule (%s)", (backend) => {
  let database: TestDatabase;
  let fake: StripeFake;
  let ports: EnginePorts;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    fake = await startStripeFake();
    ports = { ...filePorts(), autopay: { stripe: STRIPE_OPTIONS, concurrency: 2 } };
  });
  afterAll(async () => {
    await fake?.stop();
    await database?.dispose();
  });

  const chargeOf = async (id: string) =>
    (await database.db.select().from(tables.cardCharges).where(eq(tables.cardCharges.id, id)))[0]!;
  const creates = (practiceId: string, key: string) =>
    fake.requests.filter(
      (r) =>
        r.method === "POST" &&
        r.path === "/v1/payment_intents" &&
        r.idempotencyKey === stripeChargeIdempotencyKey(practiceId, key),
    ).length;
  const queuedResolutions = async (practiceId: string) =>
    (await database.db.select().from(tables.jobs).where(eq(tables.jobs.queue, resolveCardChargesJob.name)))
      .filter((j) => (j.payload as { practiceId: string }).practiceId === practiceId)
      .map((j) => j.status);
  const tickAndRun = async (clock: ManualClock) => {
    const ticked = await tickScheduler(database, clock.now());
    await drainJobs({ database, clock, ports });
    return ticked;
  };

  it("a timed-out charge that did succeed is settled by the scheduled janitor: one PaymentIntent, one payment", async () => {
    const clock = new ManualClock(local("2026-07-01T12:00", ZONE));
    const p = await stripePractice(database, fake, clock.now(), `Janitor ${backend} 1`);
    const clientId = await clientWithCard(database, fake, p, clock.now());
    // Nothing unknown yet: the scheduler adds no job.
    expect((await tickAndRun(clock)).chargeResolutions).toBe(0);

    fake.failNext({ kind: "timeout" });
    const key = `manual-${backend}-1`;
    const { charge } = await chargeCard(database, {
      practiceId: p.practiceId,
      clientId,
      amountCents: 9_000,
      idempotencyKey: key,
      purpose: { kind: "manual", id: key },
      now: clock.now(),
      stripe: STRIPE_OPTIONS,
    });
    expect(charge.status).toBe("unknown");
    // The fake did charge: its answer was lost.
    expect(fake.paymentIntentsCreatedWith(stripeChargeIdempotencyKey(p.practiceId, key))).toBe(1);
    const payments = () =>
      database.db.select().from(tables.payments).where(eq(tables.payments.clientId, clientId));
    expect(await payments()).toHaveLength(0);

    // The next tick (30 s later) schedules one job; a second worker's tick in the same 5 minutes adds none.
    clock.set(new Date(clock.now().getTime() + 30_000));
    expect((await tickScheduler(database, clock.now())).chargeResolutions).toBe(1);
    expect((await tickScheduler(database, clock.now())).chargeResolutions).toBe(0);
    await drainJobs({ database, clock, ports });

    expect(await chargeOf(charge.id)).toMatchObject({ status: "succeeded", amountCents: 9_000 });
    expect((await payments()).map((x) => [x.method, x.amountCents, x.cardChargeId])).toEqual([
      ["card", 9_000, charge.id],
    ]);
    expect(creates(p.practiceId, key)).toBe(1);
    expect(fake.paymentIntentsCreatedWith(stripeChargeIdempotencyKey(p.practiceId, key))).toBe(1);
    expect(await queuedResolutions(p.practiceId)).toEqual(["done"]);

    // Settled: later ticks schedule nothing for it, and a retry of the same key answers the settled charge.
    clock.set(new Date(clock.now().getTime() + 10 * MINUTE));
    expect((await tickAndRun(clock)).chargeResolutions).toBe(0);
    const again = await chargeCard(database, {
      practiceId: p.practiceId,
      clientId,
      amountCents: 9_000,
      idempotencyKey: key,
      purpose: { kind: "manual", id: key },
      now: clock.now(),
      stripe: STRIPE_OPTIONS,
    });
    expect(again).toMatchObject({ existing: true, charge: { status: "succeeded" } });
    expect(creates(p.practiceId, key)).toBe(1);
    expect(await payments()).toHaveLength(1);
  });

  it("a pending charge a crash left: not before 5 minutes, then asked; Stripe never made it, so it is failed, not sent", async () => {
    const clock = new ManualClock(local("2026-07-02T12:00", ZONE));
    const p = await stripePractice(database, fake, clock.now(), `Janitor ${backend} 2`);
    const clientId = await clientWithCard(database, fake, p, clock.now());
    const [customer] = await database.db
      .select()
      .from(tables.stripeCustomers)
      .where(eq(tables.stripeCustomers.clientId, clientId));
    const [card] = await database.db
      .select()
      .from(tables.clientCards)
      .where(and(eq(tables.clientCards.clientId, clientId), eq(tables.clientCards.isDefault, true)));
    // What chargeCard commits before it calls Stripe; the process died before the request left.
    const id = newId(clock.now().getTime());
    const key = `crashed-${backend}`;
    await database.db.insert(tables.cardCharges).values({
      id,
      practiceId: p.practiceId,
      clientId,
      amountCents: 4_000,
      idempotencyKey: key,
      purposeKind: "manual",
      purposeId: key,
      status: "pending",
      stripeCustomerId: customer!.stripeCustomerId,
      stripePaymentMethodId: card!.stripePaymentMethodId,
      cardBrand: card!.brand,
      cardLast4: card!.last4,
      createdAt: clock.now(),
      updatedAt: clock.now(),
    });

    // Younger than 5 minutes: it may still be waiting for Stripe's answer in a live process; left alone.
    clock.set(new Date(clock.now().getTime() + 4 * MINUTE));
    expect((await tickAndRun(clock)).chargeResolutions).toBe(0);
    expect((await chargeOf(id)).status).toBe("pending");

    // 5 minutes: asked. Stripe has no PaymentIntent for it yet, and it is too early to say none was made.
    clock.set(new Date(clock.now().getTime() + 1 * MINUTE));
    expect((await tickAndRun(clock)).chargeResolutions).toBe(1);
    expect(await chargeOf(id)).toMatchObject({ status: "unknown" });

    // Asked again in the next slot, 10 minutes after the attempt: nothing was charged, so it is failed.
    clock.set(new Date(clock.now().getTime() + 5 * MINUTE));
    expect((await tickAndRun(clock)).chargeResolutions).toBe(1);
    expect(await chargeOf(id)).toMatchObject({ status: "failed", failureCode: "no_payment_intent" });
    expect(creates(p.practiceId, key)).toBe(0);
    clock.set(new Date(clock.now().getTime() + 5 * MINUTE));
    expect((await tickAndRun(clock)).chargeResolutions).toBe(0);
  });

  it("an autopay charge that timed out is settled within minutes, not at the next night: the bill paid once", async () => {
    const clock = new ManualClock(local("2026-07-03T12:00", ZONE));
    const p = await stripePractice(database, fake, clock.now(), `Janitor ${backend} 3`);
    const { config, version } = await getAutomationConfig(database.db, p.practiceId);
    config.automations.autopay.enabled = true;
    await updateAutomationConfig(database, {
      actor: p.actor,
      next: config,
      expectedVersion: version,
      now: clock.now(),
    });
    const clientId = await clientWithCard(database, fake, p, clock.now());
    await database.db.update(tables.clients).set({ autopay: true }).where(eq(tables.clients.id, clientId));
    await createAppointment(database, p, clientId, clock.now(), {
      localStart: "2026-07-03T09:00",
      status: "kept",
    });
    await createInvoices(
      database,
      { practiceId: p.practiceId, trigger: "manual", runId: null, today: "2026-07-03" },
      clock.now(),
    );
    const [invoice] = await database.db
      .select()
      .from(tables.invoices)
      .where(eq(tables.invoices.clientId, clientId));

    fake.failNext({ kind: "timeout" });
    const attempts = () =>
      database.db
        .select()
        .from(tables.autopayAttempts)
        .where(eq(tables.autopayAttempts.invoiceId, invoice!.id));
    // The 00:30 run: the charge's answer is lost.
    clock.set(local("2026-07-04T00:31", ZONE));
    await tickAndRun(clock);
    expect((await attempts()).map((a) => a.status)).toEqual(["unknown"]);
    // The scheduler looked before the run charged; its next look (a new 5-minute slot) schedules the janitor:
    // by 00:36 the charge is settled, the attempt succeeded and the bill paid.
    clock.set(local("2026-07-04T00:36", ZONE));
    await tickAndRun(clock);
    const [attempt] = await attempts();
    expect(attempt).toMatchObject({ status: "succeeded" });
    expect(await chargeOf(attempt!.cardChargeId!)).toMatchObject({ status: "succeeded" });
    const [paid] = await database.db
      .select()
      .from(tables.invoices)
      .where(eq(tables.invoices.id, invoice!.id));
    expect(paid).toMatchObject({ paymentStatus: "paid", clientPaidCents: 17_500 });
    expect(creates(p.practiceId, `autopay:${attempt!.id}`)).toBe(1);

    // The next night: nothing charged again.
    clock.set(local("2026-07-05T01:00", ZONE));
    await tickAndRun(clock);
    expect(await attempts()).toHaveLength(1);
    expect(creates(p.practiceId, `autopay:${attempt!.id}`)).toBe(1);
    expect(
      await database.db.select().from(tables.payments).where(eq(tables.payments.clientId, clientId)),
    ).toHaveLength(1);
  });
});
