import {
  type AutomationConfig,
  addDays,
  defaultAutomationConfig,
  defaultPracticeBillingSettings,
  type LocalDate,
  npiWithCheckDigit,
} from "@billcycle/core";
import { type Database, newId, tables } from "@billcycle/db";
import { query, scalar } from "./common";

export const BENCH_ZONE = "America/Chicago";

export type GenerateOptions = {
  /** Practices billed by the nightly run, each with `perPractice` kept sessions. */
  practices: number;
  perPractice: number;
  /** Practices in on-Kept mode, with `latencyAppointments` upcoming sessions between them. */
  latencyPractices: number;
  latencyAppointments: number;
  /** Kept sessions are dated in the 60 days before this date. */
  runDate: LocalDate;
  /** The upcoming sessions the latency phase marks Kept are on this date (must not be after today). */
  latencyDate: LocalDate;
  now: Date;
};

export type Generated = {
  nightlyPracticeIds: string[];
  latency: Array<{ practiceId: string; appointmentIds: string[] }>;
  appointments: number;
};

/** Nightly: same-night cadence, creation at 20:00 and processing at 21:00 (processing keeps the self-pay rule). */
export const nightlyConfig = (): AutomationConfig => {
  const c = defaultAutomationConfig();
  c.cadence = "same_night";
  c.automations.invoice_creation = { ...c.automations.invoice_creation, enabled: true, runTime: "20:00" };
  c.automations.invoice_processing = { ...c.automations.invoice_processing, enabled: true, runTime: "21:00" };
  return c;
};

const onKeptConfig = (): AutomationConfig => {
  const c = defaultAutomationConfig();
  c.invoiceCreationMode = "on_kept";
  c.automations.invoice_creation = { ...c.automations.invoice_creation, enabled: true };
  return c;
};

/** A UUIDv7-shaped id from a millisecond value and a seed, so SQL can derive the same id twice (for references). */
const UUID7_FUNCTION = `
CREATE OR REPLACE FUNCTION bench_uuid7(ms bigint, seed text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
  SELECT (lpad(to_hex(ms), 12, '0') || '7' || substr(h, 1, 3) || '8' || substr(h, 4, 3) || substr(h, 7, 12))::uuid
  FROM (SELECT md5(seed) AS h) s
$$;`;

const uuidList = (ids: readonly string[]): string => `ARRAY[${ids.map((id) => `'${id}'`).join(",")}]::uuid[]`;

let npiStem = 198760000;

type PracticeIds = {
  practiceId: string;
  providers: string[];
  locations: string[];
  payers: string[];
  /** therapy 90837, intake 90791, add-on 90785, non-billable admin time. */
  services: [string, string, string, string];
};

const createPracticeRows = async (
  database: Database,
  name: string,
  config: AutomationConfig,
  now: Date,
): Promise<PracticeIds> => {
  const practiceId = newId(now.getTime());
  const base = { practiceId, createdAt: now, updatedAt: now };
  const address = { line1: "1 Main Street", city: "Austin", state: "TX", zip: "787011234" };
  const ids: PracticeIds = {
    practiceId,
    providers: Array.from({ length: 5 }, () => newId(now.getTime())),
    locations: Array.from({ length: 2 }, () => newId(now.getTime())),
    payers: Array.from({ length: 3 }, () => newId(now.getTime())),
    services: [newId(now.getTime()), newId(now.getTime()), newId(now.getTime()), newId(now.getTime())],
  };
  await database.db.transaction(async (tx) => {
    await tx.insert(tables.practices).values({
      id: practiceId,
      name,
      timeZone: BENCH_ZONE,
      address,
      taxId: "12-3456789",
      billingNpi: npiWithCheckDigit(String(npiStem++)),
      taxonomyCode: "101YM0800X",
      phone: "512-555-0100",
      billingSettings: { ...defaultPracticeBillingSettings },
      createdAt: now,
      updatedAt: now,
    });
    await tx.insert(tables.providers).values(
      ids.providers.map((id, i) => ({
        ...base,
        id,
        firstName: "Provider",
        lastName: `Number ${i + 1}`,
        npi: npiWithCheckDigit(String(npiStem++)),
        taxonomyCode: "101YM0800X",
      })),
    );
    await tx.insert(tables.locations).values(
      ids.locations.map((id, i) => ({
        ...base,
        id,
        name: `Office ${i + 1}`,
        placeOfServiceCode: i === 0 ? "11" : "02",
        address,
      })),
    );
    await tx.insert(tables.payers).values(
      ids.payers.map((id, i) => ({
        ...base,
        id,
        name: `Payer ${i + 1}`,
        payerId: `PAY0${i + 1}`,
        claimFilingIndicator: "CI",
      })),
    );
    const [therapy, intake, addOn, admin] = ids.services;
    await tx.insert(tables.services).values([
      { ...base, id: therapy, code: "90837", description: "Psychotherapy, 60 minutes", feeCents: 17500 },
      { ...base, id: intake, code: "90791", description: "Diagnostic evaluation", feeCents: 20000 },
      { ...base, id: addOn, code: "90785", description: "Interactive complexity", feeCents: 1500 },
      {
        ...base,
        id: admin,
        code: "99999",
        description: "Admin time",
        feeCents: 0,
        billable: false,
        insuranceEligible: false,
      },
    ]);
    await tx.insert(tables.automationConfigs).values({ practiceId, config, version: 1, updatedAt: now });
  });
  return ids;
};

