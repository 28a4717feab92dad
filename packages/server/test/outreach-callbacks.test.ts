import type { AddressInfo } from "node:net";
import {
  getOutreachTimeline,
  type OutreachPorts,
  sendDueOutreach,
  startOutreachSet,
  twilioSmsProvider,
} from "@billcycle/app";
import { ManualClock } from "@billcycle/core";
import { rowsOf, tables } from "@billcycle/db";
import { type App, createApp, jsonLogger } from "@billcycle/server";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { createBillingPractice, type PracticeFixture } from "@billcycle/testing/billing-fixture";
import { local } from "@billcycle/testing/engine-harness";
import { defaultRuleSet, PAY_KEY, patientWithBalance } from "@billcycle/testing/outreach-fixture";
import {
  postSignedCallback,
  startTwilioFake,
  type TwilioFake,
  twilioSignature,
} from "@billcycle/twilio-fake";
import { serve } from "@hono/node-server";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ZONE = "America/Chicago";

/** SMS on day 0 and day 2, email on day 5: a STOP after the first text changes what the next step predicts. */
const TEXTS = {
  name: "Texts",
  isDefault: true,
  steps: [
    {
      dayOffset: 0,
      channel: "sms" as const,
      template: "Hi {first_name}, you owe {amount}: {pay_link}",
      sendWindow: { start: "09:00", end: "20:00" },
    },
    {
      dayOffset: 2,
      channel: "sms" as const,
      template: "{first_name}, a reminder: {amount}. {pay_link}",
      sendWindow: { start: "09:00", end: "20:00" },
    },
    {
      dayOffset: 5,
      channel: "email" as const,
      subject: "Your balance",
      template: "Hello {first_name}: {amount}. {pay_link}",
      sendWindow: { start: "09:00", end: "20:00" },
    },
  ],
};

/**
 * Twilio's callbacks against the real server over HTTP, signed as Twilio signs them with the account's auth token:
 * delivery reports (a forged signature refused and nothing written, the same report twice is one, undelivered and
 * failed make the set Failed through the transition table) and inbound texts (on the timeline; STOP and START
 * change the SMS preference and the next step's prediction; HELP answers with the practice's contact).
 */
