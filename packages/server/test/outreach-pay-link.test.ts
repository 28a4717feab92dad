import type { AddressInfo } from "node:net";
import {
  handleSmsStatusCallback,
  payLinkKeyFrom,
  sendDueOutreach,
  signPayLink,
  startOutreachSet,
} from "@billcycle/app";
import { ManualClock } from "@billcycle/core";
import { rowsOf, tables } from "@billcycle/db";
import { createApp, jsonLogger } from "@billcycle/server";
import { type StripeFake, startStripeFake } from "@billcycle/stripe-fake";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { local } from "@billcycle/testing/engine-harness";
import {
  defaultRuleSet,
  outreachPorts,
  PAY_KEY,
  patientWithBalance,
} from "@billcycle/testing/outreach-fixture";
import {
  addCard,
  STRIPE_OPTIONS,
  stripePractice,
  useTestSecretKey,
} from "@billcycle/testing/stripe-practice";
import { startTwilioFake, type TwilioFake } from "@billcycle/twilio-fake";
import { serve } from "@hono/node-server";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

useTestSecretKey();
const ZONE = "America/Chicago";

/**
 * The patient's pay page behind the link in a sent text, over HTTP: a forged or an expired token is refused with
 * its code (and charges nothing); a valid one shows the amount outstanding now, and a card payment through it
 * (the Stripe fake) lowers the amount at once and makes the set Paid at zero — from Failed too.
 */
