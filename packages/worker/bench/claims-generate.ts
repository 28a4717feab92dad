import {
  addDays,
  defaultPostingRules,
  defaultPracticeBillingSettings,
  type LocalDate,
  npiWithCheckDigit,
} from "@billcycle/core";
import { type Database, newId, tables } from "@billcycle/db";
import { query, scalar } from "./common";
import { BENCH_ZONE, nightlyConfig } from "./generate";

/**
 * Data for the claims benchmark, generated with bulk SQL (not timed): per practice 5 providers, 2 locations
 * (office POS 11, telehealth POS 02), 3 payers and the default posting rules; one client per 10 claims, each
 * insured (a primary policy with one of the 3 payers) and with one diagnosis (every third with two); per claim a
 * Kept session, its invoice (one line, or two with an add-on for one session in four) and the claim in Awaiting
 * Submission with its lines, as Invoice Processing leaves them.
 *
 * Deliberate imperfections, so the scrubber has something to say: one client in 200 has a policy without a member
 * id (its claims are blocked: SUBSCRIBER_ID_MISSING), and one client in 10 has its first two sessions on the same
 * day with the same provider (both claims get the DUPLICATE_CLAIM warning).
 */
export type ClaimsGenerateOptions = {
  practices: number;
  perPractice: number;
  /** The practice-local date of the runs; sessions are in the 60 days before it. */
  today: LocalDate;
  now: Date;
};

export type GeneratedPractice = { practiceId: string; claims: number; blocked: number; duplicates: number };

const ID_FUNCTION = `
CREATE OR REPLACE FUNCTION bench_claims_id(ms bigint, seed text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
  SELECT (lpad(to_hex(ms), 12, '0') || '7' || substr(h, 1, 3) || '8' || substr(h, 4, 3) || substr(h, 7, 12))::uuid
  FROM (SELECT md5(seed) AS h) s
$$;`;

const uuidArray = (ids: readonly string[]): string =>
  `ARRAY[${ids.map((id) => `'${id}'`).join(",")}]::uuid[]`;

let npiStem = 176540000;

