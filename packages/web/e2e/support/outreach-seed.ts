import { randomBytes } from "node:crypto";
import {
  applyOutreachAction,
  createInvoices,
  getClientBalance,
  handleInboundSms,
  handleSmsStatusCallback,
  loadSetViews,
  payLinkKeyFrom,
  practiceToday,
  type RuleSetInput,
  recordClientPayment,
  saveRuleSet,
  sendDueOutreach,
  startOutreachSet,
  type TenantActor,
  twilioSmsProvider,
} from "@billcycle/app";
import { ManualClock, type OutreachSetStatus } from "@billcycle/core";
import { type Database, pgArray, runPrepared, tables } from "@billcycle/db";
import type { TwilioFake } from "@billcycle/twilio-fake";
import { eq, sql } from "drizzle-orm";

/** The roles the browser test needs, one patient each. */
export const seededRoles = [
  "toggle",
  "active",
  "paused",
  "willFail",
  "failed",
  "expired",
  "writtenOff",
  "collections",
  "cancelled",
  "paid",
] as const;
export type SeededRole = (typeof seededRoles)[number];

export type SeededSet = {
  setId: string;
  clientId: string;
  name: string;
  status: OutreachSetStatus;
  amountOutstandingCents: number;
};

export type OutreachSeed = {
  sets: Record<SeededRole, SeededSet>;
  /** A phone four of the patients share (one family): a search by it finds sets in three statuses. */
  sharedPhone: string;
  replyText: string;
  ruleSets: { standard: string; finalNotice: string };
};

const STANDARD: RuleSetInput = {
  // Not the demo's own "Standard reminders": rule set names are unique in a practice.
  name: "Standard reminders (walk)",
  isDefault: true,
  steps: [
    {
      dayOffset: 0,
      channel: "sms",
      template: "Hi {first_name}, {practice_name} has a balance of {amount} for you. Pay: {pay_link}",
      sendWindow: { start: "09:00", end: "20:00" },
    },
    {
      dayOffset: 5,
      channel: "email",
      subject: "Your balance with {practice_name}",
      template: "Hello {first_name}, you owe {amount}. Pay here: {pay_link}",
      sendWindow: { start: "09:00", end: "20:00" },
    },
    {
      dayOffset: 12,
      channel: "sms",
      template: "{first_name}, last reminder from {practice_name}: {amount}. {pay_link}",
      sendWindow: { start: "09:00", end: "20:00" },
    },
  ],
};

const FINAL_NOTICE: RuleSetInput = {
  name: "Final notice",
  isDefault: false,
  steps: [
    {
      dayOffset: 0,
      channel: "sms",
      template: "{first_name}, {practice_name} still shows {amount} owed. Pay today: {pay_link}",
      sendWindow: { start: "09:00", end: "20:00" },
    },
  ],
};

const SHARED_PHONE = "(512) 555-0142";
const DAY = 86_400_000;

/**
 * Patients of the practice with kept, signed, uninvoiced sessions at least three days old and no open invoice
 * set, self-pay ones first: each gets the invoices of those sessions (the demo leaves most sessions unbilled).
 */
const pickPatients = async (database: Database, practiceId: string, upTo: string, count: number) => {
  const rows = await runPrepared<{ client_id: string; name: string; appointment_ids: string[] }>(
    database.db,
    sql`SELECT c.id::text AS client_id, c.first_name || ' ' || c.last_name AS name,
        array_agg(a.id::text ORDER BY a.starts_at) AS appointment_ids
      FROM appointments a
        JOIN clients c ON c.practice_id = a.practice_id AND c.id = a.client_id
        JOIN progress_notes n ON n.practice_id = a.practice_id AND n.appointment_id = a.id AND n.signed
      WHERE a.practice_id = ${practiceId}::uuid AND a.status = 'kept' AND a.date_of_service <= ${upTo}::date
        AND c.active
        -- No payments yet: credit on account (the demo's) would pay the new invoices at once.
        AND NOT EXISTS (SELECT 1 FROM payments pm WHERE pm.practice_id = c.practice_id AND pm.client_id = c.id)
        AND NOT EXISTS (SELECT 1 FROM appointment_invoices ai WHERE ai.appointment_id = a.id)
        AND NOT EXISTS (SELECT 1 FROM outreach_sets s WHERE s.practice_id = c.practice_id AND s.client_id = c.id)
        -- A name no other client of the practice has: the screen is searched by name, and the demo's own sets
        -- (for other clients) would share its rows.
        AND NOT EXISTS (SELECT 1 FROM clients o WHERE o.practice_id = c.practice_id AND o.id <> c.id
          AND o.first_name = c.first_name AND o.last_name = c.last_name)
      GROUP BY c.id, c.first_name, c.last_name, c.pays_by
      ORDER BY (c.pays_by = 'self_pay') DESC, c.id`,
  );
  return rows.slice(0, count);
};