/**
 * Clients (one in five self-pay; insurance clients with a primary policy; every client with a diagnosis, every
 * third with two), then `count` sessions spread over the clients, each with one or two billable services (every
 * seventh also with a non-billable one) and a signed progress note, in a handful of INSERT … SELECT statements.
 */
const generateSessions = async (
  database: Database,
  ids: PracticeIds,
  p: number,
  stride: number,
  count: number,
  status: "kept" | "upcoming",
  dates: { last: LocalDate; spreadDays: number },
  nowMs: number,
): Promise<void> => {
  const clients = Math.max(1, Math.ceil(count / 20));
  const [therapy, intake, addOn, admin] = ids.services;
  const practice = `'${ids.practiceId}'::uuid`;
  const clientId = (i: string) =>
    `bench_uuid7(${nowMs - 9e8} + (${i}) * ${stride} + ${p}, 'c:${p}:' || (${i}))`;
  const apptId = (i: string) =>
    `bench_uuid7(${nowMs - 6e8} + (${i}) * ${stride} + ${p}, 'a:${p}:' || (${i}))`;
  const at = `'${new Date(nowMs).toISOString()}'::timestamptz`;
  const address = `'{"line1":"9 Elm Street","city":"Austin","state":"TX","zip":"78701"}'::jsonb`;
  await database.exec(`
INSERT INTO clients (id, practice_id, first_name, last_name, date_of_birth, sex, address, pays_by, autopay,
  auto_share_documents, auto_superbills, created_at, updated_at)
SELECT ${clientId("c")}, ${practice}, 'Client', 'Number ' || c, date '1960-01-01' + (c * 7 % 20000),
  (ARRAY['F','M','U'])[1 + c % 3], ${address}, CASE WHEN c % 5 = 0 THEN 'self_pay' ELSE 'insurance' END,
  false, true, false, ${at}, ${at}
FROM generate_series(1, ${clients}) c;

INSERT INTO insurance_policies (id, practice_id, client_id, payer_id, rank, member_id, subscriber_relationship,
  effective_from, created_at, updated_at)
SELECT bench_uuid7(${nowMs - 8e8} + c * ${stride} + ${p}, 'p:${p}:' || c), ${practice}, ${clientId("c")},
  (${uuidList(ids.payers)})[1 + c % 3], 'primary', 'M' || lpad(c::text, 9, '0'), 'self', date '2020-01-01', ${at}, ${at}
FROM generate_series(1, ${clients}) c WHERE c % 5 <> 0;

INSERT INTO diagnoses (id, practice_id, client_id, code, rank, created_at, updated_at)
SELECT bench_uuid7(${nowMs - 7e8} + (c * 2 + r) * ${stride} + ${p}, 'd:${p}:' || c || ':' || r), ${practice},
  ${clientId("c")}, (ARRAY['F41.1','F32.1'])[r], r, ${at}, ${at}
FROM generate_series(1, ${clients}) c CROSS JOIN generate_series(1, 2) r WHERE r = 1 OR c % 3 = 0;

INSERT INTO appointments (id, practice_id, client_id, provider_id, location_id, starts_at, ends_at,
  date_of_service, status, status_changed_at, created_at, updated_at)
SELECT ${apptId("i")}, ${practice}, ${clientId("1 + (i - 1) % " + clients)},
  (${uuidList(ids.providers)})[1 + i % 5], (${uuidList(ids.locations)})[1 + i % 2],
  s, s + interval '50 minutes', d, '${status}', ${status === "kept" ? "s + interval '50 minutes'" : "NULL"}, ${at}, ${at}
FROM generate_series(1, ${count}) i,
  LATERAL (SELECT date '${dates.last}' - (i % ${dates.spreadDays}) AS d) dd,
  LATERAL (SELECT ((d + time '08:00' + (i % 9) * interval '1 hour') AT TIME ZONE '${BENCH_ZONE}') AS s) ss;

INSERT INTO appointment_services (practice_id, appointment_id, position, service_id, units, modifiers)
SELECT ${practice}, ${apptId("i")}, 0, CASE WHEN i % 10 = 0 THEN '${intake}'::uuid ELSE '${therapy}'::uuid END, 1,
  CASE WHEN i % 3 = 0 THEN '["95"]'::jsonb ELSE '[]'::jsonb END
FROM generate_series(1, ${count}) i
UNION ALL
SELECT ${practice}, ${apptId("i")}, 1, '${addOn}'::uuid, 1, '[]'::jsonb FROM generate_series(1, ${count}) i WHERE i % 4 = 0
UNION ALL
SELECT ${practice}, ${apptId("i")}, 2, '${admin}'::uuid, 1, '[]'::jsonb FROM generate_series(1, ${count}) i WHERE i % 7 = 0;

INSERT INTO progress_notes (id, practice_id, appointment_id, signed, signed_at, signed_by_provider_id, created_at,
  updated_at)
SELECT bench_uuid7(${nowMs - 5e8} + i * ${stride} + ${p}, 'n:${p}:' || i), a.practice_id, a.id, true, a.ends_at,
  a.provider_id, ${at}, ${at}
FROM generate_series(1, ${count}) i JOIN appointments a ON a.id = ${apptId("i")};
`);
};