const createPractice = async (database: Database, p: number, now: Date) => {
  const practiceId = newId(now.getTime());
  const base = { practiceId, createdAt: now, updatedAt: now };
  const address = { line1: "1 Main Street", city: "Austin", state: "TX", zip: "787011234" };
  const providers = Array.from({ length: 5 }, () => newId(now.getTime()));
  const locations = Array.from({ length: 2 }, () => newId(now.getTime()));
  const payers = Array.from({ length: 3 }, () => newId(now.getTime()));
  await database.db.transaction(async (tx) => {
    await tx.insert(tables.practices).values({
      id: practiceId,
      name: `Claims Bench Practice ${p}`,
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
      providers.map((id, i) => ({
        ...base,
        id,
        firstName: "Provider",
        lastName: `Number ${i + 1}`,
        npi: npiWithCheckDigit(String(npiStem++)),
        taxonomyCode: "101YM0800X",
      })),
    );
    await tx.insert(tables.locations).values(
      locations.map((id, i) => ({
        ...base,
        id,
        name: i === 0 ? "Office" : "Telehealth",
        placeOfServiceCode: i === 0 ? "11" : "02",
        address,
      })),
    );
    await tx.insert(tables.payers).values(
      payers.map((id, i) => ({
        ...base,
        id,
        name: `Payer ${i + 1}`,
        payerId: `PAY0${i + 1}`,
        claimFilingIndicator: "CI",
      })),
    );
    await tx.insert(tables.postingRules).values(
      defaultPostingRules.map((r) => ({
        ...base,
        ...r,
        groupCode: r.groupCode as "CO" | "PR",
        id: newId(now.getTime()),
      })),
    );
    await tx.insert(tables.automationConfigs).values({ practiceId, config: nightlyConfig(), updatedAt: now });
  });
  return { practiceId, providers, locations, payers };
};

/** Clients, policies, diagnoses, sessions, invoices and their lines, claims and claim lines: one SQL script. */
const generateClaims = async (
  exec: (sqlText: string) => Promise<unknown>,
  ids: Awaited<ReturnType<typeof createPractice>>,
  p: number,
  o: ClaimsGenerateOptions,
) => {
  const n = o.perPractice;
  const clients = Math.max(1, Math.ceil(n / 10));
  const nowMs = o.now.getTime();
  const practice = `'${ids.practiceId}'::uuid`;
  const at = `'${o.now.toISOString()}'::timestamptz`;
  const created = `'${new Date(nowMs - 86_400_000).toISOString()}'::timestamptz`;
  const lastDate = addDays(o.today, -1);
  // Time-ordered ids: a millisecond per row and kind, practices interleaved.
  const id = (kind: string, offset: number, i: string) =>
    `bench_claims_id(${nowMs - offset} + (${i}) * ${o.practices} + ${p}, '${kind}:${p}:' || (${i}))`;
  const clientId = (c: string) => id("c", 9e8, c);
  const address = `'{"line1":"9 Elm Street","city":"Austin","state":"TX","zip":"78701"}'::jsonb`;
  await exec(`
CREATE TEMP TABLE bench_sessions ON COMMIT DROP AS
SELECT i, c, j,
  ${id("a", 7e8, "i")} AS appointment_id,
  ${id("i", 6e8, "i")} AS invoice_id,
  ${id("k", 5e8, "i")} AS claim_id,
  ${clientId("c")} AS client_id,
  ${id("p", 8e8, "c")} AS policy_id,
  (${uuidArray(ids.payers)})[1 + c % 3] AS payer_id,
  (${uuidArray(ids.providers)})[1 + c % 5] AS provider_id,
  (${uuidArray(ids.locations)})[1 + i % 2] AS location_id,
  date '${lastDate}' - (CASE WHEN c % 10 = 0 AND j = 1 THEN 0 ELSE j END * 6 + c % 6) AS dos,
  CASE WHEN c % 3 = 0 THEN '["F41.1","F32.1"]'::jsonb ELSE '["F41.1"]'::jsonb END AS dx,
  CASE WHEN c % 3 = 0 THEN '[1,2]'::jsonb ELSE '[1]'::jsonb END AS pointers,
  CASE WHEN i % 10 = 0 THEN '90791' ELSE '90837' END AS code,
  CASE WHEN i % 10 = 0 THEN 20000 ELSE 17500 END AS fee,
  i % 4 = 0 AS add_on,
  CASE WHEN i % 2 = 0 THEN '["95"]'::jsonb ELSE '[]'::jsonb END AS modifiers,
  'BC' || (100000 + i) AS pcn
FROM generate_series(1, ${n}) i,
  LATERAL (SELECT 1 + (i - 1) % ${clients} AS c, (i - 1) / ${clients} AS j) cj;

INSERT INTO clients (id, practice_id, first_name, last_name, date_of_birth, sex, address, pays_by, autopay,
  auto_share_documents, auto_superbills, created_at, updated_at)
SELECT ${clientId("c")}, ${practice}, 'Client', 'Number ' || c, date '1960-01-01' + (c * 7 % 20000),
  (ARRAY['F','M','U'])[1 + c % 3], ${address}, 'insurance', false, true, false, ${at}, ${at}
FROM generate_series(1, ${clients}) c;

INSERT INTO insurance_policies (id, practice_id, client_id, payer_id, rank, member_id, subscriber_relationship,
  effective_from, created_at, updated_at)
SELECT ${id("p", 8e8, "c")}, ${practice}, ${clientId("c")}, (${uuidArray(ids.payers)})[1 + c % 3], 'primary',
  CASE WHEN c % 200 = 0 THEN '' ELSE 'M' || lpad(c::text, 9, '0') END, 'self', date '2020-01-01', ${at}, ${at}
FROM generate_series(1, ${clients}) c;

INSERT INTO diagnoses (id, practice_id, client_id, code, rank, created_at, updated_at)
SELECT ${id("d", 7.5e8, "c * 2 + r")}, ${practice}, ${clientId("c")}, (ARRAY['F41.1','F32.1'])[r], r, ${at}, ${at}
FROM generate_series(1, ${clients}) c CROSS JOIN generate_series(1, 2) r WHERE r = 1 OR c % 3 = 0;

INSERT INTO appointments (id, practice_id, client_id, provider_id, location_id, starts_at, ends_at,
  date_of_service, status, status_changed_at, created_at, updated_at)
SELECT appointment_id, ${practice}, client_id, provider_id, location_id, s, s + interval '50 minutes', dos, 'kept',
  s + interval '50 minutes', ${created}, ${created}
FROM bench_sessions, LATERAL (SELECT ((dos + time '08:00' + (i % 9) * interval '1 hour') AT TIME ZONE '${BENCH_ZONE}') AS s) ss;

INSERT INTO invoices (id, practice_id, number, client_id, status, pays_by, invoice_date, total_cents,
  insurance_cents, client_cents, primary_policy_id, source, created_at, updated_at)
SELECT invoice_id, ${practice}, 'INV-' || (1000 + i), client_id, 'processed', 'insurance', dos,
  fee + CASE WHEN add_on THEN 1500 ELSE 0 END, fee + CASE WHEN add_on THEN 1500 ELSE 0 END, 0, policy_id,
  'nightly', ${created}, ${created}
FROM bench_sessions;

INSERT INTO invoice_lines (id, practice_id, invoice_id, position, kind, appointment_id, code, description,
  date_of_service, units, unit_fee_cents, amount_cents, modifiers, diagnosis_pointers, diagnosis_codes,
  insurance_eligible, created_at, created_by)
SELECT ${id("l", 4e8, "i * 2")}, ${practice}, invoice_id, 0, 'service', appointment_id, code, 'Psychotherapy', dos,
  1, fee, fee, modifiers, pointers, dx, true, ${created}, 'bench'
FROM bench_sessions
UNION ALL
SELECT ${id("l", 4e8, "i * 2 + 1")}, ${practice}, invoice_id, 1, 'service', appointment_id, '90785',
  'Interactive complexity', dos, 1, 1500, 1500, '[]'::jsonb, pointers, dx, true, ${created}, 'bench'
FROM bench_sessions WHERE add_on;

INSERT INTO claims (id, practice_id, invoice_id, client_id, payer_id, policy_id, payer_rank, status,
  frequency_code, patient_control_number, total_cents, diagnosis_codes, created_at, updated_at)
SELECT claim_id, ${practice}, invoice_id, client_id, payer_id, policy_id, 'primary', 'awaiting_submission', '1', pcn,
  fee + CASE WHEN add_on THEN 1500 ELSE 0 END, dx, ${created}, ${created}
FROM bench_sessions;

INSERT INTO claim_lines (id, practice_id, claim_id, invoice_line_id, line_number, control_number, code, modifiers,
  units, charge_cents, date_of_service, diagnosis_pointers)
SELECT ${id("m", 3e8, "i * 2")}, ${practice}, claim_id, ${id("l", 4e8, "i * 2")}, 1, pcn || '-1', code, modifiers, 1,
  fee, dos, pointers
FROM bench_sessions
UNION ALL
SELECT ${id("m", 3e8, "i * 2 + 1")}, ${practice}, claim_id, ${id("l", 4e8, "i * 2 + 1")}, 2, pcn || '-2', '90785',
  '[]'::jsonb, 1, 1500, dos, pointers
FROM bench_sessions WHERE add_on;

INSERT INTO claim_status_history (id, practice_id, claim_id, from_status, to_status, at, actor, cause)
SELECT ${id("h", 2e8, "i")}, ${practice}, claim_id, NULL, 'awaiting_submission', ${created},
  'system:invoice_processing', '{"kind":"run"}'::jsonb
FROM bench_sessions;
`);
};

/** Generates every practice's claims; returns per practice how many there are, blocked and flagged as duplicates. */
export const generateClaimsData = async (
  database: Database,
  o: ClaimsGenerateOptions,
  log: (msg: string) => void,
): Promise<GeneratedPractice[]> => {
  await database.exec(ID_FUNCTION);
  const out: GeneratedPractice[] = [];
  for (let p = 1; p <= o.practices; p++) {
    const ids = await createPractice(database, p, o.now);
    // ON COMMIT DROP needs a transaction around the script: BEGIN/COMMIT inside the one exec.
    await database.withSession(async (exec) => {
      await exec("BEGIN");
      try {
        await generateClaims(exec, ids, p, o);
        await exec("COMMIT");
      } catch (e) {
        await exec("ROLLBACK");
        throw e;
      }
    });
    // What the scrubber should find, counted independently: blocked = policy without member id; duplicates =
    // claims sharing client, provider, procedure and date of service with another claim.
    const [counts] = await query<{ claims: string; blocked: string; duplicates: string }>(
      database,
      `WITH l AS (
         SELECT cl.claim_id, c.client_id, a.provider_id, cl.code, cl.date_of_service FROM claim_lines cl
         JOIN claims c ON c.id = cl.claim_id JOIN invoice_lines il ON il.id = cl.invoice_line_id
         JOIN appointments a ON a.id = il.appointment_id WHERE cl.practice_id = $1)
       SELECT (SELECT count(*) FROM claims WHERE practice_id = $1) AS claims,
         (SELECT count(*) FROM claims c JOIN insurance_policies pol ON pol.id = c.policy_id
          WHERE c.practice_id = $1 AND pol.member_id = '') AS blocked,
         (SELECT count(DISTINCT x.claim_id) FROM l x JOIN l y ON y.client_id = x.client_id
            AND y.provider_id = x.provider_id AND y.code = x.code AND y.date_of_service = x.date_of_service
            AND y.claim_id <> x.claim_id) AS duplicates`,
      [ids.practiceId],
    );
    out.push({
      practiceId: ids.practiceId,
      claims: Number(counts?.claims ?? 0),
      blocked: Number(counts?.blocked ?? 0),
      duplicates: Number(counts?.duplicates ?? 0),
    });
    if (p % 5 === 0 || p === o.practices) log(`generated ${p}/${o.practices} practices`);
  }
  await database.exec("DROP FUNCTION bench_claims_id(bigint, text)");
  await database.exec("VACUUM ANALYZE");
  const lines = await scalar(database, "SELECT count(*) AS n FROM claim_lines");
  log(
    `generated ${out.reduce((a, g) => a + g.claims, 0).toLocaleString("en-US")} claims, ${lines.toLocaleString("en-US")} lines`,
  );
  return out;
};
