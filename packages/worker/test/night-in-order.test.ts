import {
  type EnginePorts,
  type IssueBillDocument,
  issueBillDocument,
  type SharingPorts,
  saveStripeSettings,
  shareLinkKeyFrom,
  smtpShareMailer,
  stripeChargeIdempotencyKey,
} from "@billcycle/app";
import { type AutomationKind, ManualClock } from "@billcycle/core";
import { tables } from "@billcycle/db";
import { type StripeFake, startStripeFake } from "@billcycle/stripe-fake";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import {
  configure,
  createAppointment,
  createBillingPractice,
  createClient,
  type PracticeFixture,
} from "@billcycle/testing/billing-fixture";
import { filePorts } from "@billcycle/testing/engine-harness";
import { readPdfText } from "@billcycle/testing/read-pdf-text";
import { type SmtpTestServer, startSmtpTestServer } from "@billcycle/testing/smtp-test-server";
import { addCard, STRIPE_OPTIONS, TEST_KEYS, useTestSecretKey } from "@billcycle/testing/stripe-practice";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tickScheduler } from "../src/clock/tick-scheduler";
import { drainJobs } from "../src/worker";

useTestSecretKey();
const MINUTE = 60_000;
const DELAY_MINUTES = 60;
/** Weeks of nights tick by tick on a shared, loaded machine: minutes, not the default 60 s. */
const SCENARIO_TIMEOUT_MS = 600_000;

/** The bill as the invoice stands when its share is due: the production port (cli engine-ports.ts) does the same. */
const issueBillAtShareTime: IssueBillDocument = async (database, { practiceId, invoiceId, now }) => {
  const { document } = await issueBillDocument(database, {
    practiceId,
    invoiceId,
    now,
    source: "automation",
  });
  return { documentId: document.id };
};

type Site = { p: PracticeFixture; clientId: string; email: string; zone: string };

const at = (date: string, time: string, zone: string) =>
  DateTime.fromISO(`${date}T${time}`, { zone }).toJSDate();
const datesFrom = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = DateTime.fromISO(from); d.toISODate()! <= to; d = d.plus({ days: 1 }))
    out.push(d.toISODate()!);
  return out;
};

/**
 * Issue 17 item 7, the night in order, through the worker's scheduler (tickScheduler, what startWorker ticks) and
 * job loop with an injected clock: two practices, each in its own time zone, each night bills at 00:00 local,
 * autopay at 00:30 charging the bill created that night against the Stripe fake, the bill shared 60 minutes after
 * it opened showing the autopay payment, and on superbill day 31 (the month's last day in February and April) the
 * superbills at 01:00, shared after their delay. Across New York's spring-forward and Sydney's fall-back, and month
 * ends. The order is read from the recorded timestamps: runs started, charges made and settled, shares sent.
 */