describe.each(testBackends())("Twilio callbacks (%s)", (backend) => {
  let database: TestDatabase;
  let twilio: TwilioFake;
  let app: App;
  let base: string;
  let close: () => Promise<void>;
  let ports: OutreachPorts;
  const clock = new ManualClock(local("2026-03-10T10:00", ZONE));

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    twilio = await startTwilioFake();
    const server = serve({ fetch: (req) => app.fetch(req), port: 0, hostname: "127.0.0.1" });
    await new Promise((r) => server.once("listening", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((r) => server.close(() => r()));
    const sms = twilioSmsProvider({
      accountSid: twilio.accountSid,
      authToken: twilio.authToken,
      from: "+15125550100",
      apiUrl: twilio.url,
      timeoutMs: 2_000,
    });
    app = createApp({
      database,
      clock,
      logger: jsonLogger(() => undefined),
      outreach: { sms, payLinkKey: PAY_KEY, callbackBaseUrl: `${base}/api/v1/webhooks/twilio` },
    });
    ports = {
      sms,
      mailer: null,
      payLinkKey: PAY_KEY,
      publicUrl: "https://billing.example",
      statusCallbackUrl: `${base}/api/v1/webhooks/twilio`,
    };
  });
  afterAll(async () => {
    await twilio?.close();
    await close?.();
    await database?.dispose();
  });

  const counts = async () =>
    rowsOf<{ events: number; messages: string; clients: string; sets: string }>(
      await database.db.execute(sql`SELECT (SELECT count(*)::int FROM outreach_events) AS events,
        (SELECT string_agg(id::text || status, ',' ORDER BY id) FROM outreach_messages) AS messages,
        (SELECT string_agg(id::text || sms_opt_in::text, ',' ORDER BY id) FROM clients) AS clients,
        (SELECT string_agg(id::text || status, ',' ORDER BY id) FROM outreach_sets) AS sets`),
    )[0]!;
  const setOf = async (id: string) =>
    (await database.db.select().from(tables.outreachSets).where(eq(tables.outreachSets.id, id)))[0]!;
  const messagesOf = (setId: string) =>
    database.db.select().from(tables.outreachMessages).where(eq(tables.outreachMessages.setId, setId));
  const timeline = async (p: PracticeFixture, setId: string) =>
    (await getOutreachTimeline(database, { actor: p.actor, setId, now: clock.now() })).events;

  let phones = 0;
  /** A patient with a set whose first text went out; returns the set and the text as the fake received it. */
  const textedPatient = async (p: PracticeFixture) => {
    const phone = `+1512201${String(4000 + ++phones)}`;
    const { clientId } = await patientWithBalance(database, p, clock.now(), ["2026-03-02"], { phone });
    const setId = await startOutreachSet(database, { actor: p.actor, clientId, now: clock.now() });
    expect((await sendDueOutreach(database, p.practiceId, ports, clock)).sent).toBeGreaterThanOrEqual(1);
    const text = twilio.messages.find((m) => m.to === phone && m.sid)!;
    expect(text.statusCallback).toBe(`${base}/api/v1/webhooks/twilio/${p.practiceId}/status`);
    return { clientId, setId, phone, sid: text.sid!, callback: text.statusCallback! };
  };
  const report = (callback: string, sid: string, status: string, extra: Record<string, string> = {}) =>
    postSignedCallback(twilio.authToken, callback, {
      AccountSid: twilio.accountSid,
      MessageSid: sid,
      MessageStatus: status,
      ...extra,
    });

  it("a delivery report with a bad signature is refused with INVALID_SIGNATURE and writes nothing", async () => {
    const p = await createBillingPractice(database, ZONE, clock.now(), "Signed");
    await defaultRuleSet(database, p, clock.now(), TEXTS);
    const { sid, callback } = await textedPatient(p);
    const before = await counts();
    const params = { AccountSid: twilio.accountSid, MessageSid: sid, MessageStatus: "undelivered" };
    const refusals = [
      await postSignedCallback(twilio.authToken, callback, params, "bm90IGEgc2lnbmF0dXJl"),
      // Signed with another account's token.
      await postSignedCallback("0".repeat(32), callback, params),
      // Signed for other parameters than those posted.
      await postSignedCallback(
        twilio.authToken,
        callback,
        params,
        twilioSignature(twilio.authToken, callback, { ...params, MessageStatus: "delivered" }),
      ),
      // Signed for another practice's URL.
      await postSignedCallback(
        twilio.authToken,
        callback,
        params,
        twilioSignature(twilio.authToken, callback.replace(p.practiceId, "0".repeat(8)), params),
      ),
      // No signature at all.
      await fetch(callback, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(params).toString(),
      }),
    ];
    for (const res of refusals) {
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("INVALID_SIGNATURE");
    }
    expect(await counts()).toEqual(before);
  });

  it("delivered marks the message delivered once; the same report again is ignored", async () => {
    const p = await createBillingPractice(database, ZONE, clock.now(), "Delivered");
    await defaultRuleSet(database, p, clock.now(), TEXTS);
    const { setId, sid, callback } = await textedPatient(p);
    const first = await report(callback, sid, "delivered");
    expect([first.status, await first.json()]).toEqual([200, { recorded: true }]);
    const before = await counts();
    const again = await report(callback, sid, "delivered");
    expect([again.status, await again.json()]).toEqual([200, { recorded: false }]);
    expect(await counts()).toEqual(before);
    expect((await messagesOf(setId)).map((m) => m.status)).toEqual(["delivered"]);
    expect((await setOf(setId)).status).toBe("active");
    const deliveries = (await timeline(p, setId)).filter((e) => e.kind === "delivery");
    expect(deliveries.map((e) => e.details)).toEqual([{ status: "delivered", errorCode: null }]);
    // A report for a message this practice never sent is acknowledged and ignored.
    const unknown = await report(callback, `SM${"f".repeat(32)}`, "undelivered");
    expect(await unknown.json()).toEqual({ recorded: false });
    expect(await counts()).toEqual(before);
  });

  it("undelivered (and failed) make the message failed and the set Failed, once; the next text makes it Active again", async () => {
    const p = await createBillingPractice(database, ZONE, clock.now(), "Undelivered");
    await defaultRuleSet(database, p, clock.now(), TEXTS);
    const a = await textedPatient(p);
    const b = await textedPatient(p);
    // Queued and sent reports change nothing but the timeline.
    expect(await (await report(a.callback, a.sid, "sent")).json()).toEqual({ recorded: true });
    expect((await setOf(a.setId)).status).toBe("active");
    const res = await report(a.callback, a.sid, "undelivered", { ErrorCode: "30003" });
    expect(await res.json()).toEqual({ recorded: true });
    expect(await (await report(b.callback, b.sid, "failed", { ErrorCode: "30008" })).json()).toEqual({
      recorded: true,
    });
    const before = await counts();
    expect(await (await report(a.callback, a.sid, "undelivered", { ErrorCode: "30003" })).json()).toEqual({
      recorded: false,
    });
    expect(await counts()).toEqual(before);

    for (const [who, code] of [
      [a, "TWILIO_30003"],
      [b, "TWILIO_30008"],
    ] as const) {
      expect((await setOf(who.setId)).status).toBe("failed");
      expect((await messagesOf(who.setId)).map((m) => [m.status, m.failureCode])).toEqual([["failed", code]]);
      const statusEvents = (await timeline(p, who.setId)).filter((e) => e.kind === "status");
      expect(statusEvents.map((e) => e.details)).toEqual([{ from: "active", to: "failed", reason: code }]);
    }
    const audit = rowsOf<{ n: number }>(
      await database.db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'outreach_set'
        AND entity_id = ${a.setId} AND action = 'transition' AND details->>'to' = 'failed'`),
    )[0]!;
    expect(audit.n).toBe(1);

    // A Failed set goes on: its next text (day 2) goes out and the set is Active again.
    clock.set(local("2026-03-12T10:00", ZONE));
    await sendDueOutreach(database, p.practiceId, ports, clock);
    expect((await setOf(a.setId)).status).toBe("active");
    expect((await messagesOf(a.setId)).map((m) => m.status).sort()).toEqual(["failed", "sent"]);
    clock.set(local("2026-03-10T10:00", ZONE));
  });

  const inbound = (p: PracticeFixture, from: string, body: string, sid: string) =>
    postSignedCallback(twilio.authToken, `${base}/api/v1/webhooks/twilio/${p.practiceId}/inbound`, {
      AccountSid: twilio.accountSid,
      MessageSid: sid,
      From: from,
      To: "+15125550100",
      Body: body,
    });

  it("inbound replies go on the timeline; STOP predicts Will Fail, START clears it, HELP answers with the contact", async () => {
    const p = await createBillingPractice(database, ZONE, clock.now(), "Replies");
    await defaultRuleSet(database, p, clock.now(), TEXTS);
    const { clientId, setId, phone } = await textedPatient(p);
    const client = async () =>
      (await database.db.select().from(tables.clients).where(eq(tables.clients.id, clientId)))[0]!;

    // A plain reply: on the timeline, no answer, nothing else changes.
    const hello = await inbound(p, phone, "I will pay on Friday", "SMin1");
    expect(hello.status).toBe(200);
    expect(await hello.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    const before = await counts();
    await inbound(p, phone, "I will pay on Friday", "SMin1");
    expect(await counts()).toEqual(before);

    // STOP (any case, surrounding space): opted out; the next step (a text on day 2) is predicted to fail.
    const stop = await inbound(p, phone.replace("+1", ""), "  stop ", "SMin2");
    expect(stop.status).toBe(200);
    expect((await client()).smsOptIn).toBe(false);
    let set = await setOf(setId);
    expect(set.status).toBe("will_fail");
    expect(set.willFailReasons).toEqual([
      { code: "SMS_OPTED_OUT", message: "The patient has opted out of text messages" },
    ]);

    // HELP answers with the practice's phone and billing email (TwiML), and is on the timeline.
    const help = await inbound(p, phone, "HELP", "SMin3");
    const twiml = await help.text();
    expect(help.headers.get("content-type")).toMatch(/^text\/xml/);
    expect(twiml).toContain("<Response><Message>");
    expect(twiml).toContain("512-555-0100");
    expect(twiml).toContain("billing@fixture-practice.example");
    expect((await client()).smsOptIn).toBe(false);

    // START: opted in again; the prediction clears.
    await inbound(p, phone, "Start", "SMin4");
    expect((await client()).smsOptIn).toBe(true);
    set = await setOf(setId);
    expect([set.status, set.willFailReasons]).toEqual(["active", null]);

    const events = (await timeline(p, setId)).filter((e) => e.kind !== "message" && e.kind !== "started");
    expect(events.map((e) => [e.kind, e.details])).toEqual([
      ["reply", { body: "I will pay on Friday", keyword: null }],
      ["reply", { body: "  stop ", keyword: "stop" }],
      ["preference", { sms: "opted_out" }],
      ["status", { from: "active", to: "will_fail", reason: "SMS_OPTED_OUT" }],
      ["reply", { body: "HELP", keyword: "help" }],
      ["help", { reply: expect.stringContaining("512-555-0100") }],
      ["reply", { body: "Start", keyword: "start" }],
      ["preference", { sms: "opted_in" }],
      ["status", { from: "will_fail", to: "active", reason: "PREDICTION_CLEARED" }],
    ]);

    // STOP again, then day 2 comes: the text predicted to fail is recorded failed and never sent.
    await inbound(p, phone, "STOP", "SMin5");
    const sentBefore = twilio.messages.filter((m) => m.to === phone).length;
    clock.set(local("2026-03-12T10:00", ZONE));
    await sendDueOutreach(database, p.practiceId, ports, clock);
    clock.set(local("2026-03-10T10:00", ZONE));
    expect(twilio.messages.filter((m) => m.to === phone)).toHaveLength(sentBefore);
    expect((await setOf(setId)).status).toBe("failed");
    expect((await messagesOf(setId)).map((m) => [m.stepIndex, m.status, m.failureCode])).toEqual([
      [0, "sent", null],
      [1, "failed", "SMS_OPTED_OUT"],
    ]);
  });

  it("an inbound text with a bad signature or from an unknown number writes nothing", async () => {
    const p = await createBillingPractice(database, ZONE, clock.now(), "Strangers");
    await defaultRuleSet(database, p, clock.now(), TEXTS);
    const { phone } = await textedPatient(p);
    const before = await counts();
    const url = `${base}/api/v1/webhooks/twilio/${p.practiceId}/inbound`;
    const forged = await postSignedCallback(
      twilio.authToken,
      url,
      { From: phone, Body: "STOP", MessageSid: "SMx1" },
      "Zm9yZ2Vk",
    );
    expect(forged.status).toBe(400);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe("INVALID_SIGNATURE");
    const stranger = await inbound(p, "+15129990000", "STOP", "SMx2");
    expect(await stranger.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    expect(await counts()).toEqual(before);
  });
});
