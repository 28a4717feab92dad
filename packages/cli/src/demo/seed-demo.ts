import {
  applyOutreachAction,
  createCreditMemo,
  createEmployerBatch,
  createInvoices,
  createPractice,
  createUser,
  getClientBalance,
  getEmployerInvoice,
  handleInboundSms,
  handleSmsStatusCallback,
  type OutreachPorts,
  payLinkKeyFrom,
  rebatchEmployerBatch,
  recordAudit,
  recordClientPayment,
  recordEmployerReceipt,
  saveInvoiceProfile,
  saveRuleSet,
  sendDueOutreach,
  startOutreachSet,
  systemActor,
} from "@billcycle/app";
import { type AppointmentStatus, localDateAt, ManualClock, npiWithCheckDigit } from "@billcycle/core";
import { type Database, newId, tables } from "@billcycle/db";
import { and, asc, eq, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { seededRandom } from "./random";

/** Meets the password rules (12+ characters, not a common password); the demo users are marked `is_demo`. */
export const DEMO_PASSWORD = "billcycle-demo";
export const demoUsers = [
  { email: "owner@demo.billcycle.test", name: "Olivia Owner", role: "owner" },
  { email: "biller@demo.billcycle.test", name: "Ben Biller", role: "biller" },
  { email: "clinician@demo.billcycle.test", name: "Cara Clinician", role: "clinician" },
  { email: "readonly@demo.billcycle.test", name: "Rita Readonly", role: "read_only" },
] as const;

const firstNames = [
  "Ava",
  "Liam",
  "Maya",
  "Noah",
  "Zoe",
  "Eli",
  "Iris",
  "Owen",
  "Lena",
  "Theo",
  "Nora",
  "Jude",
  "Ruby",
  "Cole",
  "Skye",
];
const lastNames = [
  "Alvarez",
  "Brooks",
  "Chen",
  "Dawson",
  "Ellis",
  "Foster",
  "Garcia",
  "Hughes",
  "Ibarra",
  "Jensen",
  "Kim",
  "Lopez",
];

type PracticeSpec = {
  name: string;
  timeZone: string;
  city: string;
  state: string;
  zip: string;
  clients: number;
  clinicians: Array<[string, string, string]>;
  services: Array<[string, string, number]>;
  taxonomy: string;
  pos: string;
};

const specs: PracticeSpec[] = [
  {
    name: "Riverbend Counseling",
    timeZone: "America/Chicago",
    city: "Austin",
    state: "TX",
    zip: "787011234",
    clients: 36,
    clinicians: [
      ["Hannah", "Reyes", "LPC"],
      ["Marcus", "Bell", "LCSW"],
      ["Priya", "Nair", "PsyD"],
    ],
    services: [
      ["90791", "Psychiatric diagnostic evaluation", 20000],
      ["90834", "Psychotherapy, 45 minutes", 13000],
      ["90837", "Psychotherapy, 60 minutes", 17500],
      ["90847", "Family psychotherapy with patient", 15000],
    ],
    taxonomy: "101YM0800X",
    pos: "11",
  },
  {
    name: "Harbor Occupational Health",
    timeZone: "America/Los_Angeles",
    city: "Oakland",
    state: "CA",
    zip: "946121010",
    clients: 24,
    clinicians: [
      ["Daniel", "Okafor", "MD"],
      ["Sofia", "Lindqvist", "NP"],
    ],
    services: [
      ["99203", "New patient office visit, low", 16000],
      ["99213", "Established patient visit, low", 11000],
      ["99401", "Preventive counseling, 15 minutes", 6000],
    ],
    taxonomy: "207QA0505X",
    pos: "11",
  },
];

const payerSpecs = [
  { name: "Blue Prairie Health", payerId: "BPH01", claimFilingIndicator: "BL" as const },
  { name: "Aetna Demo", payerId: "60054", claimFilingIndicator: "CI" as const },
  { name: "Medicare Part B (demo)", payerId: "MCRB1", claimFilingIndicator: "MB" as const },
];

export type DemoSummary = {
  practices: Array<{ id: string; name: string }>;
  login: { email: string; password: string };
};

/**
 * Two practices in different time zones, 5 clinicians, 60 clients, 3 payers each, a month of appointments in
 * every status around `now` — some with unsigned notes, missing insurance or missing diagnoses, so the
 * "why wasn't this billed?" answers have something to say. Deterministic; refuses to run twice.
 */
/**
 * One self-pay client of the first practice gets bills for their signed sessions, a check paying the oldest, and
 * a cash overpayment that leaves credit on account for the next bill (the Billing page has something to show).
 */
const seedDemoPayments = async (
  database: Database,
  practiceId: string,
  now: Date,
  progress: (msg: string) => void,
): Promise<void> => {
  const sessions = await database.db
    .select({ id: tables.appointments.id, clientId: tables.appointments.clientId })
    .from(tables.appointments)
    .innerJoin(tables.clients, eq(tables.clients.id, tables.appointments.clientId))
    .innerJoin(tables.progressNotes, eq(tables.progressNotes.appointmentId, tables.appointments.id))
    .where(
      and(
        eq(tables.appointments.practiceId, practiceId),
        eq(tables.appointments.status, "kept"),
        eq(tables.clients.paysBy, "self_pay"),
        eq(tables.progressNotes.signed, true),
      ),
    )
    .orderBy(asc(tables.appointments.clientId), asc(tables.appointments.startsAt));
  const clientId = sessions.find((s, i) => sessions[i + 1]?.clientId === s.clientId)?.clientId;
  if (!clientId) return;
  const { timeZone } = (
    await database.db.select().from(tables.practices).where(eq(tables.practices.id, practiceId))
  )[0]!;
  const today = localDateAt(now, timeZone);
  await createInvoices(
    database,
    {
      practiceId,
      trigger: "manual",
      runId: null,
      today,
      appointmentIds: sessions.filter((s) => s.clientId === clientId).map((s) => s.id),
      mode: "nightly",
    },
    now,
  );
  const actor = { ...systemActor(practiceId, "seed-demo"), practiceId };
  const { openInvoicesCents } = await getClientBalance(database, { actor, clientId, now });
  if (openInvoicesCents <= 0) return;
  const check = Math.min(openInvoicesCents, 10_000);
  await recordClientPayment(database, {
    actor,
    clientId,
    method: "check",
    amountCents: check,
    reference: "1042",
    idempotencyKey: `demo-check-${clientId}`,
    now,
  });
  await recordClientPayment(database, {
    actor,
    clientId,
    method: "cash",
    amountCents: openInvoicesCents - check + 4_000,
    idempotencyKey: `demo-cash-${clientId}`,
    now,
  });
  progress("demo: a client with payments and $40.00 credit on account");
};

export const seedDemo = async (
  database: Database,
  now: Date,
  progress: (msg: string) => void = () => undefined,
): Promise<DemoSummary | null> => {
  const [existing] = await database.db
    .select({ id: tables.users.id })
    .from(tables.users)
    .where(eq(tables.users.email, demoUsers[0].email));
  if (existing) return null;
  const rnd = seededRandom(20261123);
  const userIds: string[] = [];
  for (const u of demoUsers) {
    userIds.push(
      (
        await createUser(database, {
          input: { email: u.email, name: u.name, password: DEMO_PASSWORD },
          memberships: [],
          now,
          isDemo: true,
        })
      ).id,
    );
  }
  const practices: DemoSummary["practices"] = [];
  let npiStem = 123450000;
  for (const [pIndex, spec] of specs.entries()) {
    progress(`demo: creating ${spec.name} (${spec.timeZone})`);
    const { id: practiceId } = await createPractice(database, {
      input: {
        name: spec.name,
        timeZone: spec.timeZone,
        address: {
          line1: `${100 + pIndex * 20} Market Street`,
          city: spec.city,
          state: spec.state,
          zip: spec.zip,
        },
        taxId: `74-10${pIndex}2233`,
        billingNpi: npiWithCheckDigit(String(npiStem++)),
        taxonomyCode: spec.taxonomy,
        phone: "+15125550100",
        billingSettings: { requireSignedNote: true, noShowFeeCents: pIndex === 0 ? 5000 : null },
      },
      ownerUserId: null,
      now,
    });
    practices.push({ id: practiceId, name: spec.name });
    await database.db.transaction(async (tx) => {
      for (const [i, u] of demoUsers.entries()) {
        await tx.insert(tables.memberships).values({ userId: userIds[i]!, practiceId, role: u.role });
      }
      const id = () => newId(now.getTime());
      const base = { practiceId, createdAt: now, updatedAt: now };
      const locationId = id();
      await tx.insert(tables.locations).values({
        ...base,
        id: locationId,
        name: "Main office",
        placeOfServiceCode: spec.pos,
        address: {
          line1: `${100 + pIndex * 20} Market Street`,
          city: spec.city,
          state: spec.state,
          zip: spec.zip,
        },
      });
      const telehealthId = id();
      await tx.insert(tables.locations).values({
        ...base,
        id: telehealthId,
        name: "Telehealth",
        placeOfServiceCode: "10",
        address: {
          line1: `${100 + pIndex * 20} Market Street`,
          city: spec.city,
          state: spec.state,
          zip: spec.zip,
        },
      });
      const providerIds: string[] = [];
      // The demo clinician signs in as the practice's first provider: their notes and signature requests.
      const clinicianUserId = userIds[demoUsers.findIndex((u) => u.role === "clinician")]!;
      for (const [first, last, cred] of spec.clinicians) {
        const pid = id();
        providerIds.push(pid);
        await tx.insert(tables.providers).values({
          ...base,
          id: pid,
          userId: providerIds.length === 1 ? clinicianUserId : null,
          firstName: first,
          lastName: last,
          credentials: cred,
          npi: npiWithCheckDigit(String(npiStem++)),
          taxonomyCode: spec.taxonomy,
        });
      }
      const payerIds: string[] = [];
      for (const p of payerSpecs) {
        const pid = id();
        payerIds.push(pid);
        await tx.insert(tables.payers).values({ ...base, id: pid, ...p });
      }
      const serviceIds: string[] = [];
      for (const [code, description, feeCents] of spec.services) {
        const sid = id();
        serviceIds.push(sid);
        await tx.insert(tables.services).values({ ...base, id: sid, code, description, feeCents });
      }
      await tx
        .insert(tables.products)
        .values({ ...base, id: id(), name: "Card processing fee", priceCents: 300 });
      if (pIndex === 1) {
        const groupId = id();
        await tx
          .insert(tables.employerGroups)
          .values({ ...base, id: groupId, name: "Port of Oakland contractors" });
        for (const name of ["Bayline Freight", "Estuary Cranes", "Oak Street Logistics"]) {
          await tx
            .insert(tables.employers)
            .values({ ...base, id: id(), name, groupId, contactEmail: "ap@example.com" });
        }
      }
      const today = DateTime.fromJSDate(now, { zone: spec.timeZone }).startOf("day");
      let appointments = 0;
      for (let c = 0; c < spec.clients; c++) {
        const clientId = id();
        const selfPay = rnd.chance(0.2);
        const first = rnd.pick(firstNames);
        const last = rnd.pick(lastNames);
        const missingAddress = rnd.chance(0.05);
        await tx.insert(tables.clients).values({
          ...base,
          id: clientId,
          firstName: first,
          lastName: last,
          dateOfBirth: `${rnd.int(1950, 2012)}-${String(rnd.int(1, 12)).padStart(2, "0")}-${String(rnd.int(1, 28)).padStart(2, "0")}`,
          sex: rnd.pick(["F", "M", "U"] as const),
          email: `${first}.${last}.${c}@example.com`.toLowerCase(),
          phone: `+1512555${String(1000 + c).padStart(4, "0")}`,
          address: missingAddress
            ? null
            : { line1: `${rnd.int(10, 9999)} Elm Street`, city: spec.city, state: spec.state, zip: spec.zip },
          smsOptIn: rnd.chance(0.6),
          paysBy: selfPay ? "self_pay" : "insurance",
          autopay: false,
          autoShareDocuments: true,
          autoSuperbills: false,
        });
        if (!selfPay && !rnd.chance(0.12)) {
          await tx.insert(tables.insurancePolicies).values({
            ...base,
            id: id(),
            clientId,
            payerId: rnd.pick(payerIds),
            rank: "primary",
            memberId: `M${rnd.int(100000000, 999999999)}`,
            groupNumber: `G${rnd.int(1000, 9999)}`,
            subscriberRelationship: "self",
            effectiveFrom: today.minus({ years: 1 }).toISODate()!,
          });
        }
        if (!rnd.chance(0.12)) {
          await tx.insert(tables.diagnoses).values({
            ...base,
            id: id(),
            clientId,
            code: rnd.pick(
              pIndex === 0 ? ["F41.1", "F32.1", "F43.10", "F90.0"] : ["Z02.1", "M54.50", "S93.401A"],
            ),
            rank: 1,
          });
        }
        const providerId = providerIds[c % providerIds.length]!;
        for (let week = -4; week <= 1; week++) {
          if (week !== 1 && rnd.chance(0.15)) continue;
          const day = today.plus({ weeks: week, days: rnd.int(0, 4) - today.weekday + 1 });
          const startsLocal = day.set({ hour: rnd.int(8, 17), minute: rnd.pick([0, 30]) });
          const apptId = id();
          const isPast = startsLocal < DateTime.fromJSDate(now);
          const status: AppointmentStatus = !isPast
            ? "upcoming"
            : rnd.pick([
                "kept",
                "kept",
                "kept",
                "kept",
                "kept",
                "kept",
                "kept",
                "no_show",
                "late_cancel",
                "canceled",
                "upcoming",
              ]);
          await tx.insert(tables.appointments).values({
            ...base,
            id: apptId,
            clientId,
            providerId,
            locationId: rnd.chance(0.3) ? telehealthId : locationId,
            startsAt: startsLocal.toJSDate(),
            endsAt: startsLocal.plus({ minutes: 50 }).toJSDate(),
            dateOfService: startsLocal.toISODate()!,
            status,
            statusChangedAt: status === "upcoming" ? null : startsLocal.plus({ hours: 1 }).toJSDate(),
          });
          await tx.insert(tables.appointmentServices).values({
            practiceId,
            appointmentId: apptId,
            position: 0,
            serviceId: rnd.pick(serviceIds),
            units: 1,
          });
          await tx.insert(tables.appointmentStatusHistory).values({
            id: id(),
            practiceId,
            appointmentId: apptId,
            fromStatus: null,
            toStatus: "upcoming",
            at: now,
          });
          if (status !== "upcoming") {
            await tx.insert(tables.appointmentStatusHistory).values({
              id: id(),
              practiceId,
              appointmentId: apptId,
              fromStatus: "upcoming",
              toStatus: status,
              at: startsLocal.plus({ hours: 1 }).toJSDate(),
            });
          }
          if (status === "kept") {
            const signed = rnd.chance(0.85);
            await tx.insert(tables.progressNotes).values({
              ...base,
              id: id(),
              appointmentId: apptId,
              signed,
              signedAt: signed ? startsLocal.plus({ hours: 2 }).toJSDate() : null,
              signedByProviderId: signed ? providerId : null,
            });
          }
          appointments++;
        }
      }
      await recordAudit(tx, systemActor(practiceId, "seed-demo"), "create", "demo_data", practiceId, now, {
        clients: spec.clients,
        appointments,
      });
      progress(`demo: ${spec.name}: ${spec.clients} clients, ${appointments} appointments`);
    });
    if (pIndex === 0) await seedDemoPayments(database, practiceId, now, progress);
    if (pIndex === 0) await seedDemoOutreach(database, practiceId, now, progress);
    if (pIndex === 1) await seedDemoEmployerBilling(database, practiceId, now, progress);
  }
  return { practices, login: { email: demoUsers[0].email, password: DEMO_PASSWORD } };
};

/**
 * The occupational-health practice bills employers: invoices on, a profile, half its clients' cases billed to the
 * group's employers (one with its own fee), a group batch for the earlier weeks, a batch for one employer, a
 * partial check and a re-batch that shows it, a credit memo re-billing one encounter to the client, and an EFT
 * partly applied (the rest unapplied). Through the use cases, as a biller would.
 */
const seedDemoEmployerBilling = async (
  database: Database,
  practiceId: string,
  now: Date,
  progress: (msg: string) => void,
): Promise<void> => {
  const actor = { ...systemActor(practiceId, "seed-demo"), practiceId };
  await database.db.execute(sql`
    UPDATE practices SET billing_settings = billing_settings || '{"invoicesEnabled": true}'::jsonb WHERE id = ${practiceId}`);
  const employers = await database.db
    .select({ id: tables.employers.id, groupId: tables.employers.groupId })
    .from(tables.employers)
    .where(eq(tables.employers.practiceId, practiceId))
    .orderBy(asc(tables.employers.name));
  const [service] = await database.db
    .select({ id: tables.services.id })
    .from(tables.services)
    .where(eq(tables.services.practiceId, practiceId))
    .orderBy(asc(tables.services.code));
  await database.db
    .update(tables.employers)
    .set({
      termsDays: 30,
      contacts: [{ name: "Accounts Payable", email: "ap@example.com", billing: true }],
      feeSchedule: service ? [{ serviceId: service.id, feeCents: 14000 }] : [],
    })
    .where(eq(tables.employers.id, employers[0]!.id));
  const clients = await database.db
    .select({ id: tables.clients.id })
    .from(tables.clients)
    .where(eq(tables.clients.practiceId, practiceId))
    .orderBy(asc(tables.clients.id));
  for (const [i, c] of clients.slice(0, 12).entries()) {
    await database.db
      .update(tables.clients)
      .set({ employerId: employers[i % employers.length]!.id, billTo: "employer" })
      .where(eq(tables.clients.id, c.id));
  }
  await saveInvoiceProfile(database, {
    actor,
    employerId: null,
    version: 0,
    profile: {
      header: { name: "Harbor Occupational Health", lines: ["120 Market Street", "Oakland, CA 94612"] },
      remitTo: { lines: ["Harbor Occupational Health", "PO Box 2040", "Oakland, CA 94612"] },
      columns: ["employee_name", "employee_id", "date_of_service", "service", "authorization", "amount"],
      grouping: "employee",
      delivery: "email",
      numberPrefix: "INV-",
    },
    now,
  });
  const zone = "America/Los_Angeles";
  const twoWeeksAgo = DateTime.fromJSDate(now, { zone }).minus({ weeks: 2 }).toISODate()!;
  const groupId = employers[0]!.groupId!;
  const first = await createEmployerBatch(database, {
    actor,
    groupId,
    dosTo: twoWeeksAgo,
    note: "Monthly pull for the Port contractors",
    now,
  }).catch(() => null);
  const second = await createEmployerBatch(database, { actor, employerId: employers[0]!.id, now }).catch(
    () => null,
  );
  const today = DateTime.fromJSDate(now, { zone }).toISODate()!;
  const firstInvoice = first?.invoices[0];
  if (first && firstInvoice) {
    await recordEmployerReceipt(database, {
      actor,
      employerId: firstInvoice.employerId,
      method: "check",
      reference: "10452",
      receivedOn: today,
      amountCents: Math.floor(firstInvoice.totalCents / 2),
      apply: [{ invoiceId: firstInvoice.id, amountCents: Math.floor(firstInvoice.totalCents / 2) }],
      now,
    });
    await rebatchEmployerBatch(database, {
      actor,
      batchNumber: first.batch.number,
      note: "Resent with payment",
      now,
    });
  }
  const secondInvoice = second?.invoices[0];
  if (secondInvoice) {
    const detail = await getEmployerInvoice(database.db, { actor, invoiceId: secondInvoice.id });
    const wrong = detail.lines[0];
    if (wrong && detail.lines.length > 1) {
      await createCreditMemo(database, {
        actor,
        invoiceId: secondInvoice.id,
        appointmentIds: [wrong.appointmentId],
        reason: "Personal visit, not work-related",
        rebillTo: "client",
        now,
      });
    }
    await recordEmployerReceipt(database, {
      actor,
      employerId: secondInvoice.employerId,
      method: "eft",
      reference: "EFT-88213",
      receivedOn: today,
      amountCents: 20000,
      apply: [{ invoiceId: secondInvoice.id, amountCents: Math.min(5000, secondInvoice.totalCents) }],
      now,
    });
  }
  progress(
    `demo: Harbor Occupational Health: employer batches ${[first?.batch.number, second?.batch.number].filter(Boolean).join(", ")}`,
  );
};

/**
 * The counseling practice's patient outreach: a default rule set (SMS, email, SMS) and one invoice set in every
 * status, each with a timeline — messages sent and their delivery reports, a patient's reply, a payment that made
 * a set Paid, a pause, a cancel, a write-off and collections. Lived through the use cases on a simulated clock
 * over the last ten days, so the sets, messages, events and the ledger agree. The messages go to a demo provider
 * that accepts them (nothing leaves the machine); the pay links in them are text only (signed with a demo key).
 */
const seedDemoOutreach = async (
  database: Database,
  practiceId: string,
  now: Date,
  progress: (msg: string) => void,
): Promise<void> => {
  const actor = { ...systemActor(practiceId, "seed-demo"), practiceId, role: "owner" as const };
  const { timeZone } = (
    await database.db.select().from(tables.practices).where(eq(tables.practices.id, practiceId))
  )[0]!;
  const at = (daysAgo: number, hour: number): Date =>
    DateTime.fromJSDate(now, { zone: timeZone }).minus({ days: daysAgo }).set({ hour, minute: 0 }).toJSDate();
  const start = at(10, 10);
  const statuses = [
    "paid",
    "paused",
    "expired",
    "cancelled",
    "written_off",
    "collections",
    "active",
    "failed",
    "will_fail",
  ] as const;
  // Patients with kept, signed sessions before the sets start and no bill yet, self-pay for their balance.
  const sessions = await database.db
    .select({ id: tables.appointments.id, clientId: tables.appointments.clientId })
    .from(tables.appointments)
    .innerJoin(tables.progressNotes, eq(tables.progressNotes.appointmentId, tables.appointments.id))
    .where(
      and(
        eq(tables.appointments.practiceId, practiceId),
        eq(tables.appointments.status, "kept"),
        eq(tables.progressNotes.signed, true),
        sql`${tables.appointments.startsAt} < ${at(11, 0).toISOString()}::timestamptz`,
        sql`NOT EXISTS (SELECT 1 FROM invoices i WHERE i.practice_id = ${practiceId}::uuid
          AND i.client_id = ${tables.appointments.clientId})`,
      ),
    )
    .orderBy(asc(tables.appointments.clientId), asc(tables.appointments.startsAt));
  const clientIds = [...new Set(sessions.map((s) => s.clientId))].slice(0, statuses.length);
  if (clientIds.length < statuses.length) return;
  const patient = Object.fromEntries(statuses.map((s, i) => [s, clientIds[i]!])) as Record<
    (typeof statuses)[number],
    string
  >;
  for (const clientId of clientIds) {
    await database.db
      .update(tables.clients)
      .set({
        paysBy: "self_pay",
        smsOptIn: true,
        emailOptIn: true,
        ...(clientId === patient.will_fail ? { phone: null } : {}),
      })
      .where(eq(tables.clients.id, clientId));
  }
  await createInvoices(
    database,
    {
      practiceId,
      trigger: "manual",
      runId: null,
      today: localDateAt(at(11, 12), timeZone),
      appointmentIds: sessions.filter((s) => clientIds.includes(s.clientId)).map((s) => s.id),
      mode: "nightly",
    },
    at(11, 12),
  );
  await saveRuleSet(database, {
    actor,
    now: at(12, 9),
    body: {
      name: "Standard reminders",
      isDefault: true,
      steps: [
        {
          dayOffset: 0,
          channel: "sms",
          template: "Hi {first_name}, {practice_name} shows a balance of {amount}. Pay securely: {pay_link}",
          sendWindow: { start: "09:00", end: "20:00" },
        },
        {
          dayOffset: 3,
          channel: "email",
          subject: "Your balance with {practice_name}",
          template:
            "Hello {first_name},\n\nyour balance with {practice_name} is {amount}. Pay here: {pay_link}",
          sendWindow: { start: "09:00", end: "20:00" },
        },
        {
          dayOffset: 7,
          channel: "sms",
          template: "{first_name}, a last reminder of your {amount} balance: {pay_link}",
          sendWindow: { start: "09:00", end: "20:00" },
        },
      ],
    },
  });
  let sent = 0;
  const ports: OutreachPorts = {
    sms: {
      from: "+15125550100",
      send: async () => ({ kind: "sent", providerMessageId: `SMdemo${String(++sent).padStart(26, "0")}` }),
      verifyCallback: () => false,
    },
    mailer: {
      fromAddress: "billing@riverbend.example",
      send: async (email) => ({ ok: true, messageId: email.messageId }),
      close: () => undefined,
    },
    payLinkKey: payLinkKeyFrom(Buffer.alloc(32, 42)),
    publicUrl: "http://localhost:3000",
  };
  const setOf: Partial<Record<(typeof statuses)[number], string>> = {};
  const begin = async (status: (typeof statuses)[number], when: Date) => {
    setOf[status] = await startOutreachSet(database, { actor, clientId: patient[status], now: when });
  };
  const sendAt = (when: Date) => sendDueOutreach(database, practiceId, ports, new ManualClock(when));
  /** Twilio's delivery report for every SMS of these patients not yet reported. */
  const report = async (statusOf: (setId: string) => string, when: Date) => {
    const messages = await database.db
      .select({ setId: tables.outreachMessages.setId, sid: tables.outreachMessages.providerMessageId })
      .from(tables.outreachMessages)
      .where(
        and(
          eq(tables.outreachMessages.practiceId, practiceId),
          eq(tables.outreachMessages.status, "sent"),
          eq(tables.outreachMessages.channel, "sms"),
        ),
      );
    for (const m of messages) {
      const status = statusOf(m.setId);
      await handleSmsStatusCallback(database, {
        practiceId,
        params: {
          MessageSid: m.sid!,
          MessageStatus: status,
          ...(status === "undelivered" ? { ErrorCode: "30003" } : {}),
        },
        now: when,
      });
    }
  };
  for (const s of ["paid", "paused", "expired", "cancelled", "written_off", "collections"] as const)
    await begin(s, start);
  await sendAt(at(10, 10));
  await report(() => "delivered", at(10, 11));
  const paidPhone = (
    await database.db
      .select({ phone: tables.clients.phone })
      .from(tables.clients)
      .where(eq(tables.clients.id, patient.paid))
  )[0]!.phone!;
  await handleInboundSms(database, {
    practiceId,
    params: {
      From: paidPhone,
      Body: "Thanks, I will pay on Friday",
      MessageSid: "SMdemoreply0000000000000000001",
    },
    now: at(10, 14),
  });
  const action = (status: "paused" | "cancelled" | "written_off" | "collections", when: Date) => {
    const request = {
      paused: { action: "pause" as const, reason: "Patient asked for a week to review the charges" },
      cancelled: { action: "cancel" as const, reason: "Billed in error; a corrected invoice follows" },
      written_off: { action: "write_off" as const, reason: "Hardship" },
      collections: { action: "send_to_collections" as const, reason: "No response after every reminder" },
    }[status];
    return applyOutreachAction(database, { actor, setId: setOf[status]!, request, now: when });
  };
  await action("paused", at(9, 11));
  await action("cancelled", at(9, 15));
  const { openInvoicesCents } = await getClientBalance(database, {
    actor,
    clientId: patient.paid,
    now: at(8, 9),
  });
  await recordClientPayment(database, {
    actor,
    clientId: patient.paid,
    method: "check",
    amountCents: openInvoicesCents,
    reference: "2231",
    idempotencyKey: `demo-outreach-check-${patient.paid}`,
    now: at(8, 10),
  });
  await action("written_off", at(8, 16));
  await sendAt(at(7, 10));
  await sendAt(at(3, 10));
  await report(() => "delivered", at(3, 11));
  await action("collections", at(2, 10));
  await begin("active", at(1, 10));
  await begin("failed", at(1, 10));
  await sendAt(at(1, 10));
  await report((setId) => (setId === setOf.failed ? "undelivered" : "delivered"), at(1, 11));
  // Started last and not sent: no phone for its first text, so it waits as Will Fail.
  await begin("will_fail", now);
  progress(`demo: Riverbend Counseling: outreach sets in every status (${sent} texts to a demo provider)`);
};
