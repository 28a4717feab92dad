import { createHash } from "node:crypto";
import type { AddressInfo } from "node:net";
import { signPayLink, startCardSetup, startOutreachSet } from "@billcycle/app";
import { ManualClock } from "@billcycle/core";
import { rowsOf, tables } from "@billcycle/db";
import { createApp, jsonLogger } from "@billcycle/server";
import { type StripeFake, startStripeFake } from "@billcycle/stripe-fake";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { local } from "@billcycle/testing/engine-harness";
import { defaultRuleSet, PAY_KEY, patientWithBalance } from "@billcycle/testing/outreach-fixture";
import { STRIPE_OPTIONS, stripePractice, useTestSecretKey } from "@billcycle/testing/stripe-practice";
import { serve } from "@hono/node-server";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAY_NEW_CARD_SCRIPT } from "../src/routes/outreach/pay-page-new-card-script";

useTestSecretKey();
const ZONE = "America/Chicago";

/**
 * A new card on the patient's pay page, over HTTP against the Stripe fake: the page's policy allows exactly
 * Stripe.js's sources and its own script; the token gates the page and the payment; the card Stripe saved for
 * the page's SetupIntent is charged once per form (a double submit charges once), the amount falls at once and
 * the set is Paid at zero; the card stays on file only when the patient ticks "save".
 */
