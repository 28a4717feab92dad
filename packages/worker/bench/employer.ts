/**
 * `npm run bench:employer`: employer billing on PostgreSQL. (1) One on-demand batch for an employer group of 200
 * employers covering 50,000 Kept encounters, PDFs included (encounters per second); (2) the Invoice History list
 * with a contains-search on the invoice id over 100,000 invoices (p95 of the page). Writes the "Employer billing"
 * section of docs/PERFORMANCE.md.
 *
 *   npm run bench:employer
 *   npm run bench:employer -- --employers 10 --encounters 1000 --invoices 2000 --queries 20 --no-doc
 *
 * --url (or BENCH_DATABASE_URL, TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test) names a server
 * where the bench may CREATE and DROP a database called bench_employer_*; it drops it at the end.
 */
import { cpus, loadavg, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createEmployerBatch, createPractice, listEmployerInvoices, type TenantActor } from "@billcycle/app";
import { npiWithCheckDigit } from "@billcycle/core";
import { migrate, openDatabase } from "@billcycle/db";
import pg from "pg";
import {
  benchDatabaseUrl,
  type Check,
  check,
  fmtInt,
  positiveInt as int,
  percentile,
  progress,
  query,
  replaceSection,
  scalar,
} from "./common";

const { values: args } = parseArgs({
  options: {
    url: { type: "string" },
    employers: { type: "string" },
    encounters: { type: "string" },
    invoices: { type: "string" },
    queries: { type: "string" },
    "no-doc": { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

if (args.help) {
  process.stdout.write(`npm run bench:employer -- [options]
  --employers N    employers in the group (default 200)
  --encounters N   Kept encounters billed to them (default 50000)
  --invoices N     invoices for the Invoice History search (default 100000)
  --queries N      searches timed (default 200)
  --no-doc         do not write docs/PERFORMANCE.md
  --url URL        PostgreSQL server (BENCH_DATABASE_URL / TEST_DATABASE_URL)
`);
  process.exit(0);
}

const config = {
  url: benchDatabaseUrl(args.url),
  employers: int(args.employers, 200),
  encounters: int(args.encounters, 50_000),
  invoices: int(args.invoices, 100_000),
  queries: int(args.queries, 200),
};
const TARGET_PER_SECOND = 5_000;
const TARGET_P95_MS = 100;
const SECTION_TITLE = "## Employer billing (`npm run bench:employer`)";
const DOC = fileURLToPath(new URL("../../../docs/PERFORMANCE.md", import.meta.url));
const now = new Date("2026-07-01T17:00:00Z");

const main = async () => {
  const dbName = `bench_employer_${Date.now()}`;
  const admin = new pg.Client({ connectionString: config.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(config.url);
  url.pathname = `/${dbName}`;
  const database = await openDatabase({ kind: "postgres", url: url.toString(), poolSize: 4 });
  const checks: Check[] = [];
  try {
    await migrate(database);
    const { id: practiceId } = await createPractice(database, {
      input: {
        name: "Bench Occupational Health",
        timeZone: "America/Chicago",
        address: { line1: "1 Main Street", city: "Austin", state: "TX", zip: "78701" },
        taxId: "12-3456789",
        billingNpi: npiWithCheckDigit("123456789"),
        taxonomyCode: "101YM0800X",
      },
      ownerUserId: null,
      now,
    });
    const actor: TenantActor = { userId: null, practiceId, role: "owner", label: "bench" };
    progress(
      `generating ${fmtInt(config.employers)} employers, ${fmtInt(config.encounters)} Kept encounters billed to them…`,
    );
    // Bulk SQL (this file is a listed fixture writer of appointment and employer invoice statuses).
    await query(
      database,
      `UPDATE practices SET billing_settings = billing_settings || '{"invoicesEnabled": true}'::jsonb WHERE id = $1`,
      [practiceId],
    );
    await query(
      database,
      `WITH p AS (SELECT $1::uuid AS id)
       INSERT INTO providers (id, practice_id, first_name, last_name, npi, taxonomy_code)
       SELECT gen_random_uuid(), p.id, 'Dana', 'Doc', '1234567893', '207Q00000X' FROM p`,
      [practiceId],
    );
    await query(
      database,
      `INSERT INTO locations (id, practice_id, name, place_of_service_code, address)
       VALUES (gen_random_uuid(), $1, 'Clinic', '11', '{"line1":"1 Main Street","city":"Austin","state":"TX","zip":"78701"}')`,
      [practiceId],
    );
    await query(
      database,
      `INSERT INTO services (id, practice_id, code, description, fee_cents) VALUES
       (gen_random_uuid(), $1, '99455', 'Work-related physical', 12000),
       (gen_random_uuid(), $1, '80305', 'Drug screen', 4500)`,
      [practiceId],
    );
    await query(
      database,
      `INSERT INTO employer_groups (id, practice_id, name) VALUES (gen_random_uuid(), $1, 'Bench Group')`,
      [practiceId],
    );
    await query(
      database,
      `INSERT INTO employers (id, practice_id, name, group_id, terms_days, contacts, fee_schedule, address)
       SELECT gen_random_uuid(), $1, 'Employer ' || g, (SELECT id FROM employer_groups WHERE practice_id = $1), 30,
         '[{"name":"AP","email":"ap@example.com","billing":true}]'::jsonb,
         CASE WHEN g % 2 = 0 THEN jsonb_build_array(jsonb_build_object('serviceId',
           (SELECT id FROM services WHERE practice_id = $1 AND code = '80305'), 'feeCents', 3900)) ELSE '[]'::jsonb END,
         '{"line1":"5 Plant Road","city":"Austin","state":"TX","zip":"78702"}'::jsonb
       FROM generate_series(1, $2::int) g`,
      [practiceId, config.employers],
    );
    const clients = Math.max(config.employers, Math.ceil(config.encounters / 10));
    await query(
      database,
      `INSERT INTO clients (id, practice_id, first_name, last_name, date_of_birth, sex, pays_by, autopay,
         auto_share_documents, auto_superbills, employer_id, bill_to)
       SELECT gen_random_uuid(), $1, 'Worker', 'Number' || g, '1980-01-01', 'U', 'self_pay', false, false, false,
         (SELECT id FROM employers WHERE practice_id = $1 ORDER BY id OFFSET (g % $3::int) LIMIT 1), 'employer'
       FROM generate_series(1, $2::int) g`,
      [practiceId, clients, config.employers],
    );
    await query(
      database,
      `WITH c AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM clients WHERE practice_id = $1),
       pr AS (SELECT id FROM providers WHERE practice_id = $1), lo AS (SELECT id FROM locations WHERE practice_id = $1)
       INSERT INTO appointments (id, practice_id, client_id, provider_id, location_id, starts_at, ends_at,
         date_of_service, status, status_changed_at, authorization_number)
       SELECT gen_random_uuid(), $1, c.id, (SELECT id FROM pr), (SELECT id FROM lo),
         ts, ts + interval '30 minutes', (ts AT TIME ZONE 'America/Chicago')::date, 'kept', ts + interval '1 hour',
         'PO-' || g
       FROM generate_series(0, $2::int - 1) g
       JOIN c ON c.n = g % $3::int
       CROSS JOIN LATERAL (SELECT timestamptz '2026-06-01 14:00Z' + (g % 25) * interval '1 day' AS ts) t`,
      [practiceId, config.encounters, clients],
    );
    await query(
      database,
      `INSERT INTO appointment_services (practice_id, appointment_id, position, service_id, units)
       SELECT a.practice_id, a.id, 0, s.id, 1 FROM appointments a
       JOIN services s ON s.practice_id = a.practice_id
         AND s.code = CASE WHEN get_byte(uuid_send(a.id), 15) % 2 = 0 THEN '99455' ELSE '80305' END
       WHERE a.practice_id = $1`,
      [practiceId],
    );
    await database.exec("VACUUM ANALYZE");
    const groupId = (
      await query<{ id: string }>(database, "SELECT id FROM employer_groups WHERE practice_id = $1", [
        practiceId,
      ])
    )[0]!.id;

    progress(`batching the group (${fmtInt(config.encounters)} encounters, PDFs included)…`);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const batch = await createEmployerBatch(database, { actor, groupId, now });
    const seconds = (performance.now() - t0) / 1000;
    // This process's CPU (PDF rendering, building the statements); the server's is not in it. On a loaded
    // machine wall time waits for the cores, CPU time does not.
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const perSecond = batch.batch.encounterCount / seconds;
    progress(
      `${fmtInt(batch.batch.encounterCount)} encounters on ${batch.batch.invoiceCount} invoices in ${seconds.toFixed(2)} s: ${fmtInt(perSecond)}/s (node CPU ${cpuSeconds.toFixed(2)} s)`,
    );
    const pdfs = await scalar(
      database,
      "SELECT count(*) AS n FROM employer_invoice_pdfs WHERE practice_id = $1",
      [practiceId],
    );
    check(
      checks,
      "one invoice per employer",
      batch.invoices.length === config.employers,
      `${batch.invoices.length} invoices`,
    );
    check(
      checks,
      "every encounter on it",
      batch.batch.encounterCount === config.encounters,
      `${fmtInt(batch.batch.encounterCount)} encounters`,
    );
    check(checks, "one stored PDF per invoice", pdfs === batch.invoices.length, `${pdfs} PDFs`);

    progress(`generating ${fmtInt(config.invoices)} invoices for the Invoice History search…`);
    await query(
      database,
      `WITH e AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM employers WHERE practice_id = $1)
       INSERT INTO employer_invoices (id, practice_id, batch_id, employer_id, kind, number, issued_on, due_on,
         total_cents, amount_due_cents, status, profile, bill_to, delivery)
       SELECT gen_random_uuid(), $1, $2, e.id, 'invoice', 'HIST-' || (100000 + g), date '2026-01-01' + (g % 180),
         date '2026-01-31' + (g % 180), 10000 + g % 5000, 10000 + g % 5000,
         (ARRAY['open','partially_paid','paid','paid'])[1 + g % 4], '{}'::jsonb,
         jsonb_build_object('name', 'Employer', 'address', null), 'email'
       FROM generate_series(1, $3::int) g JOIN e ON e.n = g % $4::int`,
      [practiceId, batch.batch.id, config.invoices, config.employers],
    );
    await database.exec("VACUUM ANALYZE");
    const total = await scalar(
      database,
      "SELECT count(*) AS n FROM employer_invoices WHERE practice_id = $1",
      [practiceId],
    );
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < config.queries; i++) {
      const search = String(100 + ((i * 7919) % 900)); // 3 digits, somewhere in the middle of a number
      const status = (["open", "paid", "all"] as const)[i % 3]!;
      const t = performance.now();
      const page = await listEmployerInvoices(database.db, {
        actor,
        status,
        search,
        limit: 50,
        cursor: undefined,
        employerId: undefined,
      });
      times.push(performance.now() - t);
      found += page.data.length;
    }
    times.sort((a, b) => a - b);
    const p50 = percentile(times, 50);
    const p95 = percentile(times, 95);
    progress(
      `Invoice History contains-search over ${fmtInt(total)} invoices: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`,
    );
    check(checks, "searches find invoices", found > 0, `${fmtInt(found)} rows over ${config.queries} pages`);

    const lines = [
      SECTION_TITLE,
      "",
      `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ` +
        `${(totalmem() / 1024 ** 3).toFixed(1)} GB, load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(" / ")} (1/5/15 min) at the end (a shared machine), PostgreSQL, one process.`,
      "",
      `One on-demand batch (\`createEmployerBatch\`: one transaction finds the encounters, prices them from the ` +
        "fee schedules in the same query, claims each in employer_billed_encounters and inserts the invoices and " +
        "lines with array parameters; after the commit one PDF per invoice is rendered from the stored rows and " +
        `stored, 25 invoices per insert) for a group of ${fmtInt(config.employers)} employers covering ${fmtInt(config.encounters)} Kept ` +
        `encounters; then the Invoice History page (50 rows, newest first, amounts per row) with a contains-search on ` +
        `the invoice id (3 digits) and a status filter, over ${fmtInt(total)} invoices, ${config.queries} searches.`,
      "",
      "| what | figure | target |",
      "| --- | ---: | ---: |",
      `| batch: encounters/s (PDFs included) | ${fmtInt(perSecond)} (${seconds.toFixed(2)} s, node CPU ${cpuSeconds.toFixed(2)} s, ${batch.invoices.length} invoices) | ≥ ${fmtInt(TARGET_PER_SECOND)} ${perSecond >= TARGET_PER_SECOND ? "(met)" : "(missed)"} |`,
      `| Invoice History contains-search p50 | ${p50.toFixed(1)} ms | |`,
      `| Invoice History contains-search p95 | ${p95.toFixed(1)} ms | ≤ ${TARGET_P95_MS} ms ${p95 <= TARGET_P95_MS ? "(met)" : "(missed)"} |`,
      "",
      `Checks: ${checks.map((c) => `${c.name} (${c.ok ? "ok" : "FAILED"}: ${c.detail})`).join("; ")}.`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    if (!args["no-doc"]) {
      replaceSection(DOC, SECTION_TITLE, lines);
      progress(`wrote ${DOC}`);
    }
    if (checks.some((c) => !c.ok)) process.exitCode = 1;
  } finally {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin.end();
  }
};

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
