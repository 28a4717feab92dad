import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { markStaleOutreachMessages, sendDueOutreach, startOutreachSet } from "@billcycle/app";
import { ManualClock } from "@billcycle/core";
import { tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { createBillingPractice } from "@billcycle/testing/billing-fixture";
import { local } from "@billcycle/testing/engine-harness";
import { defaultRuleSet, outreachPorts, patientWithBalance } from "@billcycle/testing/outreach-fixture";
import { type SmtpTestServer, startSmtpTestServer } from "@billcycle/testing/smtp-test-server";
import { startTwilioFake, type TwilioFake } from "@billcycle/twilio-fake";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ZONE = "America/Chicago";
const PATIENTS = 30;
const WINDOW = { start: "09:00", end: "20:00" };

type Child = { process: ChildProcess; stdout: () => string; exited: Promise<string | number | null> };

/** The idempotency key a received message was sent under: its set (from the pay link) and its channel's step. */
const keyOf = (text: string, step: string): string => {
  const set = /\/pay\/p1\.[0-9a-f-]{36}\.([0-9a-f-]{36})\./.exec(text)?.[1];
  if (!set) throw new Error(`no pay link in: ${text.slice(0, 80)}`);
  return `${set}:${step}`;
};

const duplicatesOf = (keys: string[]): string[] => {
  const seen = new Map<string, number>();
  for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([k]) => k);
};

/**
 * Exactly once on PostgreSQL: two worker processes send the same practice's due messages at once (SKIP LOCKED
 * claims, a unique idempotency key per set and step, committed before sending), one is killed with -9 while texts
 * are in flight; the janitor marks what it left unknown and a restarted sender finishes. The Twilio fake and the
 * SMTP server count 0 duplicates per key, and every message either went out once or is unknown (never re-sent).
 */