describe.each(testBackends())("a new card on the pay page (%s)", (backend) => {
  let database: TestDatabase;
  let stripe: StripeFake;
  let base: string;
  let close: () => Promise<void>;
  const clock = new ManualClock(local("2026-03-10T10:00", ZONE));

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    stripe = await startStripeFake();
    const app = createApp({
      database,
      clock,
      logger: jsonLogger(() => undefined),
      stripe: STRIPE_OPTIONS,
      stripeJsUrl: `${stripe.url}/v3`,
      outreach: { payLinkKey: PAY_KEY },
    });
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((r) => server.once("listening", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((r) => server.close(() => r()));
  });
  afterAll(async () => {
    await stripe?.stop();
    await close?.();
    await database?.dispose();
  });

  const count = (method: string, path: RegExp) =>
    stripe.requests.filter((r) => r.method === method && path.test(r.path)).length;
  const paymentIntents = () => count("POST", /^\/v1\/payment_intents$/);
  const setupIntents = () => count("POST", /^\/v1\/setup_intents$/);
  const scalar = async (query: ReturnType<typeof sql>) =>
    rowsOf<{ n: number }>(await database.db.execute(query))[0]!.n;

  it("pays with a new card through Stripe's element: exact policy, token-gated, once per form, saved only when asked", async () => {
    const p = await stripePractice(database, stripe, clock.now(), "New Card Practice");
    await defaultRuleSet(database, p, clock.now());
    const { clientId } = await patientWithBalance(database, p, clock.now(), ["2026-03-02", "2026-03-03"], {
      phone: "+15122017001",
    });
    const other = await patientWithBalance(database, p, clock.now(), ["2026-03-02"], {
      phone: "+15122017002",
    });
    const setId = await startOutreachSet(database, { actor: p.actor, clientId, now: clock.now() });
    const token = signPayLink(PAY_KEY, {
      practiceId: p.practiceId,
      setId,
      expiresAt: new Date(clock.now().getTime() + 86_400_000),
    });
    const url = `${base}/pay/${encodeURIComponent(token)}`;
    const setStatus = async () =>
      (await database.db.select().from(tables.outreachSets).where(eq(tables.outreachSets.id, setId)))[0]!
        .status;
    const cardsOnFile = () =>
      scalar(sql`SELECT count(*)::int AS n FROM client_cards WHERE client_id = ${clientId}::uuid`);

    // No card on file: the page offers a new card instead of sending the patient to the phone.
    const first = await (await fetch(url)).text();
    expect(first).toContain("$350.00");
    expect(first).toContain(`href="/pay/${encodeURIComponent(token)}/new-card"`);
    expect(first).not.toContain("please call the office");

    // A forged or expired token opens nothing and starts nothing at Stripe.
    const altered = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
    const expired = signPayLink(PAY_KEY, {
      practiceId: p.practiceId,
      setId,
      expiresAt: new Date(clock.now().getTime() - 1_000),
    });
    const setupsBefore = setupIntents();
    for (const [t, code] of [
      [altered, "PAY_LINK_INVALID"],
      [expired, "PAY_LINK_EXPIRED"],
    ] as const) {
      const refused = await fetch(`${base}/pay/${encodeURIComponent(t)}/new-card`);
      expect([refused.status === 200, refused.headers.get("x-error-code")]).toEqual([false, code]);
    }
    expect(setupIntents()).toBe(setupsBefore);

    const open = async () => {
      const res = await fetch(`${url}/new-card`);
      const html = await res.text();
      expect(res.status).toBe(200);
      const secret = /data-client-secret="([^"]+)"/.exec(html)![1]!;
      return {
        res,
        html,
        key: /name="key" value="([^"]+)"/.exec(html)![1]!,
        setupIntentId: secret.slice(0, secret.indexOf("_secret_")),
      };
    };
    const shown = await open();
    expect(setupIntents()).toBe(setupsBefore + 1);
    // Exactly Stripe.js's sources (the fake's origin, as stripeJsSources gives it) and the page's own script.
    const scriptHash = `'sha256-${createHash("sha256").update(PAY_NEW_CARD_SCRIPT).digest("base64")}'`;
    const policy = Object.fromEntries(
      (shown.res.headers.get("content-security-policy") ?? "")
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name, values.join(" ")]),
    );
    expect(policy).toMatchObject({
      "default-src": "'none'",
      "script-src": `${scriptHash} ${stripe.url}`,
      "frame-src": stripe.url,
      "connect-src": stripe.url,
      "form-action": "'self'",
      "frame-ancestors": "'none'",
    });
    expect(shown.html).toContain(`<script src="${stripe.url}/v3"></script>`);
    expect(shown.html).toContain(`<script>${PAY_NEW_CARD_SCRIPT}</script>`);
    expect(shown.html).toMatch(/<input type="checkbox" name="save" value="yes">/);

    const submit = (t: string, form: Record<string, string>) =>
      fetch(`${base}/pay/${encodeURIComponent(t)}/new-card`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
        body: new URLSearchParams(form).toString(),
      });
    const intentsBefore = paymentIntents();

    // Not yet confirmed with Stripe, another patient's SetupIntent, a forged token: refused, nothing charged.
    const unconfirmed = await submit(token, {
      amount: "100",
      key: shown.key,
      setupIntent: shown.setupIntentId,
    });
    expect(unconfirmed.headers.get("x-error-code")).toBe("VALIDATION_FAILED");
    const theirs = await startCardSetup(database, {
      actor: p.actor,
      clientId: other.clientId,
      now: clock.now(),
      stripe: STRIPE_OPTIONS,
    });
    await stripe.completeSetupIntent(theirs.setupIntentId, { brand: "visa", expMonth: 1, expYear: 2099 });
    const stolen = await submit(token, { amount: "100", key: shown.key, setupIntent: theirs.setupIntentId });
    expect(stolen.headers.get("x-error-code")).toBe("VALIDATION_FAILED");

    // What the card element does in the patient's browser: the card goes to Stripe for the page's SetupIntent.
    await stripe.completeSetupIntent(shown.setupIntentId, {
      brand: "mastercard",
      last4: "4444",
      expMonth: 12,
      expYear: 2099,
    });
    const forged = await submit(altered, { amount: "100", key: shown.key, setupIntent: shown.setupIntentId });
    expect(forged.headers.get("x-error-code")).toBe("PAY_LINK_INVALID");
    expect(paymentIntents()).toBe(intentsBefore);

    // Paid, not saved (the box unticked); the same form twice charges once.
    const form = { amount: "100", key: shown.key, setupIntent: shown.setupIntentId };
    const paid = await submit(token, form);
    const receipt = await paid.text();
    expect(paid.status).toBe(200);
    expect(receipt).toContain("$100.00 was paid");
    expect(receipt).toContain("The amount outstanding is now $250.00");
    expect((await submit(token, form)).status).toBe(200);
    expect(paymentIntents()).toBe(intentsBefore + 1);
    const [charge] = stripe.paymentIntents().filter((pi) => pi.status === "succeeded");
    expect(charge).toMatchObject({ amount: 10000 });
    expect(await cardsOnFile()).toBe(0);
    expect(count("POST", /^\/v1\/payment_methods\/[^/]+\/detach$/)).toBe(1);
    expect(await setStatus()).toBe("active");

    // The rest with another new card, "save this card" ticked: Paid at zero, and the card is on file.
    const again = await open();
    await stripe.completeSetupIntent(again.setupIntentId, {
      brand: "visa",
      last4: "1881",
      expMonth: 3,
      expYear: 2098,
    });
    const rest = await submit(token, {
      amount: "250.00",
      key: again.key,
      setupIntent: again.setupIntentId,
      save: "yes",
    });
    expect(await rest.text()).toContain("Nothing more is due");
    expect(await setStatus()).toBe("paid");
    const saved = await database.db
      .select()
      .from(tables.clientCards)
      .where(eq(tables.clientCards.clientId, clientId));
    expect(saved.map((c) => [c.last4, c.isDefault])).toEqual([["1881", true]]);
    expect(paymentIntents()).toBe(intentsBefore + 2);
    expect(
      await scalar(sql`SELECT count(*)::int AS n FROM payments WHERE practice_id = ${p.practiceId}::uuid`),
    ).toBe(2);
    // Nothing left: no new SetupIntent is started.
    const setupsAtZero = setupIntents();
    expect(await (await fetch(`${url}/new-card`)).text()).toContain("Nothing is due");
    expect(setupIntents()).toBe(setupsAtZero);
  });
});