/** Generates the whole data set with bulk SQL; returns the practice ids and the sessions the latency phase marks Kept. */
export const generateData = async (
  database: Database,
  o: GenerateOptions,
  log: (msg: string) => void,
): Promise<Generated> => {
  await database.exec(UUID7_FUNCTION);
  const nowMs = o.now.getTime();
  const stride = o.practices + o.latencyPractices;
  const nightlyPracticeIds: string[] = [];
  for (let p = 1; p <= o.practices; p++) {
    const ids = await createPracticeRows(database, `Bench Practice ${p}`, nightlyConfig(), o.now);
    await generateSessions(
      database,
      ids,
      p,
      stride,
      o.perPractice,
      "kept",
      {
        last: addDays(o.runDate, -1),
        spreadDays: 60,
      },
      nowMs,
    );
    nightlyPracticeIds.push(ids.practiceId);
    if (p % 10 === 0 || p === o.practices) log(`generated ${p}/${o.practices} practices`);
  }
  const latency: Generated["latency"] = [];
  for (let l = 1; l <= o.latencyPractices; l++) {
    const p = o.practices + l;
    const count = Math.ceil(o.latencyAppointments / o.latencyPractices);
    const ids = await createPracticeRows(database, `Bench On-Kept Practice ${l}`, onKeptConfig(), o.now);
    await generateSessions(
      database,
      ids,
      p,
      stride,
      count,
      "upcoming",
      { last: o.latencyDate, spreadDays: 1 },
      nowMs,
    );
    const rows = await query<{ id: string }>(
      database,
      "SELECT id FROM appointments WHERE practice_id = $1 ORDER BY id",
      [ids.practiceId],
    );
    latency.push({ practiceId: ids.practiceId, appointmentIds: rows.map((r) => r.id) });
  }
  await database.exec("DROP FUNCTION bench_uuid7(bigint, text); ANALYZE;");
  const appointments = await scalar(database, "SELECT count(*) AS n FROM appointments WHERE status = 'kept'");
  return { nightlyPracticeIds, latency, appointments };
};
