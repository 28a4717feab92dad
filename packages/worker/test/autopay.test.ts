import {
  chargeCard,
  createInvoices,
  type EnginePorts,
  explainAutopay,
  getAutomationConfig,
  previewAutomation,
  recordClientPayment,
  resolveUnknownCharges,
  settleRefund,
  settleSucceededCharge,
  stripeChargeIdempotencyKey,
  updateAutomationConfig,
} from "@billcycle/app";
import { ManualClock } from "@billcycle/core";
import { newId, rowsOf, tables } from "@billcycle/db";
import { type StripeFake, startStripeFake } from "@billcycle/stripe-fake";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { createAppointment, createClient, type PracticeFixture } from "@billcycle/testing/billing-fixture";
import { filePorts, local } from "@billcycle/testing/engine-harness";
import {
  addCard,
  clientWithCard,
  STRIPE_OPTIONS,
  stripePractice,
  useTestSecretKey,
} from "@billcycle/testing/stripe-practice";
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tickClock } from "../src/clock/tick-clock";
import { drainJobs } from "../src/worker";

useTestSecretKey();
const ZONE = "America/Chicago";

/**
 * Autopay through the engine (ManualClock, the worker's clock and job loop) against the Stripe fake started here:
 * the 00:30 run charges each open client-responsibility bill once, records declines with Stripe's words, tries
 * again the next night up to the practice's attempts, and never charges twice (one PaymentIntent per key).
 */
