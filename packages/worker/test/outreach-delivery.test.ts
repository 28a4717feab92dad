import { sendDueOutreach, startOutreachSet } from "@billcycle/app";
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

describe.each(testBackends())("outreach delivery (%s)", (backend) => {
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

  it("a step due at night waits for 09:00 in the patient's own zone, then two senders send it exactly once", async () => {
    // 22:30 in Chicago is 20:30 in Los Angeles: outside the patient's window either way.
    const start = local("2026-03-10T22:30", "America/Chicago");
    const clock = new ManualClock(start);
    const p = await createBillingPractice(database, "America/Chicago", start, "Delivery");
    await defaultRuleSet(database, p, start);
    const { clientId } = await patientWithBalance(database, p, start, ["2026-03-02"], {
      timeZone: "America/Los_Angeles",
    });
    const setId = await startOutreachSet(database, { actor: p.actor, clientId, now: start });
    const [set] = await database.db
      .select()
      .from(tables.outreachSets)
      .where(eq(tables.outreachSets.id, setId));
    expect(set!.nextSendAt!.toISOString()).toBe(
      local("2026-03-11T09:00", "America/Los_Angeles").toISOString(),
    );
    const ports = outreachPorts(twilio, smtp);
    expect((await sendDueOutreach(database, p.practiceId, ports, clock)).sent).toBe(0);
    clock.set(local("2026-03-11T09:00", "America/Los_Angeles"));
    const [a, b] = await Promise.all([
      sendDueOutreach(database, p.practiceId, ports, clock),
      sendDueOutreach(database, p.practiceId, ports, clock),
    ]);
    expect(a.sent + b.sent).toBe(1);
    const mine = twilio.messages.filter((m) => m.to === "+15125550142");
    expect(mine).toHaveLength(1);
    expect(mine[0]!.body).toMatch(
      /^Hi Dana, Delivery has a balance of \$175\.00\. Pay: https:\/\/billing\.example\/pay\/p1\./,
    );
    expect(twilio.duplicates()).toBe(0);
    const messages = await database.db
      .select()
      .from(tables.outreachMessages)
      .where(eq(tables.outreachMessages.setId, setId));
    expect(messages.map((m) => [m.status, m.channel, m.stepIndex])).toEqual([["sent", "sms", 0]]);
    // Again the same minute: nothing more is due.
    expect((await sendDueOutreach(database, p.practiceId, ports, clock)).sent).toBe(0);
    expect(twilio.messages.filter((m) => m.to === "+15125550142")).toHaveLength(1);
  });
});
