/**
 * `npm run bench:automation`: throughput of the nightly Invoice Creation and Invoice Processing runs, the
 * raw-insert ceiling of the same rows, and Kept→invoice latency, on PGlite and on PostgreSQL with 1 and 2 worker
 * processes. Writes the figures to the "Automation engine" section of docs/PERFORMANCE.md.
 *
 *   npm run bench:automation                          # defaults: PostgreSQL 10 × 10,000, PGlite 2 × 5,000
 *   npm run bench:automation -- --million             # PostgreSQL 100 × 10,000 = 1,000,000 sessions, 2 workers
 *   npm run bench:automation -- --practices 4 --per-practice 2500 --workers 2 --skip-pglite --no-doc
 *
 * PostgreSQL: --url (or BENCH_DATABASE_URL, TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test)
 * names a server where the bench may CREATE and DROP databases called bench_*; it drops every one it creates.
 */
import { parseArgs } from "node:util";
import { addDays, localDateAt } from "@billcycle/core";
import { type Database, migrate, openDatabase } from "@billcycle/db";
import pg from "pg";
import { benchDatabaseUrl, fmtInt, positiveInt as int, progress, sleep } from "./common";
import { BENCH_ZONE, generateData } from "./generate";
import { printTable, writePerformanceDoc } from "./report";
import { runScenario, type ScenarioOptions, type ScenarioResult } from "./scenario";
import { inProcessWorker, startProcessWorkers } from "./workers";

