import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  defaultTransportResolver,
  type EnginePorts,
  getAutomationConfig,
  loadAppointmentFacts,
  loadBillingContext,
  openInvoices,
  practiceToday,
  runAutomation,
  scrubClaims,
  systemActor,
  type TenantActor,
  updateAutomationConfig,
  x12ClaimsPipeline,
} from "@billcycle/app";
import { seedDemo } from "@billcycle/cli";
import { type AutomationConfig, decideAppointmentBillable, ManualClock, systemClock } from "@billcycle/core";
import { type Database, migrate, newId, openDatabase, tables } from "@billcycle/db";
import { startServer } from "@billcycle/server";
import { createAppointment, createClient, type PracticeFixture } from "@billcycle/testing/billing-fixture";
import { drainJobs, startWorker, tickClock } from "@billcycle/worker";
import { and, asc, eq, inArray } from "drizzle-orm";
import { DateTime } from "luxon";

export const WEB_ROOT = fileURLToPath(new URL("../../dist", import.meta.url));
export const PASSWORD = "billcycle-demo";

export type Billcycle = {
  url: string;
  database: Database;
  riverbend: string;
  harbor: string;
  stop(): Promise<void>;
};

const silent = { info: () => undefined, error: () => undefined };

const actorFor = (practiceId: string): TenantActor =>
  ({ ...systemActor(practiceId, "e2e-setup"), practiceId }) as TenantActor;

const change = async (
  database: Database,
  practiceId: string,
  now: Date,
  fn: (c: AutomationConfig) => void,
) => {
  const { config, version } = await getAutomationConfig(database.db, practiceId);
  const next = structuredClone(config);
  fn(next);
  await updateAutomationConfig(database, {
    actor: actorFor(practiceId),
    next,
    expectedVersion: version,
    now,
  });
};

/** The practice's Pended invoices (only these clients' when given), in id order. */
const pendedInvoices = (database: Database, practiceId: string, clientIds?: string[]) =>
  database.db
    .select({ id: tables.invoices.id })
    .from(tables.invoices)
    .where(
      and(
        eq(tables.invoices.practiceId, practiceId),
        eq(tables.invoices.status, "pended"),
        clientIds ? inArray(tables.invoices.clientId, clientIds) : undefined,
      ),
    )
    .orderBy(asc(tables.invoices.id));

/** Four days before `until`; ticks land half a minute after each hour, as a running worker's would. */
const historyStart = (until: Date): Date => {
  const start = new Date(until.getTime() - 4 * 86_400_000);
  start.setUTCMinutes(0, 30, 0);
  return start;
};

/**
 * A few nights of history for one practice, made by the engine itself on a simulated clock: it started in
 * manual-review mode (a biller opened the `submitted` role's invoices and two thirds of the demo's Pended ones),
 * then switched to nightly; Invoice Processing claimed the opened insurance invoices and Claims Submission sent
 * them. At the end the biller opens the `awaiting` role's and two more and runs Invoice Processing by hand, so
 * some claims await tonight's submission; the `pended` role's invoices stay Pended.
 */
const runHistory = async (
  database: Database,
  practiceId: string,
  ports: EnginePorts,
  { from, until, roles }: { from: Date; until: Date; roles: InsuranceRoles },
) => {
  const clock = new ManualClock(from);
  await change(database, practiceId, clock.now(), (c) => {
    c.invoiceCreationMode = "manual";
    for (const k of [
      "invoice_creation",
      "invoice_processing",
      "claims_submission",
      "era_processing",
    ] as const)
      c.automations[k].enabled = true;
  });
  const step = async (hours: number) => {
    for (let h = 0; h < hours; h++) {
      clock.set(new Date(Math.min(clock.now().getTime() + 3_600_000, until.getTime() - 60_000)));
      await tickClock(database, clock.now());
      await drainJobs({ database, clock, ports });
    }
  };
  await step(26);
  const ids = async (clientIds?: string[]) =>
    (await pendedInvoices(database, practiceId, clientIds)).map((i) => i.id);
  // The roles' invoices are opened (or not) as their roles say; the demo's own as before.
  const reservedIds = new Set(await ids([...roles.submitted, ...roles.awaiting, ...roles.pended]));
  const demos = async () => (await ids()).filter((id) => !reservedIds.has(id));
  const open = async (invoiceIds: string[]) => {
    if (invoiceIds.length)
      await openInvoices(database, { actor: actorFor(practiceId), invoiceIds, now: clock.now() });
  };
  const demoPended = await demos();
  await open([
    ...(await ids(roles.submitted)),
    ...demoPended.slice(0, Math.ceil((demoPended.length * 2) / 3)),
  ]);
  await change(database, practiceId, clock.now(), (c) => {
    c.invoiceCreationMode = "nightly";
  });
  await step(96);

  await open([...(await ids(roles.awaiting)), ...(await demos()).slice(0, 2)]);
  const { today } = await practiceToday(database.db, practiceId, clock.now());
  const runId = newId(clock.now().getTime());
  await database.db.insert(tables.automationRuns).values({
    id: runId,
    practiceId,
    automation: "invoice_processing",
    trigger: "manual",
    localDate: today,
    scheduledAt: clock.now(),
    status: "queued",
    createdAt: clock.now(),
  });
  await runAutomation(database, runId, ports, clock);
};