describe.each(testBackends())("autopay (%s)", (backend) => {
  let database: TestDatabase;
  let fake: StripeFake;
  let ports: EnginePorts;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    fake = await startStripeFake();
    ports = { ...filePorts(), autopay: { stripe: STRIPE_OPTIONS, concurrency: 4 } };
  });
  afterAll(async () => {
    await fake?.stop();
    await database?.dispose();
  });

  /** A practice with the Autopay automation on (its one switch), its clock at `start`. */
  const practice = async (start: string, settings: Record<string, unknown> = {}) => {
    const clock = new ManualClock(local(start, ZONE));
    const p = await stripePractice(database, fake, clock.now(), `Autopay ${backend} ${start}`);
    await database.db.execute(sql`UPDATE practices SET billing_settings = billing_settings ||
      ${JSON.stringify(settings)}::jsonb WHERE id = ${p.practiceId}::uuid`);
    const { config } = await import("@billcycle/app").then((m) =>
      m.getAutomationConfig(database.db, p.practiceId),
    );
    config.automations.autopay.enabled = true;
    await updateAutomationConfig(database, {
      actor: p.actor,
      next: config,
      expectedVersion: 0,
      now: clock.now(),
    });
    return { p, clock };
  };
  /** A self-pay client with autopay on, a card, and one $175 bill dated `date`. */
  const client = async (
    p: PracticeFixture,
    clock: ManualClock,
    date: string,
    o: { card?: Parameters<typeof clientWithCard>[4] | null; autopay?: boolean } = {},
  ) => {
    const clientId =
      o.card === null
        ? await createClient(database, p, clock.now(), { paysBy: "self_pay" })
        : await clientWithCard(database, fake, p, clock.now(), o.card);
    await database.db
      .update(tables.clients)
      .set({ autopay: o.autopay ?? true })
      .where(eq(tables.clients.id, clientId));
    await createAppointment(database, p, clientId, clock.now(), {
      localStart: `${date}T09:00`,
      status: "kept",
    });
    await createInvoices(
      database,
      { practiceId: p.practiceId, trigger: "manual", runId: null, today: date },
      clock.now(),
    );
    const [invoice] = await database.db
      .select()
      .from(tables.invoices)
      .where(eq(tables.invoices.clientId, clientId));
    return { clientId, invoiceId: invoice!.id };
  };
  /** Runs the night of `date` from 00:00 to 01:00 practice time, 15 minutes at a time. */
  const night = async (clock: ManualClock, date: string) => {
    clock.set(local(`${date}T00:00`, ZONE));
    for (let m = 0; m < 4; m++) {
      clock.set(new Date(clock.now().getTime() + 15 * 60_000));
      await tickClock(database, clock.now());
      await drainJobs({ database, clock, ports });
    }
  };
  const runOf = async (practiceId: string, date: string) =>
    (
      await database.db
        .select()
        .from(tables.automationRuns)
        .where(
          and(
            eq(tables.automationRuns.practiceId, practiceId),
            eq(tables.automationRuns.automation, "autopay"),
            eq(tables.automationRuns.localDate, date),
          ),
        )
    )[0];
  const attemptsOf = (invoiceId: string) =>
    database.db
      .select()
      .from(tables.autopayAttempts)
      .where(eq(tables.autopayAttempts.invoiceId, invoiceId))
      .orderBy(asc(tables.autopayAttempts.localDate));
  const paymentsOf = (clientId: string) =>
    database.db.select().from(tables.payments).where(eq(tables.payments.clientId, clientId));
  const invoiceOf = async (id: string) =>
    (await database.db.select().from(tables.invoices).where(eq(tables.invoices.id, id)))[0]!;
  const why = (
    p: PracticeFixture,
    clock: ManualClock,
    target: { clientId: string } | { invoiceId: string },
  ) => explainAutopay(database, { actor: p.actor, target, now: clock.now() });
  const paymentIntentsFor = (practiceId: string, attemptId: string) =>
    fake.paymentIntentsCreatedWith(stripeChargeIdempotencyKey(practiceId, `autopay:${attemptId}`));

  it("charges an open bill at 00:30: one PaymentIntent, a card payment in the ledger, the bill paid", async () => {
    const { p, clock } = await practice("2026-03-09T12:00");
    const { clientId, invoiceId } = await client(p, clock, "2026-03-09");
    await night(clock, "2026-03-10");
    const run = await runOf(p.practiceId, "2026-03-10");
    expect(run).toMatchObject({ status: "done", late: false });
    expect(run!.scheduledAt.toISOString()).toBe(local("2026-03-10T00:30", ZONE).toISOString());
    expect(run!.counts).toMatchObject({ considered: 1, charged: 1, declined: 0, skipped: 0 });
    const [attempt] = await attemptsOf(invoiceId);
    expect(attempt).toMatchObject({ status: "succeeded", attemptNumber: 1, amountCents: 17_500 });
    expect(paymentIntentsFor(p.practiceId, attempt!.id)).toBe(1);
    const payments = await paymentsOf(clientId);
    expect(payments.map((x) => [x.method, x.amountCents, x.cardChargeId])).toEqual([
      ["card", 17_500, attempt!.cardChargeId],
    ]);
    expect(await invoiceOf(invoiceId)).toMatchObject({ paymentStatus: "paid", clientPaidCents: 17_500 });

    // The webhook (or any second path) settling the same charge changes nothing.
    const [charge] = await database.db
      .select()
      .from(tables.cardCharges)
      .where(eq(tables.cardCharges.id, attempt!.cardChargeId!));
    const again = await database.db.transaction((tx) =>
      settleSucceededCharge(tx, {
        practiceId: p.practiceId,
        id: charge!.id,
        stripePaymentIntentId: charge!.stripePaymentIntentId!,
        stripeChargeId: charge!.stripeChargeId,
        settledAt: clock.now(),
      }),
    );
    expect(again.settled).toBe(false);
    expect(await paymentsOf(clientId)).toHaveLength(1);

    // A card refund Stripe confirmed reverses that payment in the ledger once (the webhook may say it twice).
    const refundId = newId();
    await database.db.insert(tables.cardRefunds).values({
      id: refundId,
      practiceId: p.practiceId,
      chargeId: charge!.id,
      amountCents: 5_000,
      idempotencyKey: `refund-${backend}`,
      status: "pending",
      reason: "Session shortened",
      createdAt: clock.now(),
      updatedAt: clock.now(),
    });
    for (const expected of [true, false]) {
      const settled = await database.db.transaction((tx) =>
        settleRefund(tx, {
          practiceId: p.practiceId,
          id: refundId,
          stripeRefundId: `re_test_${backend}`,
          settledAt: clock.now(),
        }),
      );
      expect(settled.settled).toBe(expected);
    }
    const refunds = await database.db
      .select()
      .from(tables.refunds)
      .where(eq(tables.refunds.clientId, clientId));
    expect(refunds.map((r) => [r.amountCents, r.paymentId, r.reason])).toEqual([
      [5_000, payments[0]!.id, "Session shortened"],
    ]);
    expect(await invoiceOf(invoiceId)).toMatchObject({
      paymentStatus: "partially_paid",
      clientPaidCents: 12_500,
    });

    const charged = await why(p, clock, { invoiceId });
    expect(charged.invoices.map((i) => [i.code, i.reason, i.next, i.attempts.map((a) => a.outcome)])).toEqual(
      [
        [
          "ALREADY_CHARGED",
          "autopay already charged this bill",
          "nothing more to charge on this bill",
          ["succeeded"],
        ],
      ],
    );

    // The refund opened the bill again, but autopay already charged it: it is not charged a second time.
    await night(clock, "2026-03-11");
    expect((await runOf(p.practiceId, "2026-03-11"))!.counts).toMatchObject({
      considered: 1,
      charged: 0,
      skipped_already_charged: 1,
    });
    expect(await attemptsOf(invoiceId)).toHaveLength(1);
  });

  it("a decline is recorded with Stripe's reason, the bill stays open, and the next night's charge succeeds", async () => {
    const { p, clock } = await practice("2026-04-01T12:00");
    const { clientId, invoiceId } = await client(p, clock, "2026-04-01");
    fake.failNext({
      kind: "decline",
      declineCode: "insufficient_funds",
      message: "Your card has insufficient funds.",
    });
    await night(clock, "2026-04-02");
    expect((await runOf(p.practiceId, "2026-04-02"))!.counts).toMatchObject({
      considered: 1,
      declined: 1,
      charged: 0,
    });
    const [declined] = await attemptsOf(invoiceId);
    expect(declined).toMatchObject({
      status: "declined",
      declineCode: "insufficient_funds",
      declineMessage: "Your card has insufficient funds.",
    });
    expect(await invoiceOf(invoiceId)).toMatchObject({ paymentStatus: "unpaid", clientPaidCents: 0 });
    expect(await paymentsOf(clientId)).toHaveLength(0);
    const afterDecline = await why(p, clock, { clientId });
    expect(afterDecline.invoices).toEqual([
      expect.objectContaining({
        invoiceId,
        code: "DECLINED",
        reason: "declined on 2026-04-02: Your card has insufficient funds.",
        next: "autopay will try again tonight at 00:30 (attempt 2 of 3)",
        attempts: [
          {
            localDate: "2026-04-02",
            attemptNumber: 1,
            amountCents: 17_500,
            outcome: "declined",
            declineMessage: "Your card has insufficient funds.",
          },
        ],
      }),
    ]);

    await night(clock, "2026-04-03");
    expect((await runOf(p.practiceId, "2026-04-03"))!.counts).toMatchObject({ considered: 1, charged: 1 });
    const attempts = await attemptsOf(invoiceId);
    expect(attempts.map((a) => [a.localDate, a.attemptNumber, a.status])).toEqual([
      ["2026-04-02", 1, "declined"],
      ["2026-04-03", 2, "succeeded"],
    ]);
    expect(await invoiceOf(invoiceId)).toMatchObject({ paymentStatus: "paid" });
    expect(await paymentsOf(clientId)).toHaveLength(1);
  });

  it("stops after the practice's attempts (3 by default) are used up", async () => {
    const { p, clock } = await practice("2026-05-01T12:00");
    const { invoiceId } = await client(p, clock, "2026-05-01", {
      card: { brand: "visa", expMonth: 12, expYear: 2099, declineCode: "card_declined" },
    });
    for (const d of ["2026-05-02", "2026-05-03", "2026-05-04"]) await night(clock, d);
    await night(clock, "2026-05-05");
    const attempts = await attemptsOf(invoiceId);
    expect(attempts.map((a) => a.status)).toEqual(["declined", "declined", "declined"]);
    const run = await runOf(p.practiceId, "2026-05-05");
    expect(run!.counts).toMatchObject({
      considered: 1,
      charged: 0,
      declined: 0,
      skipped_attempts_used_up: 1,
    });
    expect(await invoiceOf(invoiceId)).toMatchObject({ paymentStatus: "unpaid" });
    const [usedUp] = (await why(p, clock, { invoiceId })).invoices;
    expect(usedUp).toMatchObject({
      code: "ATTEMPTS_USED_UP",
      next: "attempts used up (3 of 3): autopay will not try this bill again",
    });
    expect(usedUp!.attempts).toHaveLength(3);
  });

  it("skips, with the reason, an expired card, no default card, and autopay off for the client", async () => {
    const { p, clock } = await practice("2026-06-01T12:00");
    const expired = await client(p, clock, "2026-06-01", {
      card: { brand: "visa", expMonth: 5, expYear: 2026 },
    });
    const noCard = await client(p, clock, "2026-06-01", { card: null });
    const off = await client(p, clock, "2026-06-01", { autopay: false });
    await night(clock, "2026-06-02");
    const run = await runOf(p.practiceId, "2026-06-02");
    expect(run!.counts).toMatchObject({
      considered: 3,
      charged: 0,
      skipped: 3,
      skipped_card_expired: 1,
      skipped_no_default_card: 1,
      skipped_autopay_off_client: 1,
    });
    for (const c of [expired, noCard, off]) expect(await attemptsOf(c.invoiceId)).toHaveLength(0);
    // The preview of the next night decides the same way, writing nothing.
    const preview = await previewAutomation(database, { actor: p.actor, kind: "autopay", now: clock.now() });
    expect(preview).toMatchObject({
      localDate: "2026-06-03",
      wouldDo: 0,
      byReason: { CARD_EXPIRED: 1, NO_DEFAULT_CARD: 1, AUTOPAY_OFF_CLIENT: 1 },
    });
    const outcomes = await database.db
      .select({ subjectId: tables.automationOutcomes.subjectId, message: tables.automationOutcomes.message })
      .from(tables.automationOutcomes)
      .where(eq(tables.automationOutcomes.runId, run!.id));
    expect(outcomes.find((o) => o.subjectId === expired.invoiceId)?.message).toBe(
      "the default card (visa ending 4242) expired 05/2026",
    );
    const codes = async (clientId: string) => (await why(p, clock, { clientId })).invoices.map((i) => i.code);
    expect(await codes(expired.clientId)).toEqual(["CARD_EXPIRED"]);
    expect(await codes(noCard.clientId)).toEqual(["NO_DEFAULT_CARD"]);
    expect(await codes(off.clientId)).toEqual(["AUTOPAY_OFF_CLIENT"]);
    expect((await why(p, clock, { clientId: expired.clientId })).card).toMatchObject({ expired: true });

    // Nothing due: paid by hand before the night; autopay does not consider it and says why.
    const paid = await client(p, clock, "2026-06-01");
    await recordClientPayment(database, {
      actor: p.actor,
      clientId: paid.clientId,
      method: "cash",
      amountCents: 17_500,
      idempotencyKey: `cash-${backend}`,
      now: clock.now(),
    });
    await night(clock, "2026-06-03");
    expect(await attemptsOf(paid.invoiceId)).toHaveLength(0);
    expect((await why(p, clock, { invoiceId: paid.invoiceId })).invoices.map((i) => i.code)).toEqual([
      "NOTHING_DUE",
    ]);
  });

  it("autopay off for the practice (its Autopay automation switched off) charges nothing and says why", async () => {
    const { p, clock } = await practice("2026-06-10T12:00");
    const c = await client(p, clock, "2026-06-10");
    const { config, version } = await getAutomationConfig(database.db, p.practiceId);
    config.automations.autopay.enabled = false;
    await updateAutomationConfig(database, {
      actor: p.actor,
      next: config,
      expectedVersion: version,
      now: clock.now(),
    });
    await night(clock, "2026-06-11");
    expect(await runOf(p.practiceId, "2026-06-11")).toBeUndefined();
    expect(await attemptsOf(c.invoiceId)).toHaveLength(0);
    expect((await why(p, clock, { invoiceId: c.invoiceId })).invoices[0]).toMatchObject({
      code: "AUTOPAY_OFF_PRACTICE",
      reason: "autopay is off for the practice",
    });
  });

  it("a timeout whose charge did succeed is resolved by asking Stripe: one PaymentIntent, one payment", async () => {
    const { p, clock } = await practice("2026-07-01T12:00");
    const { clientId, invoiceId } = await client(p, clock, "2026-07-01");
    fake.failNext({ kind: "timeout" });
    await night(clock, "2026-07-02");
    expect((await runOf(p.practiceId, "2026-07-02"))!.counts).toMatchObject({ considered: 1, unknown: 1 });
    const [unknown] = await attemptsOf(invoiceId);
    expect(unknown!.status).toBe("unknown");
    expect(await paymentsOf(clientId)).toHaveLength(0);

    await night(clock, "2026-07-03");
    const attempts = await attemptsOf(invoiceId);
    expect(attempts.map((a) => [a.localDate, a.status])).toEqual([["2026-07-02", "succeeded"]]);
    expect(paymentIntentsFor(p.practiceId, attempts[0]!.id)).toBe(1);
    const creates = fake.requests.filter(
      (r) =>
        r.method === "POST" &&
        r.path === "/v1/payment_intents" &&
        r.idempotencyKey === stripeChargeIdempotencyKey(p.practiceId, `autopay:${attempts[0]!.id}`),
    );
    expect(creates).toHaveLength(1);
    expect(await paymentsOf(clientId)).toHaveLength(1);
    expect(await invoiceOf(invoiceId)).toMatchObject({ paymentStatus: "paid" });
  });

  it("a card charge for a chosen bill settled late: a bill paid meanwhile is skipped, the money is credit", async () => {
    const { p, clock } = await practice("2026-07-10T12:00");
    const { clientId, invoiceId: older } = await client(p, clock, "2026-07-08", { autopay: false });
    await createAppointment(database, p, clientId, clock.now(), {
      localStart: "2026-07-09T09:00",
      status: "kept",
    });
    await createInvoices(
      database,
      { practiceId: p.practiceId, trigger: "manual", runId: null, today: "2026-07-09" },
      clock.now(),
    );
    const [newer] = await database.db
      .select()
      .from(tables.invoices)
      .where(and(eq(tables.invoices.clientId, clientId), eq(tables.invoices.invoiceDate, "2026-07-09")));
    // The answer is lost: the charge is unknown, Stripe did charge the card.
    fake.failNext({ kind: "timeout" });
    const { charge } = await chargeCard(database, {
      practiceId: p.practiceId,
      clientId,
      amountCents: 17_500,
      idempotencyKey: "manual:chosen-late",
      purpose: { kind: "manual", id: "chosen-late" },
      // An amount named: applied as asked it would now exceed what is open (nothing), which must not throw.
      apply: { kind: "chosen", invoices: [{ invoiceId: newer!.id, amountCents: 17_500 }] },
      now: clock.now(),
      stripe: STRIPE_OPTIONS,
    });
    expect(charge).toMatchObject({
      status: "unknown",
      applyTo: [{ invoiceId: newer!.id, amountCents: 17_500 }],
    });
    await recordClientPayment(database, {
      actor: p.actor,
      clientId,
      method: "cash",
      amountCents: 17_500,
      apply: { kind: "chosen", invoices: [{ invoiceId: newer!.id }] },
      idempotencyKey: "cash-meanwhile",
      now: clock.now(),
    });
    await resolveUnknownCharges(database, {
      practiceId: p.practiceId,
      now: clock.now(),
      stripe: STRIPE_OPTIONS,
    });
    expect(
      await database.db.select().from(tables.cardCharges).where(eq(tables.cardCharges.id, charge.id)),
    ).toMatchObject([{ status: "succeeded" }]);
    const card = (await paymentsOf(clientId)).find((x) => x.method === "card");
    expect(card?.cardChargeId).toBe(charge.id);
    const allocations = await database.db
      .select()
      .from(tables.paymentAllocations)
      .where(eq(tables.paymentAllocations.paymentId, card!.id));
    expect(allocations).toEqual([]);
    expect(await invoiceOf(newer!.id)).toMatchObject({ clientPaidCents: 17_500, paymentStatus: "paid" });
    // Not oldest first either: the older bill is as it was, the card's money waits as credit on account.
    expect(await invoiceOf(older)).toMatchObject({ clientPaidCents: 0, paymentStatus: "unpaid" });
  });

  it("one chunk with a success, a decline and a timeout whose charge succeeded settles each in one transaction", async () => {
    const { p, clock } = await practice("2026-09-01T12:00");
    // Three clients without a card yet; their roles follow id order, the order one lane sends them in.
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await client(p, clock, "2026-09-01", { card: null }));
    const [timedOut, paid, declined] = made.sort((a, b) => (a.clientId < b.clientId ? -1 : 1));
    await addCard(database, fake, p, timedOut!.clientId, clock.now(), { expMonth: 12, expYear: 2099 });
    await addCard(database, fake, p, paid!.clientId, clock.now(), { expMonth: 12, expYear: 2099 });
    await addCard(database, fake, p, declined!.clientId, clock.now(), {
      expMonth: 12,
      expYear: 2099,
      declineCode: "insufficient_funds",
    });
    // The first PaymentIntent (the first client's) is made and charged, but its answer never comes.
    fake.failNext({ kind: "timeout" });
    const before = ports;
    ports = { ...ports, autopay: { ...ports.autopay, concurrency: 1, chunkSize: 100 } };
    try {
      await night(clock, "2026-09-02");
    } finally {
      ports = before;
    }
    expect((await runOf(p.practiceId, "2026-09-02"))!.counts).toMatchObject({
      considered: 3,
      charged: 1,
      declined: 1,
      unknown: 1,
    });
    const [a] = await attemptsOf(timedOut!.invoiceId);
    const [b] = await attemptsOf(paid!.invoiceId);
    const [c] = await attemptsOf(declined!.invoiceId);
    expect(a).toMatchObject({ status: "unknown" });
    expect(b).toMatchObject({ status: "succeeded" });
    expect(c).toMatchObject({
      status: "declined",
      declineCode: "insufficient_funds",
      declineMessage: "Your card has insufficient funds.",
    });
    const chargeIds = [a!.cardChargeId!, b!.cardChargeId!, c!.cardChargeId!];
    const charges = await database.db
      .select()
      .from(tables.cardCharges)
      .where(sql`${tables.cardCharges.id} = ANY(${`{${chargeIds.join(",")}}`}::uuid[])`);
    expect(Object.fromEntries(charges.map((x) => [x.id, x.status]))).toEqual({
      [a!.cardChargeId!]: "unknown",
      [b!.cardChargeId!]: "succeeded",
      [c!.cardChargeId!]: "declined",
    });
    // One pass: the three charges, their attempts and the one payment were written by the same transaction.
    const writers = await database.db.execute(sql`SELECT xmin::text AS x FROM card_charges
        WHERE id = ANY(${`{${chargeIds.join(",")}}`}::uuid[])
      UNION SELECT xmin::text FROM autopay_attempts WHERE card_charge_id::text = ANY(${`{${chargeIds.join(",")}}`}::text[])
      UNION SELECT xmin::text FROM payments WHERE card_charge_id::text = ANY(${`{${chargeIds.join(",")}}`}::text[])`);
    expect(rowsOf(writers)).toHaveLength(1);
    expect(await paymentsOf(paid!.clientId)).toHaveLength(1);
    expect(await paymentsOf(timedOut!.clientId)).toHaveLength(0);
    expect(await paymentsOf(declined!.clientId)).toHaveLength(0);
    expect(await invoiceOf(paid!.invoiceId)).toMatchObject({
      paymentStatus: "paid",
      clientPaidCents: 17_500,
    });
    expect(await invoiceOf(declined!.invoiceId)).toMatchObject({
      paymentStatus: "unpaid",
      clientPaidCents: 0,
    });

    // The next night asks Stripe about the timed-out charge: it did succeed, so it is settled, never sent again.
    await night(clock, "2026-09-03");
    expect((await attemptsOf(timedOut!.invoiceId)).map((x) => [x.localDate, x.status])).toEqual([
      ["2026-09-02", "succeeded"],
    ]);
    expect(paymentIntentsFor(p.practiceId, a!.id)).toBe(1);
    expect(paymentIntentsFor(p.practiceId, b!.id)).toBe(1);
    expect(await paymentsOf(timedOut!.clientId)).toHaveLength(1);
    expect(await paymentsOf(paid!.clientId)).toHaveLength(1);
    expect(await invoiceOf(timedOut!.invoiceId)).toMatchObject({ paymentStatus: "paid" });
    // The declined bill is tried again the next night (attempt 2), with its own key.
    expect((await attemptsOf(declined!.invoiceId)).map((x) => x.attemptNumber)).toEqual([1, 2]);
  });

  it("several lanes over small chunks: every answer is settled, none left pending (an answer that came in while its chunk was being settled went into the settled chunk)", async () => {
    const { p, clock } = await practice("2026-09-01T12:00");
    const made = [];
    for (let i = 0; i < 9; i++) made.push(await client(p, clock, "2026-09-01"));
    const before = ports;
    ports = { ...ports, autopay: { ...ports.autopay, concurrency: 4, chunkSize: 2 } };
    try {
      await night(clock, "2026-09-02");
    } finally {
      ports = before;
    }
    expect((await runOf(p.practiceId, "2026-09-02"))!.counts).toMatchObject({ considered: 9, charged: 9 });
    for (const m of made) {
      const [attempt] = await attemptsOf(m.invoiceId);
      expect(attempt).toMatchObject({ status: "succeeded" });
      expect(await invoiceOf(m.invoiceId)).toMatchObject({ paymentStatus: "paid", clientPaidCents: 17_500 });
    }
    const pending = await database.db.execute(
      sql`SELECT count(*)::int AS n FROM card_charges WHERE practice_id = ${p.practiceId}::uuid AND status <> 'succeeded'`,
    );
    expect(rowsOf<{ n: number }>(pending)[0]!.n).toBe(0);
  });

  it("a manual re-run the same night tries nothing again", async () => {
    const { p, clock } = await practice("2026-08-01T12:00");
    const { invoiceId } = await client(p, clock, "2026-08-01", {
      card: { brand: "visa", expMonth: 12, expYear: 2099, declineCode: "do_not_honor" },
    });
    await night(clock, "2026-08-02");
    const { runAutopay } = await import("@billcycle/app");
    await runAutopay(
      database,
      { practiceId: p.practiceId, runId: null, trigger: "manual", today: "2026-08-02" },
      clock.now(),
      ports.autopay,
    );
    expect((await attemptsOf(invoiceId)).map((a) => a.status)).toEqual(["declined"]);
  });

  it("one run a night at 00:30 local across the fall-back change; missed nights run once each, marked late", async () => {
    const { p, clock } = await practice("2026-10-30T12:00", { autopayMaxAttempts: 5 });
    const { invoiceId } = await client(p, clock, "2026-10-30", {
      card: { brand: "visa", expMonth: 12, expYear: 2099, declineCode: "insufficient_funds" },
    });
    for (const d of ["2026-10-31", "2026-11-01", "2026-11-02"]) await night(clock, d);
    // The worker is down from 11-02 01:00 until 11-04 noon: the two missed nights run once each, late.
    clock.set(local("2026-11-04T12:00", ZONE));
    await tickClock(database, clock.now());
    await drainJobs({ database, clock, ports });
    await tickClock(database, clock.now());
    await drainJobs({ database, clock, ports });
    const runs = await database.db
      .select()
      .from(tables.automationRuns)
      .where(
        and(
          eq(tables.automationRuns.practiceId, p.practiceId),
          eq(tables.automationRuns.automation, "autopay"),
        ),
      )
      .orderBy(asc(tables.automationRuns.localDate));
    expect(runs.map((r) => [r.localDate, r.scheduledAt.toISOString(), r.late, r.status])).toEqual([
      ["2026-10-31", "2026-10-31T05:30:00.000Z", false, "done"],
      ["2026-11-01", "2026-11-01T05:30:00.000Z", false, "done"],
      ["2026-11-02", "2026-11-02T06:30:00.000Z", false, "done"],
      ["2026-11-03", "2026-11-03T06:30:00.000Z", true, "done"],
      ["2026-11-04", "2026-11-04T06:30:00.000Z", true, "done"],
    ]);
    const attempts = await attemptsOf(invoiceId);
    expect(attempts.map((a) => [a.localDate, a.status])).toEqual([
      ["2026-10-31", "declined"],
      ["2026-11-01", "declined"],
      ["2026-11-02", "declined"],
      ["2026-11-03", "declined"],
      ["2026-11-04", "declined"],
    ]);
  }, 180_000); // five nights through the scheduler: well under a minute alone, slower on a loaded CI machine

  it("the night in order: bills created at 00:00 are charged by the 00:30 run of the same night", async () => {
    const { p, clock } = await practice("2026-12-01T12:00");
    const { config, version } = await getAutomationConfig(database.db, p.practiceId);
    config.automations.invoice_creation = {
      ...config.automations.invoice_creation,
      enabled: true,
      runTime: "00:00",
    };
    await updateAutomationConfig(database, {
      actor: p.actor,
      next: config,
      expectedVersion: version,
      now: clock.now(),
    });
    const clientId = await clientWithCard(database, fake, p, clock.now());
    await database.db.update(tables.clients).set({ autopay: true }).where(eq(tables.clients.id, clientId));
    await createAppointment(database, p, clientId, clock.now(), {
      localStart: "2026-12-01T09:00",
      status: "kept",
    });
    await night(clock, "2026-12-02");
    const [invoice] = await database.db
      .select()
      .from(tables.invoices)
      .where(eq(tables.invoices.clientId, clientId));
    expect(invoice).toMatchObject({ paymentStatus: "paid", clientPaidCents: 17_500 });
    const [attempt] = await attemptsOf(invoice!.id);
    expect(attempt).toMatchObject({ localDate: "2026-12-02", status: "succeeded" });
  });
});