describe.each(testBackends().filter((b) => b === "postgres"))("outreach exactly once (%s)", (backend) => {
  let database: TestDatabase;
  let twilio: TwilioFake;
  let smtp: SmtpTestServer;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    twilio = await startTwilioFake();
    smtp = await startSmtpTestServer();
  });
  afterAll(async () => {
    await twilio?.close();
    await smtp?.close();
    await database?.dispose();
  });

  it("two workers and a kill -9 mid-send: 0 duplicates at Twilio and SMTP, each key sent at most once", async () => {
    const clock = new ManualClock(local("2026-04-06T10:00", ZONE));
    const p = await createBillingPractice(database, ZONE, clock.now(), "Exactly once");
    await defaultRuleSet(database, p, clock.now(), {
      name: "Both",
      isDefault: true,
      steps: [
        {
          dayOffset: 0,
          channel: "email",
          subject: "Balance",
          template: "Hello {first_name}: {amount} {pay_link}",
          sendWindow: WINDOW,
        },
        {
          dayOffset: 0,
          channel: "sms",
          template: "Hi {first_name}: {amount} {pay_link}",
          sendWindow: WINDOW,
        },
      ],
    });
    const setIds: string[] = [];
    for (let i = 0; i < PATIENTS; i++) {
      const { clientId } = await patientWithBalance(database, p, clock.now(), ["2026-04-01"], {
        firstName: `P${i}`,
        phone: `+1512203${String(1000 + i)}`,
        email: `p${i}@example.org`,
      });
      setIds.push(await startOutreachSet(database, { actor: p.actor, clientId, now: clock.now() }));
    }
    // Slow answers, so the kill lands while texts are in flight.
    twilio.setLatency(60);

    const script = fileURLToPath(new URL("./support/outreach-send-child.ts", import.meta.url));
    const startChild = (): Child => {
      const child = spawn(
        process.execPath,
        [
          "--import",
          "tsx",
          script,
          database.url!,
          p.practiceId,
          clock.now().toISOString(),
          twilio.url,
          twilio.accountSid,
          twilio.authToken,
          smtp.url,
          "4",
        ],
        { stdio: ["ignore", "pipe", "pipe"] },
      );
      let out = "";
      child.stdout!.on("data", (d: Buffer) => {
        out += d.toString();
      });
      child.stderr!.on("data", (d: Buffer) => {
        out += d.toString();
      });
      const exited = new Promise<string | number | null>((resolve) =>
        child.on("exit", (code, signal) => resolve(signal ?? code)),
      );
      return { process: child, stdout: () => out, exited };
    };
    const a = startChild();
    const b = startChild();
    const created = () => twilio.messages.filter((m) => m.sid).length;
    let running = true;
    void a.exited.then(() => {
      running = false;
    });
    for (let i = 0; i < 3000 && running && created() < 8; i++) await new Promise((r) => setTimeout(r, 10));
    a.process.kill("SIGKILL");
    expect(await a.exited).toBe("SIGKILL");
    expect(await b.exited).toBe(0);
    expect(a.stdout()).toContain("started");
    expect(a.stdout()).not.toContain("finished");
    const bResult = JSON.parse(/finished (.*)/.exec(b.stdout())![1]!) as { sent: number };
    expect(bResult.sent).toBeGreaterThan(0);
    const atKill = created();
    expect(atKill).toBeGreaterThanOrEqual(8);

    // What the killed worker claimed and never finished is `sending`; after the lease it is unknown, not re-sent.
    const messages = () =>
      database.db
        .select()
        .from(tables.outreachMessages)
        .where(eq(tables.outreachMessages.practiceId, p.practiceId));
    clock.set(local("2026-04-06T10:03", ZONE));
    const stale = await markStaleOutreachMessages(database, p.practiceId, clock.now());
    const ports = outreachPorts(twilio, smtp);
    await sendDueOutreach(database, p.practiceId, ports, clock);
    expect((await sendDueOutreach(database, p.practiceId, ports, clock)).sent).toBe(0);
    twilio.setLatency(0);

    const rows = await messages();
    const statuses = rows.map((m) => m.status);
    expect(statuses.filter((s) => s !== "sent" && s !== "unknown")).toEqual([]);
    expect(statuses.filter((s) => s === "unknown")).toHaveLength(stale);
    // One row per set and step: every set got both steps claimed exactly once.
    expect(rows).toHaveLength(PATIENTS * 2);
    expect(new Set(rows.map((m) => m.idempotencyKey)).size).toBe(PATIENTS * 2);

    // The peers count what they received per key: never twice.
    const texts = twilio.messages.filter((m) => m.sid);
    const mails = smtp.received.filter((m) => m.to.some((t) => t.endsWith("@example.org")));
    const textKeys = texts.map((m) => keyOf(m.body, "sms"));
    const mailKeys = mails.map((m) => keyOf(m.decoded, "email"));
    expect(duplicatesOf(textKeys)).toEqual([]);
    expect(duplicatesOf(mailKeys)).toEqual([]);
    expect(twilio.duplicates()).toBe(0);
    expect(duplicatesOf(mails.map((m) => m.headers.get("message-id") ?? ""))).toEqual([]);
    // Every message recorded sent reached its peer once; nothing reached a peer without a row.
    const sentSms = rows.filter((m) => m.channel === "sms" && m.status === "sent");
    const sids = new Set(texts.map((m) => m.sid));
    expect(sentSms.filter((m) => !sids.has(m.providerMessageId))).toEqual([]);
    const sentMail = rows.filter((m) => m.channel === "email" && m.status === "sent").length;
    expect(mails.length).toBeGreaterThanOrEqual(sentMail);
    expect(mails.length).toBeLessThanOrEqual(PATIENTS);
    expect(texts.length).toBeGreaterThanOrEqual(sentSms.length);
    expect(texts.length).toBeLessThanOrEqual(PATIENTS);
    const unknownCount = rows.filter((m) => m.status === "unknown").length;
    // What went out = what is recorded sent plus at most the unknown ones (which may or may not have gone out).
    expect(texts.length + mails.length).toBeLessThanOrEqual(sentSms.length + sentMail + unknownCount);
    expect(new Set(rows.map((m) => m.setId))).toEqual(new Set(setIds));
  });
});