/**
 * The demo practice as a test fixture, sessions by its first provider at its first location, with its first
 * billable service; only what a self-pay client's session needs (no payer).
 */
const demoFixture = async (database: Database, practiceId: string) => {
  const one = async <T>(rows: Promise<T[]>, what: string): Promise<T> => {
    const [row] = await rows;
    if (!row) throw new Error(`the demo practice has no ${what}`);
    return row;
  };
  const [practice, provider, location, service] = await Promise.all([
    one(
      database.db
        .select({ zone: tables.practices.timeZone })
        .from(tables.practices)
        .where(eq(tables.practices.id, practiceId)),
      "time zone",
    ),
    one(
      database.db
        .select({ id: tables.providers.id })
        .from(tables.providers)
        .where(eq(tables.providers.practiceId, practiceId))
        .orderBy(asc(tables.providers.id)),
      "provider",
    ),
    one(
      database.db
        .select({ id: tables.locations.id })
        .from(tables.locations)
        .where(eq(tables.locations.practiceId, practiceId))
        .orderBy(asc(tables.locations.name)),
      "location",
    ),
    one(
      database.db
        .select({ id: tables.services.id })
        .from(tables.services)
        .where(and(eq(tables.services.practiceId, practiceId), eq(tables.services.billable, true)))
        .orderBy(asc(tables.services.code)),
      "billable service",
    ),
  ]);
  const fixture: PracticeFixture = {
    practiceId,
    actor: actorFor(practiceId),
    zone: practice.zone,
    providerId: provider.id,
    locationId: location.id,
    // One service (as `therapy`) and no payer: a self-pay client's session needs no more.
    services: { therapy: service.id, intake: service.id, nonBillable: service.id },
    payerId: "",
  };
  return fixture;
};

/**
 * Three self-pay clients, each with a kept session and a signed note on one of the three days before the
 * history starts, so its first night bills each an invoice (one client's sessions would share one): the
 * biller-actions tests void one and write off another. The demo's own self-pay sessions depend on the calendar
 * (its random draws follow which sessions are past) and on which clients it bills to employers: some days the
 * history had no self-pay invoice at all.
 */
const selfPaySessions = async (database: Database, practiceId: string, from: Date) => {
  const fixture = await demoFixture(database, practiceId);
  const day = DateTime.fromJSDate(from, { zone: fixture.zone }).startOf("day");
  const clientIds: string[] = [];
  for (const daysBefore of [3, 2, 1]) {
    const clientId = await createClient(database, fixture, from, { paysBy: "self_pay" });
    const localStart = day.minus({ days: daysBefore }).set({ hour: 10 }).toFormat("yyyy-MM-dd'T'HH:mm");
    await createAppointment(database, fixture, clientId, from, { localStart, status: "kept" });
    clientIds.push(clientId);
  }
  return clientIds;
};

/** The insurance clients made for the history, by what the history does with their invoices. */
type InsuranceRoles = { submitted: string[]; awaiting: string[]; pended: string[] };

/**
 * Five insurance clients, each with a kept session and a signed note before the history starts, so the
 * manual-review night pends an invoice for each whatever the demo's random draws gave (some hours it pended
 * too few for the review test, some days no claim awaited submission at the end): two are reviewed that night
 * (their claims go out), one is opened at the end (its claim awaits submission), two stay Pended.
 */