/**
 * Invoice sets in every status of the seed, made the way the product makes them: rule sets saved and sets started
 * by the biller; the Final-notice text sent to the Twilio fake (delivered, then answered by the patient) so that
 * set Expired; the set of a patient without a phone predicted Will Fail and, once its step came due, Failed; the
 * rest paused, written off, sent to collections, cancelled or paid by the biller's actions and a payment.
 */
export const seedOutreach = async (
  database: Database,
  practiceId: string,
  twilio: TwilioFake,
  now: Date,
): Promise<OutreachSeed> => {
  const [biller] = await database.db
    .select({ id: tables.users.id })
    .from(tables.users)
    .where(eq(tables.users.email, "biller@demo.billcycle.test"));
  if (!biller) throw new Error("the demo has no biller");
  const actor: TenantActor = { userId: biller.id, practiceId, role: "biller", label: `user:${biller.id}` };

  // Three days ago: invoices issued, rule sets saved, and two sets started whose step has gone out since.
  const t0 = new Date(now.getTime() - 3 * DAY);
  const { today } = await practiceToday(database.db, practiceId, t0);
  // A few spare patients: a session the engine will not bill (an exclusion, a waiver) leaves one with nothing owed.
  const candidates = await pickPatients(database, practiceId, today, seededRoles.length + 4);
  for (const c of candidates) {
    await database.db
      .update(tables.clients)
      .set({ paysBy: "self_pay", smsOptIn: true })
      .where(eq(tables.clients.id, c.client_id));
  }
  await createInvoices(
    database,
    {
      practiceId,
      trigger: "manual",
      runId: null,
      today,
      appointmentIds: candidates.flatMap((p) => p.appointment_ids),
      mode: "nightly",
    },
    t0,
  );
  const owing = await runPrepared<{ client_id: string }>(
    database.db,
    sql`SELECT DISTINCT client_id::text AS client_id FROM invoices
      WHERE practice_id = ${practiceId}::uuid AND status IN ('open', 'processed')
        AND client_cents > client_paid_cents + client_written_off_cents
        AND client_id = ANY(${pgArray(
          candidates.map((c) => c.client_id),
          "uuid",
        )}::uuid[])`,
  );
  const owes = new Set(owing.map((o) => o.client_id));
  const patients = candidates.filter((c) => owes.has(c.client_id)).slice(0, seededRoles.length);
  if (patients.length < seededRoles.length)
    throw new Error(
      `the demo has ${patients.length} patients to invoice, the test needs ${seededRoles.length}`,
    );
  const byRole = new Map(seededRoles.map((role, i) => [role, patients[i]!]));
  const patient = (role: SeededRole) => byRole.get(role)!;
  const sharesPhone: SeededRole[] = ["toggle", "active", "paused", "expired"];
  const noPhone: SeededRole[] = ["willFail", "failed"];
  for (const role of seededRoles) {
    if (!noPhone.includes(role) && !sharesPhone.includes(role)) continue;
    await database.db
      .update(tables.clients)
      .set({ phone: noPhone.includes(role) ? null : SHARED_PHONE })
      .where(eq(tables.clients.id, patient(role).client_id));
  }
  const standard = await saveRuleSet(database, { actor, body: STANDARD, now: t0 });
  const finalNotice = await saveRuleSet(database, { actor, body: FINAL_NOTICE, now: t0 });

  const setIds = new Map<SeededRole, string>();
  const begin = async (role: SeededRole, at: Date, ruleSetId = standard.id) => {
    const id = await startOutreachSet(database, {
      actor,
      clientId: patient(role).client_id,
      ruleSetId,
      now: at,
    });
    setIds.set(role, id);
    return id;
  };
  const failedId = await begin("failed", t0, finalNotice.id);
  const expiredId = await begin("expired", t0, finalNotice.id);

  // The worker's send, on a clock at the later of the two steps' send times.
  const due = await database.db
    .select({ at: tables.outreachSets.nextSendAt })
    .from(tables.outreachSets)
    .where(sql`${tables.outreachSets.id} IN (${failedId}::uuid, ${expiredId}::uuid)`);
  const sendAt = new Date(Math.max(...due.map((d) => d.at?.getTime() ?? t0.getTime())));
  const clock = new ManualClock(sendAt);
  const ports = {
    sms: twilioSmsProvider({
      accountSid: twilio.accountSid,
      authToken: twilio.authToken,
      from: "+15125550100",
      apiUrl: twilio.url,
      timeoutMs: 5_000,
    }),
    mailer: null,
    payLinkKey: payLinkKeyFrom(randomBytes(32)),
    publicUrl: "https://billing.example",
  };
  const sent = await sendDueOutreach(database, practiceId, ports, clock);
  if (sent.sent < 1 || sent.failed < 1) throw new Error(`outreach sent ${JSON.stringify(sent)}`);
  const sid = twilio.messages.find((m) => m.to === "+15125550142")?.sid;
  if (!sid) throw new Error("the Twilio fake received no text for the Expired set");
  const later = (minutes: number) => new Date(sendAt.getTime() + minutes * 60_000);
  await handleSmsStatusCallback(database, {
    practiceId,
    params: { MessageSid: sid, MessageStatus: "delivered" },
    now: later(1),
  });
  const replyText = "I can pay half on Friday";
  await handleInboundSms(database, {
    practiceId,
    params: { From: "+15125550142", Body: replyText, MessageSid: `SM${randomBytes(16).toString("hex")}` },
    now: later(90),
  });
  const owed = await getClientBalance(database, {
    actor,
    clientId: patient("expired").client_id,
    now: later(120),
  });
  await recordClientPayment(database, {
    actor,
    clientId: patient("expired").client_id,
    method: "cash",
    amountCents: Math.floor(owed.openInvoicesCents / 2),
    idempotencyKey: `e2e-outreach-half-${expiredId}`,
    now: later(24 * 60),
  });

  // Today: the rest, started by the biller, some then acted on.
  for (const role of [
    "toggle",
    "active",
    "paused",
    "willFail",
    "writtenOff",
    "collections",
    "cancelled",
    "paid",
  ] as const)
    await begin(role, now);
  const act = (role: SeededRole, action: "pause" | "write_off" | "send_to_collections" | "cancel") =>
    applyOutreachAction(database, { actor, setId: setIds.get(role)!, request: { action }, now });
  await act("paused", "pause");
  await act("writtenOff", "write_off");
  await act("collections", "send_to_collections");
  await act("cancelled", "cancel");
  const paid = await getClientBalance(database, { actor, clientId: patient("paid").client_id, now });
  await recordClientPayment(database, {
    actor,
    clientId: patient("paid").client_id,
    method: "check",
    amountCents: paid.openInvoicesCents,
    reference: "2231",
    idempotencyKey: `e2e-outreach-paid-${setIds.get("paid")}`,
    now,
  });

  const expected: Record<SeededRole, OutreachSetStatus> = {
    toggle: "active",
    active: "active",
    paused: "paused",
    willFail: "will_fail",
    failed: "failed",
    expired: "expired",
    writtenOff: "written_off",
    collections: "collections",
    cancelled: "cancelled",
    paid: "paid",
  };
  const views = await loadSetViews(database.db, practiceId, [...setIds.values()]);
  const sets = {} as Record<SeededRole, SeededSet>;
  for (const role of seededRoles) {
    const row = views.find((v) => v.id === setIds.get(role));
    if (row?.status !== expected[role])
      throw new Error(`the ${role} set is ${row?.status ?? "missing"}, not ${expected[role]}`);
    sets[role] = {
      setId: row.id,
      clientId: patient(role).client_id,
      name: patient(role).name,
      status: row.status,
      amountOutstandingCents: row.amountOutstandingCents,
    };
  }
  return {
    sets,
    sharedPhone: SHARED_PHONE,
    replyText,
    ruleSets: { standard: standard.id, finalNotice: finalNotice.id },
  };
};