describe.each(testBackends())("the pay link (%s)", (backend) => {
  let database: TestDatabase;
  let stripe: StripeFake;
  let twilio: TwilioFake;
  let base: string;
  let close: () => Promise<void>;
  const clock = new ManualClock(local("2026-03-10T10:00", ZONE));

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    stripe = await startStripeFake();
    twilio = await startTwilioFake();
    const app = createApp({
      database,
      clock,
      logger: jsonLogger(() => undefined),
      stripe: STRIPE_OPTIONS,
      outreach: { payLinkKey: PAY_KEY },
    });
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((r) => server.once("listening", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((r) => server.close(() => r()));
  });
  afterAll(async () => {
    await stripe?.stop();
    await twilio?.close();
    await close?.();
    await database?.dispose();
  });

  const page = async (token: string) => {
    const res = await fetch(`${base}/api/v1/pay/${encodeURIComponent(token)}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const pay = async (token: string, body: Record<string, unknown>) => {
    const res = await fetch(`${base}/api/v1/pay/${encodeURIComponent(token)}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const codeOf = (r: { body: Record<string, unknown> }) =>
    (r.body.error as { code?: string } | undefined)?.code;
  const paymentIntents = () =>
    stripe.requests.filter((r) => r.method === "POST" && r.path === "/v1/payment_intents").length;
  const payments = async (practiceId: string) =>
    rowsOf<{ n: number }>(
      await database.db.execute(
        sql`SELECT count(*)::int AS n FROM payments WHERE practice_id = ${practiceId}::uuid`,
      ),
    )[0]!.n;

  it("a forged or expired token is refused with its code and charges nothing; a valid one pays down to Paid", async () => {
    const p = await stripePractice(database, stripe, clock.now(), "Pay Link Practice");
    await defaultRuleSet(database, p, clock.now());
    const { clientId } = await patientWithBalance(database, p, clock.now(), ["2026-03-02", "2026-03-03"], {
      phone: "+15122016001",
    });
    await addCard(database, stripe, p, clientId, clock.now(), { brand: "visa", expMonth: 12, expYear: 2099 });
    const setId = await startOutreachSet(database, { actor: p.actor, clientId, now: clock.now() });
    await sendDueOutreach(database, p.practiceId, outreachPorts(twilio, null), clock);
    const text = twilio.messages.find((m) => m.to === "+15122016001" && m.sid)!;
    const token = /https:\/\/billing\.example\/pay\/(\S+)/.exec(text.body)![1]!;

    // The carrier could not deliver it: the set is Failed, and the patient can still pay through the link.
    await handleSmsStatusCallback(database, {
      practiceId: p.practiceId,
      params: { MessageSid: text.sid!, MessageStatus: "undelivered", ErrorCode: "30003" },
      now: clock.now(),
    });
    const setStatus = async () =>
      (await database.db.select().from(tables.outreachSets).where(eq(tables.outreachSets.id, setId)))[0]!
        .status;
    expect(await setStatus()).toBe("failed");

    const [prefix, practiceId, subject, expiry, signature] = token.split(".");
    const otherSet = "0192f000-0000-7000-8000-000000000001";
    const forged = [
      // One character of the signature changed.
      `${prefix}.${practiceId}.${subject}.${expiry}.${signature!.slice(0, -2)}${signature!.endsWith("AA") ? "BB" : "AA"}`,
      // Another set under the same signature.
      `${prefix}.${practiceId}.${otherSet}.${expiry}.${signature}`,
      // A later expiry under the same signature.
      `${prefix}.${practiceId}.${subject}.${Number(expiry) + 86_400}.${signature}`,
      // Signed with another key.
      signPayLink(payLinkKeyFrom(Buffer.alloc(32, 1)), {
        practiceId: p.practiceId,
        setId,
        expiresAt: new Date(clock.now().getTime() + 86_400_000),
      }),
      "p1.not-a-token",
    ];
    const expired = signPayLink(PAY_KEY, {
      practiceId: p.practiceId,
      setId,
      expiresAt: new Date(clock.now().getTime() - 1_000),
    });
    const intentsBefore = paymentIntents();
    for (const t of forged) {
      const seen = await page(t);
      expect([t, seen.status, codeOf(seen)]).toEqual([t, 404, "PAY_LINK_INVALID"]);
      const paid = await pay(t, { idempotencyKey: "forged-attempt" });
      expect([t, paid.status, codeOf(paid)]).toEqual([t, 404, "PAY_LINK_INVALID"]);
    }
    const old = await page(expired);
    expect([old.status, codeOf(old)]).toEqual([410, "PAY_LINK_EXPIRED"]);
    expect(codeOf(await pay(expired, { idempotencyKey: "expired-attempt" }))).toBe("PAY_LINK_EXPIRED");
    // The link in the text expires after 30 days.
    clock.set(new Date(clock.now().getTime() + 31 * 86_400_000));
    expect(codeOf(await page(token))).toBe("PAY_LINK_EXPIRED");
    clock.set(local("2026-03-10T10:05", ZONE));
    expect(paymentIntents()).toBe(intentsBefore);
    expect(await payments(p.practiceId)).toBe(0);

    const shown = await page(token);
    expect(shown).toMatchObject({
      status: 200,
      body: {
        practiceName: "Pay Link Practice",
        firstName: "Dana",
        amountOutstandingCents: 35000,
        status: "failed",
        card: { brand: "visa", last4: "4242" },
      },
    });
    // More than outstanding is refused before Stripe is called.
    expect(codeOf(await pay(token, { amountCents: 35001, idempotencyKey: "too-much-1" }))).toBe(
      "EXCEEDS_OPEN_AMOUNT",
    );
    expect(paymentIntents()).toBe(intentsBefore);

    const part = await pay(token, { amountCents: 10000, idempotencyKey: "part-payment-1" });
    expect(part).toMatchObject({ status: 200, body: { status: "succeeded", amountCents: 10000 } });
    // The same request again (a double tap) charges once.
    const replay = await pay(token, { amountCents: 10000, idempotencyKey: "part-payment-1" });
    expect(replay.body.chargeId).toBe(part.body.chargeId);
    expect((await page(token)).body.amountOutstandingCents).toBe(25000);
    expect(await setStatus()).toBe("failed");

    const rest = await pay(token, { idempotencyKey: "rest-payment-1" });
    expect(rest).toMatchObject({ status: 200, body: { status: "succeeded", amountCents: 25000 } });
    expect(await page(token)).toMatchObject({ body: { amountOutstandingCents: 0, status: "paid" } });
    expect(await setStatus()).toBe("paid");
    expect(await payments(p.practiceId)).toBe(2);
    expect(stripe.paymentIntents().filter((pi) => pi.status === "succeeded")).toHaveLength(2);
    const nothing = await pay(token, { idempotencyKey: "after-paid-1" });
    expect([nothing.status, codeOf(nothing)]).toEqual([409, "CONFLICT"]);
  });

  it("the link opens a page the patient pays on: amount, card, a form that charges once, coded refusals", async () => {
    const p = await stripePractice(database, stripe, clock.now(), "Pay Page Practice");
    await defaultRuleSet(database, p, clock.now());
    const { clientId } = await patientWithBalance(database, p, clock.now(), ["2026-03-02"], {
      phone: "+15122016002",
    });
    await addCard(database, stripe, p, clientId, clock.now(), { brand: "visa", expMonth: 12, expYear: 2099 });
    const setId = await startOutreachSet(database, { actor: p.actor, clientId, now: clock.now() });
    const token = signPayLink(PAY_KEY, {
      practiceId: p.practiceId,
      setId,
      expiresAt: new Date(clock.now().getTime() + 86_400_000),
    });
    const url = `${base}/pay/${encodeURIComponent(token)}`;
    const shown = await fetch(url);
    const html = await shown.text();
    expect(shown.status).toBe(200);
    expect(shown.headers.get("content-type")).toContain("text/html");
    expect(shown.headers.get("cache-control")).toBe("no-store");
    expect(shown.headers.get("content-security-policy")).toContain("form-action 'self'");
    expect(html).toContain("Pay Pay Page Practice");
    expect(html).toContain("$175.00");
    expect(html).toContain("visa ending 4242");
    const key = /name="key" value="([^"]+)"/.exec(html)![1]!;

    const submit = (form: Record<string, string>) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
        body: new URLSearchParams(form).toString(),
      });
    const intentsBefore = paymentIntents();
    const notAnAmount = await submit({ amount: "12,50", key });
    expect([notAnAmount.status, notAnAmount.headers.get("x-error-code")]).toEqual([400, "INVALID_AMOUNT"]);
    const tooMuch = await submit({ amount: "175.01", key });
    expect(tooMuch.headers.get("x-error-code")).toBe("EXCEEDS_OPEN_AMOUNT");
    expect(paymentIntents()).toBe(intentsBefore);

    const paid = await submit({ amount: "75", key });
    const receipt = await paid.text();
    expect(paid.status).toBe(200);
    expect(receipt).toContain("$75.00 was paid");
    expect(receipt).toContain("The amount outstanding is now $100.00");
    // The same form sent twice (a double click, a reload) charges once.
    expect((await submit({ amount: "75", key })).status).toBe(200);
    expect(paymentIntents()).toBe(intentsBefore + 1);
    expect(await payments(p.practiceId)).toBe(1);

    const altered = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
    const forged = await fetch(`${base}/pay/${encodeURIComponent(altered)}`);
    expect([forged.status, forged.headers.get("x-error-code")]).toEqual([404, "PAY_LINK_INVALID"]);
    expect(await forged.text()).toContain("This link is not valid");
  });
});