const insuranceSessions = async (database: Database, practiceId: string, from: Date) => {
  const [payer] = await database.db
    .select({ id: tables.payers.id })
    .from(tables.payers)
    .where(eq(tables.payers.practiceId, practiceId))
    .orderBy(asc(tables.payers.name))
    .limit(1);
  if (!payer) throw new Error("the demo practice has no payer");
  const fixture = { ...(await demoFixture(database, practiceId)), payerId: payer.id };
  const day = DateTime.fromJSDate(from, { zone: fixture.zone }).startOf("day").minus({ days: 1 });
  // Names and birthdays of their own: a test that finds the Scrubber Rejected claim's client by both sees one row.
  const names = [
    ["Marisol", "Quintero"],
    ["Tobias", "Wexford"],
    ["Ingrid", "Halvorsen"],
    ["Desmond", "Achterberg"],
    ["Priya", "Ravindran"],
  ] as const;
  const ids: string[] = [];
  for (const [i, [first, last]] of names.entries()) {
    const clientId = await createClient(database, fixture, from, {
      paysBy: "insurance",
      name: { first, last },
      dateOfBirth: `1984-0${i + 1}-1${i + 1}`,
    });
    const localStart = day.set({ hour: 9 }).toFormat("yyyy-MM-dd'T'HH:mm");
    await createAppointment(database, fixture, clientId, from, { localStart, status: "kept" });
    ids.push(clientId);
  }
  return { submitted: ids.slice(0, 2), awaiting: ids.slice(2, 3), pended: ids.slice(3) };
};

/**
 * Two self-pay clients with a kept session yesterday whose only obstacle is its unsigned note: one by the provider
 * the demo clinician's user is linked to, one by another provider (the signature-request test signs the first and
 * may not sign the second). Made after the history, so no night has looked at them; the demo's own unsigned notes
 * depend on the time of day (its random draws follow which sessions are past).
 */
const unsignedSessions = async (database: Database, practiceId: string, now: Date) => {
  const providers = await database.db
    .select({ id: tables.providers.id, email: tables.users.email })
    .from(tables.providers)
    .leftJoin(tables.users, eq(tables.users.id, tables.providers.userId))
    .where(eq(tables.providers.practiceId, practiceId))
    .orderBy(asc(tables.providers.id));
  const clinicianProvider = providers.find((p) => p.email === CLINICIAN_EMAIL);
  const another = providers.find((p) => p.email !== CLINICIAN_EMAIL);
  if (!clinicianProvider || !another)
    throw new Error("the demo practice has no clinician-linked and other provider");
  const practice = await demoFixture(database, practiceId);
  const yesterday = DateTime.fromJSDate(now, { zone: practice.zone }).startOf("day").minus({ days: 1 });
  for (const provider of [clinicianProvider, another]) {
    const fixture = { ...practice, providerId: provider.id };
    const clientId = await createClient(database, fixture, now, { paysBy: "self_pay" });
    const localStart = yesterday.set({ hour: 7 }).toFormat("yyyy-MM-dd'T'HH:mm");
    await createAppointment(database, fixture, clientId, now, {
      localStart,
      status: "kept",
      note: "unsigned",
    });
  }
};

/** The demo user linked to a Harbor provider. */
const CLINICIAN_EMAIL = "clinician@demo.billcycle.test";

/** The biller opens these clients' invoices the manual-review night left Pended (only an Open or Processed
 * invoice has lines to write off). */
const openClientInvoices = async (database: Database, practiceId: string, clientIds: string[], now: Date) => {
  const pended = await pendedInvoices(database, practiceId, clientIds);
  if (pended.length)
    await openInvoices(database, { actor: actorFor(practiceId), invoiceIds: pended.map((i) => i.id), now });
};

/**
 * A data gap the claim scrubber blocks: the insurance policy of one claim awaiting submission loses its member
 * (subscriber) id, and the claim is scrubbed as Claims Submission would: it becomes Scrubber Rejected
 * (SUBSCRIBER_ID_MISSING) until someone fixes the policy and re-scrubs it.
 */
const rejectOneClaim = async (database: Database, practiceId: string, now: Date) => {
  const [claim] = await database.db
    .select({ id: tables.claims.id, policyId: tables.claims.policyId })
    .from(tables.claims)
    .where(and(eq(tables.claims.practiceId, practiceId), eq(tables.claims.status, "awaiting_submission")))
    .orderBy(asc(tables.claims.id))
    .limit(1);
  if (!claim?.policyId) throw new Error("the engine history left no claim awaiting submission");
  await database.db
    .update(tables.insurancePolicies)
    .set({ memberId: " " })
    .where(eq(tables.insurancePolicies.id, claim.policyId));
  const { today } = await practiceToday(database.db, practiceId, now);
  const [result] = await database.db.transaction((tx) =>
    scrubClaims(tx, { practiceId, claimIds: [claim.id], today, now, actor: "e2e-setup" }),
  );
  if (!result?.blocked) throw new Error("the scrubber did not block the claim without a member id");
};

/**
 * The real thing on a fresh embedded database: migrations, the demo practices, the API server serving the built
 * web app, and the worker (so on-Kept invoices appear). Riverbend is left as the demo seeds it (automations off);
 * Harbor gets a few nights of engine history through the X12 claims pipeline so invoices, claims (one client's
 * Scrubber Rejected) and runs have something to show.
 */