describe.each(testBackends())("the night in order (%s)", (backend) => {
  let database: TestDatabase;
  let fake: StripeFake;
  let smtp: SmtpTestServer;
  let ports: EnginePorts & { sharing: SharingPorts };
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    fake = await startStripeFake();
    smtp = await startSmtpTestServer();
    ports = {
      ...filePorts(),
      autopay: { stripe: STRIPE_OPTIONS, concurrency: 2 },
      sharing: {
        mailer: smtpShareMailer({ url: smtp.url, from: "billing@mail.billcycle.test", timeoutMs: 5_000 }),
        issueBillDocument: issueBillAtShareTime,
        linkKey: shareLinkKeyFrom(Buffer.alloc(32, 9)),
        publicUrl: "https://app.billcycle.test",
      },
    };
  });
  afterAll(async () => {
    ports?.sharing.mailer?.close();
    await smtp?.close();
    await fake?.stop();
    await database?.dispose();
  });

  /** A practice in `zone` with bills at 00:00, autopay, superbills on day 31, sharing after 60 minutes; one client. */
  const site = async (zone: string, name: string, now: Date): Promise<Site> => {
    const p = await createBillingPractice(database, zone, now, name);
    await saveStripeSettings(database, {
      actor: p.actor,
      input: { ...TEST_KEYS, apiBaseUrl: fake.url, version: 0 },
      production: false,
      now,
    });
    const settings = { superbillDayOfMonth: 31, shareDelayMinutes: DELAY_MINUTES, autoShareEnabled: true };
    await database.db
      .update(tables.practices)
      .set({ billingSettings: sql`billing_settings || ${JSON.stringify(settings)}::jsonb` })
      .where(eq(tables.practices.id, p.practiceId));
    await configure(database, p, now, (c) => {
      c.automations.invoice_creation = { ...c.automations.invoice_creation, enabled: true, runTime: "00:00" };
      c.automations.autopay = { ...c.automations.autopay, enabled: true, runTime: "00:30" };
      c.automations.superbills = { ...c.automations.superbills, enabled: true, runTime: "01:00" };
    });
    // A self-pay client who files their own insurance: autopay, superbills and sharing on, a card on file.
    const clientId = await createClient(database, p, now, { paysBy: "self_pay" });
    const email = `night.${clientId.slice(-8)}@example.com`;
    await database.db
      .update(tables.clients)
      .set({
        autopay: true,
        autoSuperbills: true,
        autoShareDocuments: true,
        shareDocumentKinds: "both",
        email,
      })
      .where(eq(tables.clients.id, clientId));
    await addCard(database, fake, p, clientId, now, { brand: "visa", expMonth: 12, expYear: 2099 });
    return { p, clientId, email, zone };
  };

  /**
   * Runs the nights `from`..`to` of both sites with the worker's scheduler: per site and local date, the clock
   * stops just after 00:00, 00:30, 01:00 (+3 min) and 02:05, and at 12:00 (but the last day's), when that day's
   * 09:00 session is marked kept (the next night's bill). Each stop ticks the scheduler and drains the job queue, as a worker would.
   */
  const runNights = async (clock: ManualClock, sites: Site[], from: string, to: string) => {
    type Stop = { at: Date; session?: Site; date?: string };
    const stops: Stop[] = [];
    for (const s of sites) {
      for (const date of datesFrom(from, to)) {
        const midnight = at(date, "00:00", s.zone).getTime();
        for (const m of [1, 31, 63, 125]) stops.push({ at: new Date(midnight + m * MINUTE) });
        if (date < to) stops.push({ at: at(date, "12:00", s.zone), session: s, date });
      }
    }
    stops.sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const stop of stops) {
      if (stop.at.getTime() <= clock.now().getTime()) continue;
      clock.set(stop.at);
      if (stop.session) {
        await createAppointment(database, stop.session.p, stop.session.clientId, clock.now(), {
          localStart: `${stop.date}T09:00`,
          status: "kept",
        });
      }
      await tickScheduler(database, clock.now());
      await drainJobs({ database, clock, ports });
    }
  };

  const runsOf = async (practiceId: string, automation: AutomationKind) =>
    database.db
      .select()
      .from(tables.automationRuns)
      .where(
        and(
          eq(tables.automationRuns.practiceId, practiceId),
          eq(tables.automationRuns.automation, automation),
        ),
      )
      .orderBy(asc(tables.automationRuns.scheduledAt));

  /**
   * Every night of the site from `firstNight` on: the bill run at 00:00 created that night's bill, the 00:30 run
   * charged it (after the bill existed, once, succeeded), the share went after the delay and after the charge
   * settled, with a bill that shows the payment. Returns the nights checked.
   */
  const checkNights = async (s: Site, firstNight: string, lastNight: string) => {
    const creation = await runsOf(s.p.practiceId, "invoice_creation");
    const autopay = await runsOf(s.p.practiceId, "autopay");
    const nights = datesFrom(firstNight, lastNight);
    expect(creation.map((r) => r.localDate)).toEqual(nights);
    expect(autopay.map((r) => r.localDate)).toEqual(nights);
    for (const night of nights) {
      const bills = creation.find((r) => r.localDate === night)!;
      const pay = autopay.find((r) => r.localDate === night)!;
      // Scheduled at the practice's own 00:00 and 00:30 that night, whatever its UTC offset; neither late.
      expect(bills.scheduledAt.toISOString(), `${night} bills`).toBe(
        at(night, "00:00", s.zone).toISOString(),
      );
      expect(pay.scheduledAt.toISOString(), `${night} autopay`).toBe(
        at(night, "00:30", s.zone).toISOString(),
      );
      expect([bills.status, bills.late, pay.status, pay.late]).toEqual(["done", false, "done", false]);
      expect(bills.startedAt!.getTime()).toBeGreaterThanOrEqual(bills.scheduledAt.getTime());
      expect(pay.startedAt!.getTime()).toBeGreaterThanOrEqual(pay.scheduledAt.getTime());
      expect(pay.startedAt!.getTime()).toBeGreaterThan(bills.finishedAt!.getTime());

      // The bills created by that night's run (the first night's takes the sessions from before the window too).
      const invoices = (
        await database.db
          .select()
          .from(tables.invoices)
          .where(
            and(eq(tables.invoices.practiceId, s.p.practiceId), eq(tables.invoices.clientId, s.clientId)),
          )
      ).filter(
        (i) =>
          i.createdAt.getTime() >= bills.startedAt!.getTime() &&
          i.createdAt.getTime() <= bills.finishedAt!.getTime(),
      );
      expect(invoices.length, `${night}: a bill`).toBeGreaterThan(0);
      for (const invoice of invoices) {
        expect(invoice).toMatchObject({
          status: "open",
          paymentStatus: "paid",
          clientPaidCents: invoice.clientCents,
        });

        // Charged by the 00:30 run of the same night, once, after the bill existed.
        const attempts = await database.db
          .select()
          .from(tables.autopayAttempts)
          .where(eq(tables.autopayAttempts.invoiceId, invoice.id));
        expect(attempts.map((a) => [a.localDate, a.runId, a.status])).toEqual([[night, pay.id, "succeeded"]]);
        const [charge] = await database.db
          .select()
          .from(tables.cardCharges)
          .where(eq(tables.cardCharges.id, attempts[0]!.cardChargeId!));
        expect(charge).toMatchObject({ status: "succeeded", amountCents: invoice.clientCents });
        expect(charge!.createdAt.getTime()).toBeGreaterThan(invoice.createdAt.getTime());
        expect(charge!.createdAt.getTime()).toBeGreaterThanOrEqual(pay.startedAt!.getTime());
        expect(
          fake.paymentIntentsCreatedWith(
            stripeChargeIdempotencyKey(s.p.practiceId, `autopay:${attempts[0]!.id}`),
          ),
        ).toBe(1);

        // Shared after the delay, after the charge settled, with the bill as it then stood: paid.
        const [share] = await database.db
          .select()
          .from(tables.documentShares)
          .where(eq(tables.documentShares.invoiceId, invoice.id));
        expect(share).toMatchObject({ status: "sent" });
        expect(share!.dueAt.getTime()).toBe(invoice.createdAt.getTime() + DELAY_MINUTES * MINUTE);
        expect(share!.sentAt!.getTime()).toBeGreaterThanOrEqual(share!.dueAt.getTime());
        expect(share!.sentAt!.getTime()).toBeGreaterThan(charge!.settledAt!.getTime());
        const [bill] = await database.db
          .select()
          .from(tables.documents)
          .where(eq(tables.documents.id, share!.documentId!));
        expect(bill).toMatchObject({ kind: "invoice", invoiceId: invoice.id, amountCents: 0 });
        expect(bill!.issuedAt.getTime()).toBe(share!.sentAt!.getTime());
        const text = (await readPdfText(bill!.pdf)).text;
        expect(text).toContain("Payments applied");
        expect(text).toMatch(/Amount due \| \$0\.00/);
      }
    }
    return nights;
  };

  /** Superbill runs only on the expected dates, at 01:00 local, after that night's autopay; each shared after its delay. */
  const checkSuperbills = async (s: Site, expected: string[]) => {
    const runs = await runsOf(s.p.practiceId, "superbills");
    expect(runs.map((r) => [r.localDate, r.status, r.late])).toEqual(expected.map((d) => [d, "done", false]));
    const autopay = await runsOf(s.p.practiceId, "autopay");
    for (const run of runs) {
      expect(run.scheduledAt.toISOString()).toBe(at(run.localDate, "01:00", s.zone).toISOString());
      const pay = autopay.find((r) => r.localDate === run.localDate)!;
      expect(run.startedAt!.getTime()).toBeGreaterThan(pay.finishedAt!.getTime());
      const docs = await database.db
        .select()
        .from(tables.documents)
        .where(and(eq(tables.documents.runId, run.id), eq(tables.documents.kind, "superbill")));
      expect(docs, `${run.localDate} superbill`).toHaveLength(1);
      const sb = docs[0]!;
      // The previous month or earlier: ends before the run's month began.
      expect(sb.periodTo! < `${run.localDate.slice(0, 7)}-01`).toBe(true);
      expect(sb.issuedAt.getTime()).toBeGreaterThanOrEqual(run.startedAt!.getTime());
      const [share] = await database.db
        .select()
        .from(tables.documentShares)
        .where(eq(tables.documentShares.documentId, sb.id));
      expect(share).toMatchObject({ status: "sent" });
      expect(share!.dueAt.getTime()).toBe(sb.issuedAt.getTime() + DELAY_MINUTES * MINUTE);
      expect(share!.sentAt!.getTime()).toBeGreaterThanOrEqual(share!.dueAt.getTime());
    }
    const mails = smtp.received.filter((m) => m.to.includes(s.email));
    const sent = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(tables.documentShares)
      .where(
        and(eq(tables.documentShares.clientId, s.clientId), inArray(tables.documentShares.status, ["sent"])),
      );
    expect(mails).toHaveLength(sent[0]!.n);
  };

  it(
    "February into March: month end, superbill day 31 on February 28, New York springs forward on March 8",
    async () => {
      const clock = new ManualClock(new Date("2026-02-25T12:00:00Z"));
      const ny = await site("America/New_York", `Night NY Feb ${backend}`, clock.now());
      const syd = await site("Australia/Sydney", `Night Sydney Feb ${backend}`, clock.now());
      // A January session for February's superbill (billed on the first night with the 25th's).
      for (const s of [ny, syd]) {
        for (const date of ["2026-01-20", "2026-02-24"]) {
          await createAppointment(database, s.p, s.clientId, clock.now(), {
            localStart: `${date}T09:00`,
            status: "kept",
          });
        }
      }
      await runNights(clock, [ny, syd], "2026-02-26", "2026-03-09");

      for (const s of [ny, syd]) await checkNights(s, "2026-02-26", "2026-03-09");
      // New York's UTC offset changes under its nights: 00:00 EST is 05:00Z, 00:00 EDT is 04:00Z.
      const nyBills = await runsOf(ny.p.practiceId, "invoice_creation");
      expect(
        nyBills
          .filter((r) => r.localDate >= "2026-03-07")
          .map((r) => [r.localDate, r.scheduledAt.toISOString()]),
      ).toEqual([
        ["2026-03-07", "2026-03-07T05:00:00.000Z"],
        ["2026-03-08", "2026-03-08T05:00:00.000Z"],
        ["2026-03-09", "2026-03-09T04:00:00.000Z"],
      ]);
      // Sydney's night is New York's afternoon before: each practice runs in its own zone.
      const sydBills = await runsOf(syd.p.practiceId, "invoice_creation");
      expect(sydBills.find((r) => r.localDate === "2026-03-01")!.scheduledAt.toISOString()).toBe(
        "2026-02-28T13:00:00.000Z",
      );
      for (const s of [ny, syd]) await checkSuperbills(s, ["2026-02-28"]);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    "April: Sydney falls back on April 5 (00:00 AEDT, then 00:00 AEST)",
    async () => {
      const clock = new ManualClock(new Date("2026-04-02T06:00:00Z"));
      const ny = await site("America/New_York", `Night NY Apr ${backend}`, clock.now());
      const syd = await site("Australia/Sydney", `Night Sydney Apr ${backend}`, clock.now());
      for (const s of [ny, syd]) {
        await createAppointment(database, s.p, s.clientId, clock.now(), {
          localStart: "2026-04-01T09:00",
          status: "kept",
        });
      }
      await runNights(clock, [ny, syd], "2026-04-03", "2026-04-06");
      for (const s of [ny, syd]) {
        await checkNights(s, "2026-04-03", "2026-04-06");
        await checkSuperbills(s, []);
      }
      const sydBills = await runsOf(syd.p.practiceId, "invoice_creation");
      expect(sydBills.map((r) => [r.localDate, r.scheduledAt.toISOString()])).toEqual([
        ["2026-04-03", "2026-04-02T13:00:00.000Z"],
        ["2026-04-04", "2026-04-03T13:00:00.000Z"],
        ["2026-04-05", "2026-04-04T13:00:00.000Z"],
        ["2026-04-06", "2026-04-05T14:00:00.000Z"],
      ]);
    },
    SCENARIO_TIMEOUT_MS,
  );

  it(
    "April into May: superbill day 31 runs on April 30, the month's last day, with March's sessions",
    async () => {
      const clock = new ManualClock(new Date("2026-04-27T06:00:00Z"));
      const ny = await site("America/New_York", `Night NY May ${backend}`, clock.now());
      const syd = await site("Australia/Sydney", `Night Sydney May ${backend}`, clock.now());
      for (const s of [ny, syd]) {
        for (const date of ["2026-03-20", "2026-04-26"]) {
          await createAppointment(database, s.p, s.clientId, clock.now(), {
            localStart: `${date}T09:00`,
            status: "kept",
          });
        }
      }
      await runNights(clock, [ny, syd], "2026-04-28", "2026-05-01");
      for (const s of [ny, syd]) {
        await checkNights(s, "2026-04-28", "2026-05-01");
        await checkSuperbills(s, ["2026-04-30"]);
      }
    },
    SCENARIO_TIMEOUT_MS,
  );
});
