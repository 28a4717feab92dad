import {
  applyOutreachAction,
  clientsResource,
  getOutreachTimeline,
  listOutreachSets,
  listOutreachSetsQuerySchema,
  type RuleSetInput,
  saveRuleSet,
  sendDueOutreach,
  startOutreachSet,
  updateResource,
} from "@billcycle/app";
import { ManualClock, type WillFailCode } from "@billcycle/core";
import { tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { createBillingPractice, type PracticeFixture } from "@billcycle/testing/billing-fixture";
import { local } from "@billcycle/testing/engine-harness";
import { defaultRuleSet, outreachPorts, patientWithBalance } from "@billcycle/testing/outreach-fixture";
import { type SmtpTestServer, startSmtpTestServer } from "@billcycle/testing/smtp-test-server";
import { startTwilioFake, type TwilioFake } from "@billcycle/twilio-fake";
import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ZONE = "America/Chicago";
const WINDOW = { start: "09:00", end: "20:00" };
const sms = (dayOffset: number, template: string) => ({
  dayOffset,
  channel: "sms" as const,
  template,
  sendWindow: WINDOW,
});
const email = (dayOffset: number, template: string) => ({
  dayOffset,
  channel: "email" as const,
  subject: "Your balance with {practice_name}",
  template,
  sendWindow: WINDOW,
});
const rules = (name: string, steps: RuleSetInput["steps"], isDefault = true): RuleSetInput => ({
  name,
  isDefault,
  steps,
});

/**
 * Delivery outcomes and the set's statuses, end to end against the Twilio fake and a real SMTP server: an SMTP
 * refusal sets Failed and makes later email steps Will Fail; each Will Fail cause; quiet hours in the patient's own
 * zone across a DST change; Change Rule Set continuing from the matching day; Expired and back.
 */
describe.each(testBackends())("outreach lifecycle (%s)", (backend) => {
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

  const setRow = async (id: string) =>
    (await database.db.select().from(tables.outreachSets).where(eq(tables.outreachSets.id, id)))[0]!;
  const messagesOf = async (setId: string) =>
    (
      await database.db.select().from(tables.outreachMessages).where(eq(tables.outreachMessages.setId, setId))
    ).sort((a, b) => a.stepIndex - b.stepIndex || a.createdAt.getTime() - b.createdAt.getTime());
  const statusTrail = async (p: PracticeFixture, setId: string, now: Date) =>
    (await getOutreachTimeline(database, { actor: p.actor, setId, now })).events
      .filter((e) => e.kind === "status")
      .map((e) => `${String(e.details?.from)}>${String(e.details?.to)}`);
  const mailTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
  const textsTo = (phone: string) => twilio.messages.filter((m) => m.to === phone && m.sid);

  it("an SMTP refusal (recipient or message) sets Failed; the next email step is predicted to fail and never sent", async () => {
    const clock = new ManualClock(local("2026-04-06T10:00", ZONE));
    const p = await createBillingPractice(database, ZONE, clock.now(), "Bounces");
    await defaultRuleSet(
      database,
      p,
      clock.now(),
      rules("Mixed", [
        email(0, "Hello {first_name}, {amount}: {pay_link}"),
        sms(1, "Hi {first_name}, {amount}: {pay_link}"),
        email(3, "Last note {first_name}: {amount} {pay_link}"),
      ]),
    );
    const ports = outreachPorts(twilio, smtp);
    // One address the server does not know (550 at RCPT TO), one whose message is refused by policy (554).
    const gone = await patientWithBalance(database, p, clock.now(), ["2026-04-01"], {
      email: "gone@bounce.example",
      phone: "+15122015001",
    });
    smtp.refuseRecipient("gone@bounce.example");
    const goneSet = await startOutreachSet(database, {
      actor: p.actor,
      clientId: gone.clientId,
      now: clock.now(),
    });
    const first = await sendDueOutreach(database, p.practiceId, ports, clock);
    expect([first.sent, first.failed]).toEqual([0, 1]);

    const policy = await patientWithBalance(database, p, clock.now(), ["2026-04-01"], {
      email: "policy@refuse.example",
      phone: "+15122015002",
    });
    const policySet = await startOutreachSet(database, {
      actor: p.actor,
      clientId: policy.clientId,
      now: clock.now(),
    });
    smtp.behave("refuse");
    try {
      expect((await sendDueOutreach(database, p.practiceId, ports, clock)).failed).toBe(1);
    } finally {
      smtp.behave("accept");
    }
    for (const [who, setId] of [
      [gone, goneSet],
      [policy, policySet],
    ] as const) {
      expect((await setRow(setId)).status).toBe("failed");
      expect((await messagesOf(setId)).map((m) => [m.channel, m.status, m.failureCode])).toEqual([
        ["email", "failed", "SMTP_REFUSED"],
      ]);
      const [client] = await database.db
        .select()
        .from(tables.clients)
        .where(eq(tables.clients.id, who.clientId));
      expect(client!.emailBouncedAt).not.toBeNull();
    }
    expect(mailTo("gone@bounce.example")).toEqual([]);
    expect(mailTo("policy@refuse.example")).toEqual([]);

    // Day 1: the text goes out; the step after it is an email to a bounced address: Will Fail.
    clock.set(local("2026-04-07T10:00", ZONE));
    expect((await sendDueOutreach(database, p.practiceId, ports, clock)).sent).toBe(2);
    let set = await setRow(goneSet);
    expect(set.status).toBe("will_fail");
    expect(set.willFailReasons).toEqual([
      { code: "EMAIL_BOUNCED", message: "An earlier email to the patient's address bounced" },
    ]);
    expect((await setRow(policySet)).status).toBe("will_fail");
    // A person fixes the other patient's address: it has not bounced, and the prediction clears at once.
    const [policyClient] = await database.db
      .select()
      .from(tables.clients)
      .where(eq(tables.clients.id, policy.clientId));
    await updateResource(database, clientsResource, {
      actor: p.actor,
      id: policy.clientId,
      version: policyClient!.version,
      patch: { email: "policy@fixed.example" },
      now: clock.now(),
    });
    const [fixed] = await database.db
      .select()
      .from(tables.clients)
      .where(eq(tables.clients.id, policy.clientId));
    expect(fixed!.emailBouncedAt).toBeNull();
    expect([(await setRow(policySet)).status, (await setRow(policySet)).willFailReasons]).toEqual([
      "active",
      null,
    ]);
    // Day 3: the email predicted to fail is recorded failed and never handed to the SMTP server; the fixed
    // address gets its email.
    const mailsBefore = smtp.received.length;
    clock.set(local("2026-04-09T10:00", ZONE));
    const day3 = await sendDueOutreach(database, p.practiceId, ports, clock);
    expect([day3.sent, day3.failed]).toEqual([1, 1]);
    expect(smtp.received.length).toBe(mailsBefore + 1);
    expect(mailTo("policy@fixed.example")).toHaveLength(1);
    expect((await setRow(policySet)).status).toBe("expired");
    set = await setRow(goneSet);
    expect([set.status, set.nextSendAt]).toEqual(["failed", null]);
    expect((await messagesOf(goneSet)).map((m) => [m.channel, m.status, m.failureCode])).toEqual([
      ["email", "failed", "SMTP_REFUSED"],
      ["sms", "sent", null],
      ["email", "failed", "EMAIL_BOUNCED"],
    ]);
    expect(await statusTrail(p, goneSet, clock.now())).toEqual([
      "active>failed",
      "failed>will_fail",
      "will_fail>failed",
    ]);
  });

  it("predicts Will Fail for each cause, and a set predicted to fail is recorded failed, not sent", async () => {
    const clock = new ManualClock(local("2026-04-06T10:00", ZONE));
    const p = await createBillingPractice(database, ZONE, clock.now(), "Predictions");
    const textFirst = await defaultRuleSet(
      database,
      p,
      clock.now(),
      rules("Text first", [sms(0, "Hi {first_name}: {amount} {pay_link}")]),
    );
    const mailFirst = await saveRuleSet(database, {
      actor: p.actor,
      body: rules("Mail first", [email(0, "Hello {first_name}: {amount} {pay_link}")], false),
      now: clock.now(),
    });
    const cases: Array<{
      name: string;
      ruleSetId: string;
      contact: Parameters<typeof patientWithBalance>[4];
      bounced?: boolean;
      expected: WillFailCode | null;
    }> = [
      { name: "Nophone", ruleSetId: textFirst.id, contact: { phone: null }, expected: "NO_PHONE" },
      { name: "Blankphone", ruleSetId: textFirst.id, contact: { phone: "   " }, expected: "NO_PHONE" },
      // Too short, an unassigned area code, letters: libphonenumber-js does not find a valid number.
      {
        name: "Shortphone",
        ruleSetId: textFirst.id,
        contact: { phone: "555-0142" },
        expected: "INVALID_PHONE",
      },
      {
        name: "Badarea",
        ruleSetId: textFirst.id,
        contact: { phone: "(111) 201-4567" },
        expected: "INVALID_PHONE",
      },
      {
        name: "Wordphone",
        ruleSetId: textFirst.id,
        contact: { phone: "call me" },
        expected: "INVALID_PHONE",
      },
      { name: "Optout", ruleSetId: textFirst.id, contact: { smsOptIn: false }, expected: "SMS_OPTED_OUT" },
      { name: "Noemail", ruleSetId: mailFirst.id, contact: { email: null }, expected: "NO_EMAIL" },
      { name: "Bounced", ruleSetId: mailFirst.id, contact: {}, bounced: true, expected: "EMAIL_BOUNCED" },
      {
        name: "Mailout",
        ruleSetId: mailFirst.id,
        contact: { emailOptIn: false },
        expected: "EMAIL_OPTED_OUT",
      },
      // Controls: a valid number written any usual way, and an address that never bounced.
      { name: "Okphone", ruleSetId: textFirst.id, contact: { phone: "512.201.4568" }, expected: null },
      { name: "Okmail", ruleSetId: mailFirst.id, contact: { email: "ok@example.org" }, expected: null },
    ];
    const started: Array<{ setId: string; expected: WillFailCode | null; name: string }> = [];
    for (const c of cases) {
      const { clientId } = await patientWithBalance(database, p, clock.now(), ["2026-04-01"], {
        firstName: c.name,
        ...c.contact,
      });
      if (c.bounced) {
        await database.db
          .update(tables.clients)
          .set({ emailBouncedAt: clock.now() })
          .where(eq(tables.clients.id, clientId));
      }
      const setId = await startOutreachSet(database, {
        actor: p.actor,
        clientId,
        ruleSetId: c.ruleSetId,
        now: clock.now(),
      });
      started.push({ setId, expected: c.expected, name: c.name });
    }
    const { items } = await listOutreachSets(database, {
      actor: p.actor,
      query: listOutreachSetsQuerySchema.parse({}),
      now: clock.now(),
    });
    const predicted = started.map((s) => {
      const view = items.find((i) => i.id === s.setId)!;
      return [s.name, view.status, view.willFailReasons.map((r) => r.code)];
    });
    expect(predicted).toEqual(
      started.map((s) => [s.name, s.expected ? "will_fail" : "active", s.expected ? [s.expected] : []]),
    );
    const willFail = await listOutreachSets(database, {
      actor: p.actor,
      query: listOutreachSetsQuerySchema.parse({ status: "will_fail" }),
      now: clock.now(),
    });
    expect(willFail.items).toHaveLength(cases.filter((c) => c.expected).length);

    // Due now: the predicted failures are recorded failed with their cause; the controls go out.
    const textsBefore = twilio.messages.length;
    const mailsBefore = smtp.received.length;
    const result = await sendDueOutreach(database, p.practiceId, outreachPorts(twilio, smtp), clock);
    expect([result.sent, result.failed]).toEqual([2, cases.length - 2]);
    expect(twilio.messages.length - textsBefore).toBe(1);
    expect(smtp.received.length - mailsBefore).toBe(1);
    for (const s of started) {
      const [message] = await messagesOf(s.setId);
      expect([s.name, message!.status, message!.failureCode]).toEqual([
        s.name,
        s.expected ? "failed" : "sent",
        s.expected,
      ]);
      // One step: sent is Expired; failed stays Failed (a person looks at it).
      expect([s.name, (await setRow(s.setId)).status]).toEqual([s.name, s.expected ? "failed" : "expired"]);
    }
    const okText = twilio.messages.at(-1)!;
    expect(okText.to).toBe("+15122014568");
  });

  it("a refusal by Twilio (invalid To) sets Failed; its code is on the message", async () => {
    const clock = new ManualClock(local("2026-04-06T10:00", ZONE));
    const p = await createBillingPractice(database, ZONE, clock.now(), "Refused");
    await defaultRuleSet(database, p, clock.now());
    const { clientId } = await patientWithBalance(database, p, clock.now(), ["2026-04-01"], {
      phone: "+15122015010",
    });
    const setId = await startOutreachSet(database, { actor: p.actor, clientId, now: clock.now() });
    twilio.failNext({ kind: "error", code: 21211 });
    expect((await sendDueOutreach(database, p.practiceId, outreachPorts(twilio, smtp), clock)).failed).toBe(
      1,
    );
    expect((await setRow(setId)).status).toBe("failed");
    expect((await messagesOf(setId)).map((m) => [m.status, m.failureCode])).toEqual([
      ["failed", "TWILIO_21211"],
    ]);
  });

  it("quiet hours in each patient's own zone: due at night, each waits for 09:00 where the patient is", async () => {
    // 23:30 in Chicago: 00:30 in New York, 21:30 in Los Angeles; both outside their window.
    const clock = new ManualClock(local("2026-04-06T23:30", ZONE));
    const p = await createBillingPractice(database, ZONE, clock.now(), "Zones");
    await defaultRuleSet(database, p, clock.now());
    // New York from the address; Los Angeles set on the patient (the address says Texas).
    const ny = await patientWithBalance(database, p, clock.now(), ["2026-04-01"], {
      phone: "+12122015020",
      state: "NY",
    });
    const la = await patientWithBalance(database, p, clock.now(), ["2026-04-01"], {
      phone: "+13102015021",
      timeZone: "America/Los_Angeles",
      state: "TX",
    });
    const nySet = await startOutreachSet(database, {
      actor: p.actor,
      clientId: ny.clientId,
      now: clock.now(),
    });
    const laSet = await startOutreachSet(database, {
      actor: p.actor,
      clientId: la.clientId,
      now: clock.now(),
    });
    const at = (s: { nextSendAt: Date | null }, zone: string) =>
      DateTime.fromJSDate(s.nextSendAt!, { zone }).toFormat("yyyy-MM-dd HH:mm");
    expect(at(await setRow(nySet), "America/New_York")).toBe("2026-04-07 09:00");
    expect(at(await setRow(laSet), "America/Los_Angeles")).toBe("2026-04-07 09:00");

    const ports = outreachPorts(twilio, smtp);
    const sendAt = async (iso: string, zone: string) => {
      clock.set(local(iso, zone));
      return sendDueOutreach(database, p.practiceId, ports, clock);
    };
    expect((await sendAt("2026-04-06T23:30", ZONE)).sent).toBe(0);
    expect((await sendAt("2026-04-07T08:59", "America/New_York")).sent).toBe(0);
    expect((await sendAt("2026-04-07T09:00", "America/New_York")).sent).toBe(1);
    expect(textsTo("+12122015020")).toHaveLength(1);
    // 09:00 in Chicago (the practice's zone) is 07:00 in Los Angeles: still quiet there.
    expect((await sendAt("2026-04-07T09:00", ZONE)).sent).toBe(0);
    expect(textsTo("+13102015021")).toHaveLength(0);
    expect((await sendAt("2026-04-07T09:00", "America/Los_Angeles")).sent).toBe(1);
    expect(textsTo("+13102015021")).toHaveLength(1);

    // Day offsets count from the start date where the patient is: 7 April in New York, 6 April in Los Angeles.
    // A worker down until late on 9 April (23:15 New York, 20:15 Los Angeles): Los Angeles' day-3 email waits
    // for the next morning there; New York's is not due before 10 April 09:00.
    const late = await sendAt("2026-04-09T23:15", "America/New_York");
    expect([late.sent, late.rescheduled]).toEqual([0, 1]);
    expect(at(await setRow(nySet), "America/New_York")).toBe("2026-04-10 09:00");
    expect(at(await setRow(laSet), "America/Los_Angeles")).toBe("2026-04-10 09:00");
  });

  it("across the US DST change the step keeps 09:00 local (13:00 UTC after, 14:00 before)", async () => {
    const zone = "America/New_York";
    // Friday 6 March 2026, 10:00 EST; clocks spring forward on Sunday 8 March.
    const clock = new ManualClock(local("2026-03-06T10:00", zone));
    const p = await createBillingPractice(database, ZONE, clock.now(), "Daylight");
    await defaultRuleSet(
      database,
      p,
      clock.now(),
      rules("DST", [
        sms(0, "Hi {first_name}: {amount} {pay_link}"),
        sms(3, "Again {first_name}: {pay_link}"),
      ]),
    );
    const { clientId } = await patientWithBalance(database, p, clock.now(), ["2026-03-02"], {
      phone: "+12122015030",
      timeZone: zone,
    });
    const setId = await startOutreachSet(database, { actor: p.actor, clientId, now: clock.now() });
    const ports = outreachPorts(twilio, smtp);
    expect((await sendDueOutreach(database, p.practiceId, ports, clock)).sent).toBe(1);
    const set = await setRow(setId);
    expect(set.nextSendAt!.toISOString()).toBe("2026-03-09T13:00:00.000Z");
    // 08:59 EDT (12:59 UTC, which was 07:59 before the change): nothing.
    clock.set(new Date("2026-03-09T12:59:00Z"));
    expect((await sendDueOutreach(database, p.practiceId, ports, clock)).sent).toBe(0);
    clock.set(new Date("2026-03-09T13:00:00Z"));
    expect((await sendDueOutreach(database, p.practiceId, ports, clock)).sent).toBe(1);
    expect(textsTo("+12122015030").map((m) => m.body.split(":")[0])).toEqual(["Hi Dana", "Again Dana"]);
  });

  it("Change Rule Set continues from the matching day, not from the start; Expired comes back with later steps", async () => {
    const clock = new ManualClock(local("2026-04-06T10:00", ZONE));
    const p = await createBillingPractice(database, ZONE, clock.now(), "Change");
    await defaultRuleSet(database, p, clock.now()); // SMS day 0, email day 3, SMS day 7
    const longer = await saveRuleSet(database, {
      actor: p.actor,
      body: rules(
        "Longer",
        [
          sms(0, "L0 {first_name} {pay_link}"),
          email(2, "L2 {first_name} {pay_link}"),
          sms(5, "L5 {first_name} {pay_link}"),
          email(9, "L9 {first_name} {pay_link}"),
        ],
        false,
      ),
      now: clock.now(),
    });
    const short = await saveRuleSet(database, {
      actor: p.actor,
      body: rules("Short", [sms(0, "S0 {first_name} {pay_link}")], false),
      now: clock.now(),
    });
    const ports = outreachPorts(twilio, smtp);
    const phone = "+15122015040";
    const mail = "change@example.org";
    const { clientId } = await patientWithBalance(database, p, clock.now(), ["2026-04-01"], {
      phone,
      email: mail,
    });
    const setId = await startOutreachSet(database, { actor: p.actor, clientId, now: clock.now() });
    await sendDueOutreach(database, p.practiceId, ports, clock); // day 0 SMS
    clock.set(local("2026-04-09T10:00", ZONE));
    await sendDueOutreach(database, p.practiceId, ports, clock); // day 3 email
    expect((await setRow(setId)).lastSentDay).toBe(3);

    // Pause, then change: the set continues at Longer's day 5 (the first step after day 3), still paused.
    await applyOutreachAction(database, {
      actor: p.actor,
      setId,
      request: { action: "pause" },
      now: clock.now(),
    });
    let view = await applyOutreachAction(database, {
      actor: p.actor,
      setId,
      request: { action: "change_rule_set", ruleSetId: longer.id },
      now: clock.now(),
    });
    expect([view.status, view.ruleSet.name, view.stepIndex]).toEqual(["paused", "Longer", 2]);
    view = await applyOutreachAction(database, {
      actor: p.actor,
      setId,
      request: { action: "resume" },
      now: clock.now(),
    });
    expect(view.status).toBe("active");
    expect(DateTime.fromISO(view.nextSendAt!, { zone: ZONE }).toFormat("yyyy-MM-dd HH:mm")).toBe(
      "2026-04-11 09:00",
    );
    clock.set(local("2026-04-11T09:00", ZONE));
    expect((await sendDueOutreach(database, p.practiceId, ports, clock)).sent).toBe(1);
    clock.set(local("2026-04-15T09:00", ZONE));
    expect((await sendDueOutreach(database, p.practiceId, ports, clock)).sent).toBe(1);
    expect((await setRow(setId)).status).toBe("expired");
    const sentTexts = textsTo(phone).map((m) => m.body.slice(0, 3));
    expect(sentTexts).toEqual(["Hi ", "L5 "]);
    const sentMail = mailTo(mail).map((m) => m.decoded.match(/(Hello|L9) /)?.[1]);
    expect(sentMail).toEqual(["Hello", "L9"]);
    expect((await messagesOf(setId)).map((m) => [m.dayOffset, m.channel, m.status])).toEqual([
      [0, "sms", "sent"],
      [3, "email", "sent"],
      [5, "sms", "sent"],
      [9, "email", "sent"],
    ]);

    // Expired: a rule set with nothing after day 9 keeps it Expired; the default's day 7 is behind it too.
    view = await applyOutreachAction(database, {
      actor: p.actor,
      setId,
      request: { action: "change_rule_set", ruleSetId: short.id },
      now: clock.now(),
    });
    expect([view.status, view.nextSendAt]).toEqual(["expired", null]);
    const further = await saveRuleSet(database, {
      actor: p.actor,
      body: rules("Further", [sms(0, "F0 {pay_link}"), sms(12, "F12 {first_name} {pay_link}")], false),
      now: clock.now(),
    });
    view = await applyOutreachAction(database, {
      actor: p.actor,
      setId,
      request: { action: "change_rule_set", ruleSetId: further.id },
      now: clock.now(),
    });
    expect([view.status, view.stepIndex]).toEqual(["active", 1]);
    clock.set(local("2026-04-18T09:00", ZONE));
    expect((await sendDueOutreach(database, p.practiceId, ports, clock)).sent).toBe(1);
    expect(textsTo(phone).map((m) => m.body.slice(0, 3))).toEqual(["Hi ", "L5 ", "F12"]);
    expect(await statusTrail(p, setId, clock.now())).toEqual([
      "active>paused",
      "paused>active",
      "active>expired",
      "expired>active",
      "active>expired",
    ]);
    const changes = (await getOutreachTimeline(database, { actor: p.actor, setId, now: clock.now() })).events
      .filter((e) => e.kind === "rule_set")
      .map((e) => [e.details?.name, e.details?.continuesAtStep]);
    expect(changes).toEqual([
      ["Longer", 2],
      ["Short", 1],
      ["Further", 1],
    ]);
  });
});
