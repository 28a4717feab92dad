/**
 * `npm run bench:lists`: how fast the API's list pages answer with 100,000 invoices (and their claims) in one
 * practice and as many again in another: the lists the web app pages through (server-side pagination, filters,
 * sorting, search), timed through the real HTTP app in process (authentication, validation, the query, the audit
 * row every read writes, JSON). On PostgreSQL and on PGlite. Writes the "Lists" section of docs/PERFORMANCE.md.
 *
 *   npm run bench:lists
 *   npm run bench:lists -- --per-practice 20000 --skip-pglite --no-doc
 *
 * --url (or BENCH_DATABASE_URL, TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test) names a server
 * where the bench may CREATE and DROP a database called bench_lists_*; it drops it at the end.
 */
import { cpus, loadavg, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createApiToken, createInvoices, createUser, processInvoices } from "@billcycle/app";
import { addDays, systemClock } from "@billcycle/core";
import { type Database, migrate, openDatabase } from "@billcycle/db";
import { createApp, silentLogger } from "@billcycle/server";
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
import { generateData } from "./generate";

const { values: args } = parseArgs({
  options: {
    url: { type: "string" },
    "per-practice": { type: "string" },
    repeat: { type: "string" },
    "skip-pglite": { type: "boolean", default: false },
    "skip-postgres": { type: "boolean", default: false },
    "no-doc": { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

if (args.help) {
  process.stdout.write(`npm run bench:lists -- [options]
  --per-practice N   invoices in the measured practice, and as many in a second one (default 100000)
  --repeat R         timed requests per list (default 30, after 3 untimed)
  --skip-pglite, --skip-postgres
  --no-doc           do not write docs/PERFORMANCE.md
  --url URL          PostgreSQL server (BENCH_DATABASE_URL / TEST_DATABASE_URL)
`);
  process.exit(0);
}

const config = {
  url: benchDatabaseUrl(args.url),
  perPractice: int(args["per-practice"], 100_000),
  repeat: int(args.repeat, 30),
};

/** A list page answers within this at the 95th percentile (the web app asks for one page per screen or filter change). */
const TARGET_P95_MS = 100;
const SECTION_TITLE = "## Lists (`npm run bench:lists`)";
const DOC = fileURLToPath(new URL("../../../docs/PERFORMANCE.md", import.meta.url));
const now = new Date("2026-06-15T12:00:00Z");
const runDate = "2026-06-15";

type Timing = { name: string; rows: number; p50: number; p95: number; max: number };
type BackendResult = { backend: string; invoices: number; claims: number; timings: Timing[]; load: number };

const api = (database: Database) => createApp({ database, clock: systemClock, logger: silentLogger });

/** The measured practice's data: two practices of `perPractice` kept sessions each, invoiced and processed. */
const prepare = async (database: Database): Promise<{ practiceId: string; token: string }> => {
  await migrate(database);
  const t0 = performance.now();
  const generated = await generateData(
    database,
    {
      practices: 2,
      perPractice: config.perPractice,
      latencyPractices: 0,
      latencyAppointments: 0,
      runDate,
      latencyDate: runDate,
      now,
    },
    progress,
  );
  for (const practiceId of generated.nightlyPracticeIds) {
    const created = await createInvoices(
      database,
      { practiceId, trigger: "manual", runId: null, today: runDate },
      now,
    );
    const processed = await processInvoices(
      database,
      { practiceId, trigger: "manual", runId: null, today: addDays(runDate, 1) },
      now,
    );
    progress(`  ${fmtInt(created.invoices)} invoices, ${fmtInt(processed.claimed)} claims`);
  }
  // As autovacuum would on PostgreSQL, and as the worker does on PGlite after a nightly run.
  await database.exec(database.kind === "postgres" ? "VACUUM ANALYZE" : "ANALYZE");
  progress(`data ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const practiceId = generated.nightlyPracticeIds[0]!;
  const user = await createUser(database, {
    input: { email: `biller-${Date.now()}@example.com`, name: "Bench biller", password: "bench-password-1" },
    memberships: [{ practiceId, role: "biller" }],
    now,
  });
  const { token } = await createApiToken(
    database,
    { userId: user.id, name: "bench", scopes: ["read"], createdVia: "cli" },
    { userId: null, practiceId: null, role: null, label: "system:bench" },
    // The app reads the wall clock (systemClock); the data's fixed day would make the token expired already.
    systemClock.now(),
  );
  return { practiceId, token };
};

const measure = async (database: Database, backend: string, checks: Check[]): Promise<BackendResult> => {
  const { practiceId, token } = await prepare(database);
  const app = api(database);
  const base = `/api/v1/practices/${practiceId}`;
  const get = async (path: string) => {
    const res = await app.request(`${base}/${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { data?: unknown[]; nextCursor?: string | null };
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
    return body;
  };
  const pick = async (sql: string) => (await query<{ v: string }>(database, sql, [practiceId]))[0]!.v;
  const client = await pick(
    "SELECT client_id::text AS v FROM invoices WHERE practice_id = $1 GROUP BY client_id ORDER BY count(*) DESC LIMIT 1",
  );
  const provider = await pick(
    "SELECT id::text AS v FROM providers WHERE practice_id = $1 ORDER BY id LIMIT 1",
  );
  const pcn = await pick(
    "SELECT patient_control_number AS v FROM claims WHERE practice_id = $1 ORDER BY id LIMIT 1",
  );
  const lastName = await pick(
    `SELECT c.last_name AS v FROM claims cl JOIN clients c ON c.practice_id = cl.practice_id AND c.id = cl.client_id
     WHERE cl.practice_id = $1 ORDER BY cl.id DESC LIMIT 1`,
  );
  // A cursor 100 pages deep (5,000 invoices in), found by walking.
  let deep: string | null = null;
  for (let i = 0; i < 100; i++)
    deep = (await get(`invoices?limit=50${deep ? `&cursor=${deep}` : ""}`)).nextCursor ?? null;
  const sortedCursor = (await get("invoices?limit=50&sort=-totalCents")).nextCursor ?? null;

  const lists: Array<[string, string]> = [
    ["Invoices: first page", "invoices?limit=50"],
    ["Invoices: page 101 (cursor)", `invoices?limit=50&cursor=${deep}`],
    ["Invoices: status Open", "invoices?limit=50&status=open"],
    ["Invoices: one client", `invoices?limit=50&clientId=${client}`],
    ["Invoices: one provider", `invoices?limit=50&providerId=${provider}`],
    [
      "Invoices: invoice dates in a week (all match)",
      `invoices?limit=50&from=${addDays(runDate, -6)}&to=${runDate}`,
    ],
    [
      "Invoices: invoice dates in a week (none match)",
      `invoices?limit=50&from=${addDays(runDate, -14)}&to=${addDays(runDate, -8)}`,
    ],
    ["Invoices: amount $200–$300", "invoices?limit=50&minCents=20000&maxCents=30000"],
    ["Invoices: sorted by total, descending", "invoices?limit=50&sort=-totalCents"],
    ["Invoices: sorted by total, page 2", `invoices?limit=50&sort=-totalCents&cursor=${sortedCursor}`],
    ["Invoices: sorted by invoice date, newest first", "invoices?limit=50&sort=-invoiceDate"],
    ["Invoices: Pended (none; the whole practice is looked at)", "invoices?limit=50&status=pended"],
    ["Claims: first page", "claims?limit=50"],
    ["Claims: status Awaiting Submission", "claims?limit=50&status=awaiting_submission"],
    ["Claims: one client", `claims?limit=50&clientId=${client}`],
    ["Claims: sorted by total, descending", "claims?limit=50&sort=-totalCents"],
    ["Claims: status Rejected (none; the whole practice is looked at)", "claims?limit=50&status=rejected"],
    ["Claims: board counts", "claims/counts"],
    ["Claims: denials queue (none; the whole practice is looked at)", "denials?limit=50"],
    [
      "Claims: search by patient control number",
      `claims?limit=25&search=${encodeURIComponent(pcn.slice(0, -1))}`,
    ],
    ["Claims: search by client name", `claims?limit=25&search=${encodeURIComponent(lastName)}`],
    ["Claims: search with no match", "claims?limit=25&search=zzzz-nobody"],
  ];
  const timings: Timing[] = [];
  for (const [name, path] of lists) {
    let rows = 0;
    for (let i = 0; i < 3; i++) await get(path);
    const times: number[] = [];
    for (let i = 0; i < config.repeat; i++) {
      const t0 = performance.now();
      const body = await get(path);
      times.push(performance.now() - t0);
      rows = Array.isArray(body.data) ? body.data.length : 1;
    }
    times.sort((a, b) => a - b);
    const t = { name, rows, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)! };
    timings.push(t);
    progress(`${backend}: ${name}: ${rows} rows, p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms`);
  }
  const byName = new Map(timings.map((t) => [t.name, t]));
  // The pages hold what they say (a benchmark on empty answers measures nothing).
  check(checks, `${backend}: full pages`, byName.get("Invoices: first page")?.rows === 50, "50 invoices");
  check(
    checks,
    `${backend}: searches find`,
    (byName.get("Claims: search by patient control number")?.rows ?? 0) > 0 &&
      (byName.get("Claims: search by client name")?.rows ?? 0) > 0 &&
      byName.get("Claims: search with no match")?.rows === 0,
    "PCN and name searches return claims, the nonsense search none",
  );
  // The board's counts are sums of count changes (no status index): they must add up to the practice's claims.
  const board = (await get("claims/counts")) as unknown as { counts: Record<string, number> };
  const claimsHeld = Number(await pick("SELECT count(*)::text AS v FROM claims WHERE practice_id = $1"));
  const boardTotal = Object.values(board.counts).reduce((a, n) => a + n, 0);
  check(
    checks,
    `${backend}: board counts add up`,
    boardTotal === claimsHeld,
    `${boardTotal} of ${claimsHeld}`,
  );
  return {
    backend,
    invoices: await scalar(database, "SELECT count(*) AS n FROM invoices WHERE practice_id = $1", [
      practiceId,
    ]),
    claims: await scalar(database, "SELECT count(*) AS n FROM claims WHERE practice_id = $1", [practiceId]),
    timings,
    load: loadavg()[0] ?? 0,
  };
};

const onPostgres = async (checks: Check[]): Promise<BackendResult> => {
  const name = `bench_lists_${Date.now().toString(36)}_${process.pid}`;
  const admin = new pg.Client({ connectionString: config.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(config.url);
    url.pathname = `/${name}`;
    const database = await openDatabase({ kind: "postgres", url: url.toString(), poolSize: 4 });
    // DROP DATABASE … WITH (FORCE) ends idle pooled sessions; that is not an error here.
    database.native.pool?.on("error", () => undefined);
    try {
      const server = await scalar(database, "SELECT current_setting('server_version_num')::int AS n");
      return await measure(database, `PostgreSQL ${Math.floor(server / 10000)}`, checks);
    } finally {
      await database.close();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
};

const onPglite = async (checks: Check[]): Promise<BackendResult> => {
  const database = await openDatabase({ kind: "pglite", dataDir: null });
  try {
    return await measure(database, "PGlite (in memory)", checks);
  } finally {
    await database.close();
  }
};

const ms = (v: number) => `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`;

const table = (results: BackendResult[]): string[] => {
  const names = results[0]?.timings.map((t) => t.name) ?? [];
  return [
    `| List (50 per page; searches 25) | ${results.map((r) => `${r.backend}: rows, p50 / p95 / max`).join(" | ")} |`,
    `|---|${results.map(() => "---").join("|")}|`,
    ...names.map((name) => {
      const cells = results.map((r) => {
        const t = r.timings.find((x) => x.name === name)!;
        const mark = t.p95 > TARGET_P95_MS ? " **over**" : "";
        return `${t.rows}, ${ms(t.p50)} / ${ms(t.p95)} / ${ms(t.max)}${mark}`;
      });
      return `| ${name} | ${cells.join(" | ")} |`;
    }),
  ];
};

const verdicts = (results: BackendResult[]): string[] =>
  results.map((r) => {
    const over = r.timings.filter((t) => t.p95 > TARGET_P95_MS);
    return `- ${r.backend}: ${over.length === 0 ? "met" : `**not met** for ${over.map((t) => t.name).join("; ")}`} (slowest p95 ${ms(Math.max(...r.timings.map((t) => t.p95)))}).`;
  });

const writeDoc = (results: BackendResult[]): void => {
  const r = results[0]!;
  const body = [
    SECTION_TITLE,
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:lists\` on ${cpus().length} cores (${cpus()[0]?.model.trim() ?? "?"}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; load ${results.map((x) => x.load.toFixed(1)).join(" / ")} at the end of each backend's run.`,
    "",
    `The measured practice holds ${fmtInt(r.invoices)} invoices and ${fmtInt(r.claims)} claims; a second practice holds as many again. Each list is requested ${config.repeat} times after 3 untimed requests, through the HTTP app in process (token authentication, validation, the query, the audit row each read writes, JSON).`,
    "",
    ...table(results),
    "",
    `Target (chosen for the web app, which asks for one page per screen or filter change): p95 ≤ ${TARGET_P95_MS} ms for every list.`,
    "",
    ...verdicts(results),
    "",
    "How it is measured: the automation bench's generator makes 2 practices of kept sessions (one client per 20 " +
      "sessions, 5 providers, 60 days), `createInvoices` and `processInvoices` turn them into invoices and claims; " +
      "then a biller's API token asks each list with `app.request`. Cursors are walked to reach page 101; the " +
      "searches use a real patient control number prefix and a real client last name.",
  ];
  replaceSection(DOC, SECTION_TITLE, body);
};

const main = async () => {
  const checks: Check[] = [];
  const results: BackendResult[] = [];
  if (!args["skip-postgres"]) results.push(await onPostgres(checks));
  if (!args["skip-pglite"]) results.push(await onPglite(checks));
  process.stdout.write(`\n${[...table(results), "", ...verdicts(results)].join("\n")}\n`);
  const failed = checks.filter((c) => !c.ok);
  if (failed.length > 0) {
    process.stderr.write(`${failed.length} check(s) failed; figures not written\n`);
    process.exit(1);
  }
  if (!args["no-doc"]) {
    writeDoc(results);
    progress(`wrote ${DOC}`);
  }
};

await main();
