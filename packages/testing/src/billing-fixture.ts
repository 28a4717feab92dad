import {
  appointmentsResource,
  changeAppointmentStatus,
  createPractice,
  createResource,
  getAutomationConfig,
  type TenantActor,
  updateAutomationConfig,
} from "@billcycle/app";
import { type AppointmentStatus, type AutomationConfig, npiWithCheckDigit } from "@billcycle/core";
import { type Database, newId, tables } from "@billcycle/db";
import { DateTime } from "luxon";

let npiStem = 223450000;

export type PracticeFixture = {
  practiceId: string;
  actor: TenantActor;
  zone: string;
  providerId: string;
  locationId: string;
  services: { therapy: string; intake: string; nonBillable: string };
  payerId: string;
};

/** A practice with a provider, a location, a payer and three services (one not billable). */
export const createBillingPractice = async (
  database: Database,
  zone: string,
  now: Date,
  name = "Fixture Practice",
): Promise<PracticeFixture> => {
  const { id: practiceId } = await createPractice(database, {
    input: {
      name,
      timeZone: zone,
      address: { line1: "1 Main Street", city: "Austin", state: "TX", zip: "787011234" },
      taxId: "12-3456789",
      billingNpi: npiWithCheckDigit(String(npiStem++)),
      taxonomyCode: "101YM0800X",
      phone: "512-555-0100",
      billingContactEmail: "billing@fixture-practice.example",
    },
    ownerUserId: null,
    now,
  });
  const actor: TenantActor = { userId: null, practiceId, role: "owner", label: "test" };
  const base = { practiceId, createdAt: now, updatedAt: now };
  const providerId = newId();
  const locationId = newId();
  const payerId = newId();
  const therapy = newId();
  const intake = newId();
  const nonBillable = newId();
  await database.db.transaction(async (tx) => {
    await tx.insert(tables.providers).values({
      ...base,
      id: providerId,
      firstName: "Hana",
      lastName: "Reyes",
      npi: npiWithCheckDigit(String(npiStem++)),
      taxonomyCode: "101YM0800X",
    });
    await tx.insert(tables.locations).values({
      ...base,
      id: locationId,
      name: "Office",
      placeOfServiceCode: "11",
      address: { line1: "1 Main Street", city: "Austin", state: "TX", zip: "787011234" },
    });
    await tx
      .insert(tables.payers)
      .values({ ...base, id: payerId, name: "Blue Prairie", payerId: "BPH01", claimFilingIndicator: "BL" });
    await tx.insert(tables.services).values([
      { ...base, id: therapy, code: "90837", description: "Psychotherapy, 60 minutes", feeCents: 17500 },
      { ...base, id: intake, code: "90791", description: "Diagnostic evaluation", feeCents: 20000 },
      {
        ...base,
        id: nonBillable,
        code: "99999",
        description: "Admin time",
        feeCents: 0,
        billable: false,
        insuranceEligible: false,
      },
    ]);
  });
  return {
    practiceId,
    actor,
    zone,
    providerId,
    locationId,
    services: { therapy, intake, nonBillable },
    payerId,
  };
};

export type ClientOptions = {
  paysBy?: "insurance" | "self_pay";
  policy?: { from: string; to?: string | null } | null;
  diagnosis?: boolean;
  address?: boolean;
  /** "Test Client", born 1990-05-05, unless given. */
  name?: { first: string; last: string };
  dateOfBirth?: string;
};

export const createClient = async (
  database: Database,
  p: PracticeFixture,
  now: Date,
  o: ClientOptions = {},
): Promise<string> => {
  const clientId = newId();
  const base = { practiceId: p.practiceId, createdAt: now, updatedAt: now };
  const paysBy = o.paysBy ?? "insurance";
  await database.db.transaction(async (tx) => {
    await tx.insert(tables.clients).values({
      ...base,
      id: clientId,
      firstName: o.name?.first ?? "Test",
      lastName: o.name?.last ?? "Client",
      dateOfBirth: o.dateOfBirth ?? "1990-05-05",
      sex: "F",
      address:
        o.address === false ? null : { line1: "9 Elm Street", city: "Austin", state: "TX", zip: "78701" },
      paysBy,
      autopay: false,
      autoShareDocuments: true,
      autoSuperbills: false,
    });
    const policy =
      o.policy === undefined ? (paysBy === "insurance" ? { from: "2020-01-01" } : null) : o.policy;
    if (policy) {
      await tx.insert(tables.insurancePolicies).values({
        ...base,
        id: newId(),
        clientId,
        payerId: p.payerId,
        rank: "primary",
        memberId: "M123456789",
        subscriberRelationship: "self",
        effectiveFrom: policy.from,
        effectiveTo: policy.to ?? null,
      });
    }
    if (o.diagnosis !== false)
      await tx.insert(tables.diagnoses).values({ ...base, id: newId(), clientId, code: "F41.1", rank: 1 });
  });
  return clientId;
};

export type AppointmentOptions = {
  /** Practice-local start, "2026-03-02T10:00". */
  localStart: string;
  status?: AppointmentStatus;
  services?: string[];
  note?: "signed" | "unsigned" | "none";
  /** Another provider of the practice than the fixture's own. */
  providerId?: string;
};

/** Schedules an appointment through the use case (so date of service and history are real), then sets its status. */
export const createAppointment = async (
  database: Database,
  p: PracticeFixture,
  clientId: string,
  now: Date,
  o: AppointmentOptions,
): Promise<string> => {
  const start = DateTime.fromISO(o.localStart, { zone: p.zone });
  const row = await createResource(database, appointmentsResource, {
    actor: p.actor,
    input: {
      clientId,
      providerId: o.providerId ?? p.providerId,
      locationId: p.locationId,
      startsAt: start.toUTC().toISO(),
      endsAt: start.plus({ minutes: 50 }).toUTC().toISO(),
      services: (o.services ?? [p.services.therapy]).map((serviceId) => ({ serviceId })),
    },
    now,
  });
  const id = String(row.id);
  if (o.status && o.status !== "upcoming")
    await changeAppointmentStatus(database, { actor: p.actor, appointmentId: id, to: o.status, now });
  const note = o.note ?? "signed";
  if (note !== "none") {
    await database.db.insert(tables.progressNotes).values({
      id: newId(),
      practiceId: p.practiceId,
      appointmentId: id,
      signed: note === "signed",
      signedAt: note === "signed" ? now : null,
      createdAt: now,
      updatedAt: now,
    });
  }
  return id;
};

/** Applies `change` to the practice's automation config and saves it. */
export const configure = async (
  database: Database,
  p: PracticeFixture,
  now: Date,
  change: (c: AutomationConfig) => void,
): Promise<AutomationConfig> => {
  const { config, version } = await getAutomationConfig(database.db, p.practiceId);
  const next = structuredClone(config);
  change(next);
  return (await updateAutomationConfig(database, { actor: p.actor, next, expectedVersion: version, now }))
    .config;
};
