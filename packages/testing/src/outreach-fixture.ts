import {
  createInvoices,
  type OutreachPorts,
  payLinkKeyFrom,
  type RuleSetInput,
  saveRuleSet,
  smtpShareMailer,
  twilioSmsProvider,
} from "@billcycle/app";
import { type Database, tables } from "@billcycle/db";
import type { TwilioFake } from "@billcycle/twilio-fake";
import { and, eq } from "drizzle-orm";
import { createAppointment, createClient, type PracticeFixture } from "./billing-fixture";
import type { SmtpTestServer } from "./smtp-test-server";

export const PAY_KEY = payLinkKeyFrom(Buffer.alloc(32, 7));

/** SMS on day 0, email on day 3, SMS on day 7; every placeholder used once. */
export const THREE_STEPS: RuleSetInput = {
  name: "Standard",
  isDefault: true,
  steps: [
    {
      dayOffset: 0,
      channel: "sms",
      template: "Hi {first_name}, {practice_name} has a balance of {amount}. Pay: {pay_link}",
      sendWindow: { start: "09:00", end: "20:00" },
    },
    {
      dayOffset: 3,
      channel: "email",
      subject: "Your balance with {practice_name}",
      template: "Hello {first_name}, you owe {amount}. Pay here: {pay_link}",
      sendWindow: { start: "09:00", end: "20:00" },
    },
    {
      dayOffset: 7,
      channel: "sms",
      template: "{first_name}, last reminder: {amount}. {pay_link}",
      sendWindow: { start: "09:00", end: "20:00" },
    },
  ],
};

export const defaultRuleSet = (database: Database, p: PracticeFixture, now: Date, body = THREE_STEPS) =>
  saveRuleSet(database, { actor: p.actor, body, now });

/** A self-pay patient with contact details and one $175 issued invoice per date. */
export const patientWithBalance = async (
  database: Database,
  p: PracticeFixture,
  now: Date,
  dates: string[],
  contact: Partial<{
    firstName: string;
    phone: string | null;
    email: string | null;
    smsOptIn: boolean;
    emailOptIn: boolean;
    timeZone: string | null;
    state: string;
  }> = {},
): Promise<{ clientId: string; invoiceIds: string[] }> => {
  const clientId = await createClient(database, p, now, { paysBy: "self_pay" });
  await database.db
    .update(tables.clients)
    .set({
      firstName: contact.firstName ?? "Dana",
      phone: contact.phone === undefined ? "(512) 555-0142" : contact.phone,
      email: contact.email === undefined ? "dana@example.org" : contact.email,
      smsOptIn: contact.smsOptIn ?? true,
      emailOptIn: contact.emailOptIn ?? true,
      timeZone: contact.timeZone ?? null,
      address: { line1: "9 Elm Street", city: "Austin", state: contact.state ?? "TX", zip: "78701" },
    })
    .where(eq(tables.clients.id, clientId));
  const invoiceIds: string[] = [];
  for (const date of dates) invoiceIds.push(await issueInvoice(database, p, clientId, now, date));
  return { clientId, invoiceIds };
};

export const issueInvoice = async (
  database: Database,
  p: PracticeFixture,
  clientId: string,
  now: Date,
  date: string,
): Promise<string> => {
  await createAppointment(database, p, clientId, now, { localStart: `${date}T09:00`, status: "kept" });
  await createInvoices(
    database,
    { practiceId: p.practiceId, trigger: "manual", runId: null, today: date },
    now,
  );
  const [row] = await database.db
    .select({ id: tables.invoices.id })
    .from(tables.invoices)
    .where(and(eq(tables.invoices.clientId, clientId), eq(tables.invoices.invoiceDate, date)));
  return row!.id;
};

/** Ports that send SMS to the Twilio fake and email to the test SMTP server. */
export const outreachPorts = (twilio: TwilioFake, smtp: SmtpTestServer | null): OutreachPorts => ({
  sms: twilioSmsProvider({
    accountSid: twilio.accountSid,
    authToken: twilio.authToken,
    from: "+15125550100",
    apiUrl: twilio.url,
    // Generous: on a loaded machine a slower answer would make the outcome unknown (never re-sent).
    timeoutMs: 5_000,
  }),
  mailer: smtp ? smtpShareMailer({ url: smtp.url, from: "billing@practice.example" }) : null,
  payLinkKey: PAY_KEY,
  publicUrl: "https://billing.example",
});