export const startBillcycle = async (): Promise<Billcycle> => {
  const dataDir = mkdtempSync(join(tmpdir(), "billcycle-e2e-"));
  const database = await openDatabase({ kind: "pglite", dataDir });
  await migrate(database);
  const now = new Date();
  const summary = await seedDemo(database, now);
  if (!summary) throw new Error("demo data already present");
  const riverbend = summary.practices.find((p) => p.name.startsWith("Riverbend"))!.id;
  const harbor = summary.practices.find((p) => p.name.startsWith("Harbor"))!.id;
  // The real claims pipeline (scrubber, 837P, acknowledgments and 835s) over the embedded directory drop.
  const ports: EnginePorts = {
    claims: x12ClaimsPipeline({
      transportFor: defaultTransportResolver({ dropRoot: join(dataDir, "clearinghouse") }),
    }),
  };
  const from = historyStart(now);
  const selfPayClients = await selfPaySessions(database, harbor, from);
  const roles = await insuranceSessions(database, harbor, from);
  await runHistory(database, harbor, ports, { from, until: now, roles });
  await openClientInvoices(database, harbor, selfPayClients, now);
  await rejectOneClaim(database, harbor, now);
  await unsignedSessions(database, harbor, now);
  const worker = await startWorker({ database, clock: systemClock, ports, tickMs: 60_000, pollMs: 250 });
  const server = await startServer(
    { database, clock: systemClock, logger: silent, webRoot: WEB_ROOT },
    { port: 0, host: "127.0.0.1" },
  );
  return {
    url: server.url,
    database,
    riverbend,
    harbor,
    stop: async () => {
      await server.close().catch(() => undefined);
      await worker.stop().catch(() => undefined);
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

export type SessionPick = { appointmentId: string; clientName: string; dateOfService: string };

const describe = async (database: Database, appointmentId: string, clientId: string, dos: string) => {
  const [c] = await database.db
    .select({ first: tables.clients.firstName, last: tables.clients.lastName })
    .from(tables.clients)
    .where(eq(tables.clients.id, clientId));
  return { appointmentId, clientName: `${c?.first} ${c?.last}`, dateOfService: dos };
};

/**
 * Sessions the flows act on, chosen by the engine's own decision: a past Upcoming session that bills once it is
 * kept with a signed note, and a kept session whose only obstacle is `reason`.
 */
export const pickSessions = async (database: Database, practiceId: string) => {
  const { today } = await practiceToday(database.db, practiceId, new Date());
  const ctx = await loadBillingContext(database.db, practiceId, today);
  const facts = await loadAppointmentFacts(database.db, practiceId, { dosTo: today, onlyUninvoiced: true });
  const billableOnceKept = facts.find(
    (f) =>
      f.status === "upcoming" &&
      f.dateOfService < today &&
      !f.note &&
      decideAppointmentBillable({ ...f, status: "kept", note: { signed: true } }, ctx.eligibility).billable,
  );
  const onlyReason = (code: string) =>
    facts.find((f) => {
      if (f.status !== "kept") return false;
      const d = decideAppointmentBillable(f, ctx.eligibility);
      return !d.billable && d.reasons.length === 1 && d.reasons[0]?.code === code;
    });
  const unsigned = onlyReason("NOTE_NOT_SIGNED");
  if (!billableOnceKept || !unsigned) throw new Error("the demo data has no session for a flow");
  return {
    toKeep: await describe(
      database,
      billableOnceKept.appointmentId,
      billableOnceKept.clientId,
      billableOnceKept.dateOfService,
    ),
    unsigned: await describe(database, unsigned.appointmentId, unsigned.clientId, unsigned.dateOfService),
  };
};

/**
 * The first claim the seeded engine history submitted for a practice, its lines, and the payee an 835 for it must
 * name (N1*PE NPI and REF*TJ: one addressed to another payee is refused).
 */
export const firstSubmittedClaim = async (database: Database, practiceId: string) => {
  const [claim] = await database.db
    .select()
    .from(tables.claims)
    .where(and(eq(tables.claims.practiceId, practiceId), eq(tables.claims.status, "submitted")))
    .orderBy(asc(tables.claims.id))
    .limit(1);
  if (!claim) throw new Error("no submitted claim in the seeded practice");
  const lines = await database.db
    .select()
    .from(tables.claimLines)
    .where(eq(tables.claimLines.claimId, claim.id))
    .orderBy(asc(tables.claimLines.lineNumber));
  const [practice] = await database.db
    .select({ billingNpi: tables.practices.billingNpi, taxId: tables.practices.taxId })
    .from(tables.practices)
    .where(eq(tables.practices.id, practiceId));
  const payee = { npi: practice!.billingNpi, taxId: practice!.taxId.replace(/\D/g, "") };
  return { claim, lines, payee };
};