const { values: args } = parseArgs({
  options: {
    url: { type: "string" },
    practices: { type: "string" },
    "per-practice": { type: "string" },
    workers: { type: "string" },
    "pglite-practices": { type: "string" },
    "pglite-per-practice": { type: "string" },
    latency: { type: "string" },
    "pglite-latency": { type: "string" },
    "latency-rate": { type: "string" },
    "ceiling-max": { type: "string" },
    million: { type: "boolean", default: false },
    "skip-processing": { type: "boolean", default: false },
    "skip-latency": { type: "boolean", default: false },
    processing: { type: "boolean", default: false },
    "latency-phase": { type: "boolean", default: false },
    "skip-pglite": { type: "boolean", default: false },
    "skip-postgres": { type: "boolean", default: false },
    "no-doc": { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

if (args.help) {
  process.stdout.write(`npm run bench:automation -- [options]
  --practices P            PostgreSQL: practices (default 10; --million: 100)
  --per-practice N         PostgreSQL: kept sessions per practice (default 10000)
  --workers 1,2            PostgreSQL: worker process counts to run (default 1,2; --million: 2)
  --pglite-practices P     PGlite: practices (default 2)
  --pglite-per-practice N  PGlite: kept sessions per practice (default 5000)
  --latency K              sessions marked Kept for the latency figure (default 500)
  --pglite-latency K       the same on PGlite (default 200)
  --latency-rate R         Kept marks per second (default 25)
  --ceiling-max M          invoices re-inserted for the ceiling at most (default 100000)
  --million                PostgreSQL 100 × 10,000 = 1,000,000 sessions with 2 workers: creation and
                           ceiling only, no PGlite (add --processing / --latency-phase for those phases)
  --skip-processing, --skip-latency, --skip-pglite, --skip-postgres
  --no-doc                 do not write docs/PERFORMANCE.md
  --url URL                PostgreSQL server (BENCH_DATABASE_URL / TEST_DATABASE_URL)
`);
  process.exit(0);
}

const million = args.million;
const config = {
  url: benchDatabaseUrl(args.url),
  practices: int(args.practices, million ? 100 : 10),
  perPractice: int(args["per-practice"], 10_000),
  workers: (args.workers ?? (million ? "2" : "1,2")).split(",").map((w) => int(w.trim(), 1)),
  pglitePractices: int(args["pglite-practices"], 2),
  pglitePerPractice: int(args["pglite-per-practice"], 5_000),
  latency: int(args.latency, 500),
  pgliteLatency: int(args["pglite-latency"], 200),
  latencyRate: int(args["latency-rate"], 25),
  ceilingMax: int(args["ceiling-max"], 100_000),
  processing: million ? args.processing : !args["skip-processing"],
  latencyPhase: million ? args["latency-phase"] : !args["skip-latency"],
  pglite: !args["skip-pglite"] && !million,
  postgres: !args["skip-postgres"],
};

// The nightly runs are for yesterday (practice time), so the Kept sessions of the latency phase, dated yesterday
// too, are never in the future for the on-Kept job (which uses the real clock).
const startedAt = new Date();
const runDate = addDays(localDateAt(startedAt, BENCH_ZONE), -1);
const LATENCY_PRACTICES = 2;

const baseOptions = (
  pollUrl: string | null,
  latencyCount: number,
  datname: string | null,
): ScenarioOptions => ({
  datname,
  runDate,
  ceilingConnections: [1],
  ceilingMaxInvoices: config.ceilingMax,
  processing: config.processing,
  latency: config.latencyPhase,
  latencyCount,
  latencyRate: config.latencyRate,
  pollUrl,
});

const runPglite = async (): Promise<ScenarioResult> => {
  progress(
    `PGlite: ${config.pglitePractices} × ${fmtInt(config.pglitePerPractice)} kept sessions (in memory)`,
  );
  const database = await openDatabase({ kind: "pglite", dataDir: null });
  const workers = inProcessWorker(database);
  try {
    await migrate(database);
    const t0 = performance.now();
    const generated = await generateData(
      database,
      {
        practices: config.pglitePractices,
        perPractice: config.pglitePerPractice,
        latencyPractices: LATENCY_PRACTICES,
        latencyAppointments: config.pgliteLatency,
        runDate,
        latencyDate: runDate,
        now: startedAt,
      },
      progress,
    );
    progress(
      `PGlite: generated ${fmtInt(generated.appointments)} sessions in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    return await runScenario(
      database,
      workers,
      generated,
      { practices: config.pglitePractices, perPractice: config.pglitePerPractice },
      baseOptions(null, config.pgliteLatency, null),
    );
  } finally {
    await workers.close();
    await database.close();
  }
};

const withDatabaseName = (url: string, name: string): string => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/**
 * pool.end() resolves before the sockets have closed; a connection still closing when its database is dropped
 * reports "terminating connection", which is expected here and must not crash the bench.
 */
const openBenchDatabase = async (url: string): Promise<Database> => {
  const database = await openDatabase({ kind: "postgres", url, poolSize: 4 });
  database.native.pool?.on("error", () => undefined);
  return database;
};

/** CREATE DATABASE … TEMPLATE needs the template free of sessions; a just-closed pool may take a moment. */
const createFromTemplate = async (admin: pg.Client, name: string, template: string): Promise<void> => {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== "55006" || attempt >= 50) throw e;
      await sleep(200);
    }
  }
};

const runPostgres = async (): Promise<ScenarioResult[]> => {
  const stamp = `${Date.now().toString(36)}_${process.pid}`;
  const template = `bench_${stamp}_tpl`;
  const created: string[] = [];
  const admin = new pg.Client({ connectionString: config.url });
  await admin.connect();
  const results: ScenarioResult[] = [];
  try {
    progress(
      `PostgreSQL: ${config.practices} × ${fmtInt(config.perPractice)} kept sessions into ${template}`,
    );
    await admin.query(`CREATE DATABASE ${template}`);
    created.push(template);
    let database: Database = await openBenchDatabase(withDatabaseName(config.url, template));
    const t0 = performance.now();
    let generated: Awaited<ReturnType<typeof generateData>>;
    try {
      await migrate(database);
      generated = await generateData(
        database,
        {
          practices: config.practices,
          perPractice: config.perPractice,
          latencyPractices: LATENCY_PRACTICES,
          latencyAppointments: config.latency,
          runDate,
          latencyDate: runDate,
          now: startedAt,
        },
        progress,
      );
      await database.exec("VACUUM ANALYZE");
    } finally {
      await database.close();
    }
    progress(
      `PostgreSQL: generated ${fmtInt(generated.appointments)} sessions in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    for (const count of config.workers) {
      // Every scenario starts from the same generated data: a copy of the template database.
      const name = `bench_${stamp}_w${count}`;
      await createFromTemplate(admin, name, template);
      created.push(name);
      const url = withDatabaseName(config.url, name);
      database = await openBenchDatabase(url);
      const workers = await startProcessWorkers(url, count);
      try {
        const options = baseOptions(url, config.latency, name);
        options.ceilingConnections = [1, 2];
        results.push(
          await runScenario(
            database,
            workers,
            generated,
            { practices: config.practices, perPractice: config.perPractice },
            options,
          ),
        );
      } finally {
        await workers.close();
        await database.close();
      }
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      created.splice(created.indexOf(name), 1);
    }
  } finally {
    for (const name of created.reverse()) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  return results;
};

const main = async () => {
  const results: ScenarioResult[] = [];
  if (config.pglite) results.push(await runPglite());
  if (config.postgres) results.push(...(await runPostgres()));
  const serverVersion = config.postgres ? await postgresVersion(config.url) : null;
  const text = printTable(results, { million, serverVersion });
  process.stdout.write(text);
  const failed = results.flatMap((r) => r.checks.filter((c) => !c.ok));
  if (failed.length > 0) {
    process.stderr.write(`${failed.length} correctness check(s) failed; figures not written\n`);
    process.exit(1);
  }
  if (!args["no-doc"]) {
    const path = writePerformanceDoc(results, { million, serverVersion, date: startedAt });
    progress(`wrote ${path}`);
  }
};

const postgresVersion = async (url: string): Promise<string> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string; sb: string; sc: string }>(
      "SELECT current_setting('server_version') AS v, current_setting('shared_buffers') AS sb, current_setting('synchronous_commit') AS sc",
    );
    const r = rows[0]!;
    return `PostgreSQL ${r.v} (shared_buffers ${r.sb}, synchronous_commit ${r.sc})`;
  } finally {
    await client.end();
  }
};

await main();
