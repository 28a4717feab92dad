/**
 * `npm run bench:responsiveness`: the API's latency while `billcycle start` (server + in-process worker) runs a
 * night of Invoice Creation and Invoice Processing, on the embedded database (PGlite in a data directory) and on
 * PostgreSQL. The sessions are generated first; the clock is set so the first tick after start finds both runs
 * of every practice due. The real CLI is started as a child process, and from the moment it listens GET requests
 * go out at a steady rate (/healthz, an invoice list page, the run history, in turn) until every run is done.
 * Writes the figures to the "API responsiveness during a nightly run" section of docs/PERFORMANCE.md.
 *
 *   npm run bench:responsiveness                              # 10 × 10,000 sessions, 20 requests/s, both engines
 *   npm run bench:responsiveness -- --practices 2 --per-practice 2000 --skip-postgres --no-doc
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createApiToken, createUser } from "@billcycle/app";
import { addDays, localDateAt, occurrenceInstant } from "@billcycle/core";
import { type Database, migrate, openDatabase } from "@billcycle/db";
import pg from "pg";
import { benchDatabaseUrl, fmtInt, positiveInt, progress, query, replaceSection, sleep } from "./common";
import { BENCH_ZONE, generateData } from "./generate";

const { values: args } = parseArgs({
  options: {
    url: { type: "string" },
    practices: { type: "string" },
    "per-practice": { type: "string" },
    rate: { type: "string" },
    "pglite-practices": { type: "string" },
    "pglite-per-practice": { type: "string" },
    "skip-pglite": { type: "boolean", default: false },
    "skip-postgres": { type: "boolean", default: false },
    "no-doc": { type: "boolean", default: false },
  },
});
const config = {
  url: benchDatabaseUrl(args.url),
  practices: positiveInt(args.practices, 10),
  perPractice: positiveInt(args["per-practice"], 10_000),
  rate: positiveInt(args.rate, 20),
  pglitePractices: positiveInt(args["pglite-practices"], 10),
  pglitePerPractice: positiveInt(args["pglite-per-practice"], 10_000),
};
const TARGET_P99_MS = 500;
const REQUEST_TIMEOUT_MS = 30_000;
const main = fileURLToPath(new URL("../../cli/src/main.ts", import.meta.url));
const startedAt = new Date();
const runDate = addDays(localDateAt(startedAt, BENCH_ZONE), -1);

type Result = {
  engine: string;
  sessions: number;
  firstHealthMs: number;
  requests: number;
  timeouts: number;
  errors: number;
  p50: number;
  p99: number;
  max: number;
  runSeconds: number;
  sessionsPerSecond: number;
  load: number;
  /** How long the database took to open again after the night (PGlite replays the WAL since its checkpoint). */
  reopenMs?: number;
};

/** Generates the sessions, a member with an API token, and sets the clock so both runs are due at start. */
const prepare = async (database: Database, practices: number, perPractice: number) => {
  await migrate(database);
  const generated = await generateData(
    database,
    {
      practices,
      perPractice,
      latencyPractices: 0,
      latencyAppointments: 0,
      runDate,
      latencyDate: runDate,
      now: startedAt,
    },
    progress,
  );
  const ids = generated.nightlyPracticeIds;
  const user = await createUser(database, {
    input: { email: `bench-${Date.now()}@example.com`, name: "Bench", password: "bench-password-1" },
    memberships: ids.map((practiceId) => ({ practiceId, role: "biller" as const })),
    now: startedAt,
  });
  const { token } = await createApiToken(
    database,
    { userId: user.id, name: "bench", scopes: ["read"], createdVia: "cli" },
    { userId: null, practiceId: null, role: null, label: "system:bench" },
    startedAt,
  );
  const before = occurrenceInstant(runDate, "19:00", BENCH_ZONE).toISOString();
  for (const kind of ["invoice_creation", "invoice_processing"])
    await query(
      database,
      `INSERT INTO automation_clock (practice_id, automation, checked_through)
       SELECT unnest($1::uuid[]), $2, $3::timestamptz
       ON CONFLICT (practice_id, automation) DO UPDATE SET checked_through = excluded.checked_through`,
      [ids, kind, before],
    );
  return { ids, token, sessions: generated.appointments };
};

const startCli = (env: Record<string, string>): { child: ChildProcess; url: Promise<string> } => {
  const child = spawn(process.execPath, ["--import", "tsx", main, "start", "--port", "0", "--no-demo"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", process.env.BENCH_TRACE ? "inherit" : "ignore"],
  });
  let out = "";
  const url = new Promise<string>((resolve, reject) => {
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\S+)/.exec(out);
      if (m) resolve(m[1]!);
      if (out.length > 100_000) out = out.slice(-1000);
    });
    child.on("exit", (code) => reject(new Error(`billcycle start exited (${code})`)));
  });
  return { child, url };
};

/** One GET on its own connection (no keep-alive: a request never waits behind another on a shared socket). */
const get = (url: string, headers: Record<string, string>): Promise<{ ok: boolean; body: string }> =>
  new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent: false, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => {
        body += d;
      });
      res.on("end", () => resolve({ ok: (res.statusCode ?? 500) < 400, body }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(Object.assign(new Error("timed out"), { name: "TimeoutError" })));
    req.on("error", reject);
  });

type RunRow = {
  automation: string;
  localDate: string;
  status: string;
  startedAt: string | null;
  finishedAt: string | null;
};
const NIGHT = new Set(["invoice_creation", "invoice_processing"]);

/** Sends GETs at `rate`/s from the moment the server listens until every run of every practice is done. */
const measure = async (
  engine: string,
  env: Record<string, string>,
  prepared: { ids: string[]; token: string; sessions: number },
): Promise<Result> => {
  const load = loadavg()[0]!;
  const { child, url: listening } = startCli(env);
  try {
    const url = await listening;
    const auth = { authorization: `Bearer ${prepared.token}` };
    const h0 = performance.now();
    await get(`${url}/healthz`, {});
    const firstHealthMs = performance.now() - h0;
    const runs = new Map<string, RunRow[]>();
    const latencies: number[] = [];
    let timeouts = 0;
    let errors = 0;
    const pending = new Set<Promise<void>>();
    // The two runs of the prepared night per practice. Started after today's run times in the bench's zone, the
    // engine also runs today's night: not waited for (before, the bench waited forever for exactly two runs).
    const nightRuns = (id: string) =>
      (runs.get(id) ?? []).filter((x) => NIGHT.has(x.automation) && x.localDate === runDate);
    const allDone = () =>
      prepared.ids.every((id) => {
        const r = nightRuns(id);
        return r.length === 2 && r.every((x) => x.status === "done");
      });
    const send = async (i: number) => {
      const practice = prepared.ids[Math.floor(i / 3) % prepared.ids.length]!;
      const path = [
        "/healthz",
        `/api/v1/practices/${practice}/invoices?limit=50`,
        `/api/v1/practices/${practice}/automation-runs?limit=10`,
      ][i % 3]!;
      const t = performance.now();
      try {
        const res = await get(`${url}${path}`, auth);
        const body = JSON.parse(res.body) as { data?: RunRow[] };
        latencies.push(performance.now() - t);
        if (process.env.BENCH_TRACE)
          process.stdout.write(
            `${((t - h0) / 1000).toFixed(1)}s ${path.split("/").at(-1)} ${Math.round(performance.now() - t)}ms\n`,
          );
        if (!res.ok) errors++;
        else if (path.includes("automation-runs")) runs.set(practice, body.data ?? []);
      } catch (e) {
        if ((e as Error).name === "TimeoutError") timeouts++;
        else errors++;
      }
    };
    const t0 = performance.now();
    for (let i = 0; !allDone(); i++) {
      const p = send(i).finally(() => pending.delete(p));
      pending.add(p);
      const due = t0 + ((i + 1) * 1000) / config.rate;
      await sleep(Math.max(0, due - performance.now()));
      if (i % (config.rate * 10) === 0) {
        // The latency so far, so that a run stopped before its end still tells what it measured.
        const sorted = [...latencies].sort((a, b) => a - b);
        const at = (p: number) =>
          Math.round(sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0);
        progress(
          `${engine}: ${i} requests, ${[...runs.values()].flat().filter((r) => r.status === "done").length} runs done, ` +
            `so far p50 ${at(50)} ms, p99 ${at(99)} ms, max ${at(100)} ms, ${timeouts} timed out`,
        );
      }
    }
    await Promise.all(pending);
    const all = prepared.ids.flatMap(nightRuns);
    const first = Math.min(...all.map((r) => Date.parse(r.startedAt ?? "")));
    const last = Math.max(...all.map((r) => Date.parse(r.finishedAt ?? "")));
    const runSeconds = (last - first) / 1000;
    const sorted = latencies.sort((a, b) => a - b);
    const at = (p: number) =>
      sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
    return {
      engine,
      sessions: prepared.sessions,
      firstHealthMs,
      requests: latencies.length + timeouts + errors,
      timeouts,
      errors,
      p50: at(50),
      p99: at(99),
      max: sorted.at(-1) ?? 0,
      runSeconds,
      sessionsPerSecond: prepared.sessions / runSeconds,
      load,
    };
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
};

/**
 * After the server stopped: every session invoiced once and every invoice processed, read from the database the
 * server wrote. A run marked done that left work behind would make the latency figures meaningless. Also how long
 * the database took to open again (on PGlite, the WAL replayed since the last checkpoint).
 */
const checkNight = async (open: () => Promise<Database>, sessions: number): Promise<number> => {
  const t = performance.now();
  const database = await open();
  const reopenMs = performance.now() - t;
  try {
    // Processing takes the invoices dated before the night's day (one step a day): the last day's wait for the next.
    const [counts] = await database.withSession((exec) =>
      exec(
        `SELECT (SELECT count(*) FROM invoices)::int AS invoices,
                (SELECT count(*) FROM invoices WHERE status = 'open'
                    AND invoice_date < (SELECT max(invoice_date) FROM invoices))::int AS missed`,
      ),
    );
    const invoices = Number(counts?.invoices);
    const missed = Number(counts?.missed);
    progress(
      `check: ${fmtInt(invoices)} invoices for ${fmtInt(sessions)} sessions, ${fmtInt(missed)} left open`,
    );
    if (invoices !== sessions || missed !== 0) {
      throw new Error(
        `the night left work behind: ${invoices} invoices for ${sessions} sessions, ${missed} open`,
      );
    }
  } finally {
    await database.close();
  }
  return reopenMs;
};

const runPglite = async (): Promise<Result> => {
  const dataDir = mkdtempSync(join(tmpdir(), "billcycle-bench-"));
  try {
    progress(
      `PGlite: generating ${config.pglitePractices} × ${fmtInt(config.pglitePerPractice)} sessions in ${dataDir}`,
    );
    const database = await openDatabase({ kind: "pglite", dataDir });
    let prepared: Awaited<ReturnType<typeof prepare>>;
    try {
      prepared = await prepare(database, config.pglitePractices, config.pglitePerPractice);
    } finally {
      await database.close();
    }
    const result = await measure(
      "PGlite (data directory)",
      { BILLCYCLE_DATA_DIR: dataDir, DATABASE_URL: "" },
      prepared,
    );
    const reopenMs = await checkNight(() => openDatabase({ kind: "pglite", dataDir }), prepared.sessions);
    return { ...result, reopenMs };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
};

const runPostgres = async (): Promise<Result> => {
  const name = `bench_resp_${Date.now().toString(36)}_${process.pid}`;
  const admin = new pg.Client({ connectionString: config.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(config.url);
    u.pathname = `/${name}`;
    progress(
      `PostgreSQL: generating ${config.practices} × ${fmtInt(config.perPractice)} sessions in ${name}`,
    );
    const database = await openDatabase({ kind: "postgres", url: u.toString(), poolSize: 4 });
    let prepared: Awaited<ReturnType<typeof prepare>>;
    try {
      prepared = await prepare(database, config.practices, config.perPractice);
    } finally {
      await database.close();
    }
    const result = await measure("PostgreSQL", { DATABASE_URL: u.toString() }, prepared);
    const reopenMs = await checkNight(
      () => openDatabase({ kind: "postgres", url: u.toString(), poolSize: 1 }),
      prepared.sessions,
    );
    return { ...result, reopenMs };
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
};

const results: Result[] = [];
if (!args["skip-pglite"]) results.push(await runPglite());
if (!args["skip-postgres"]) results.push(await runPostgres());

const ms = (n: number) => `${fmtInt(n)} ms`;
const rows = results.map(
  (r) =>
    `| ${r.engine} | ${fmtInt(r.sessions)} | ${fmtInt(r.requests)} (${r.timeouts} timed out, ${r.errors} errors) | ` +
    `${ms(r.p50)} / **${ms(r.p99)}** / ${ms(r.max)} | ${r.p99 <= TARGET_P99_MS ? "met" : "**not met**"} | ` +
    `${r.runSeconds.toFixed(1)} s (${fmtInt(r.sessionsPerSecond)} sessions/s) | ${ms(r.firstHealthMs)} | ${r.reopenMs === undefined ? "—" : ms(r.reopenMs)} | ${r.load.toFixed(1)} |`,
);
const body = [
  "## API responsiveness during a nightly run",
  "",
  `Measured ${startedAt.toISOString().slice(0, 10)} with \`npm run bench:responsiveness\` (${config.rate} requests/s) on 2 shared cores, Node ${process.version}.`,
  "",
  "| engine | sessions | requests | latency p50 / p99 / max | p99 ≤ 500 ms | creation + processing (first start → last finish) | first /healthz after listening | database reopened after the night | load (1 min) at start |",
  "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ...rows,
  "",
  "- `billcycle start` is started as a child process on a database where the clock finds both runs of every practice due at its first tick; the requests start the moment it listens and stop when every run is done. They go in turn to `/healthz`, an invoice list page (50) and the run history of a practice, authenticated with an API token; a request that takes over 30 s counts as timed out.",
  "- On PGlite the worker and the API share one session on one thread: a nightly batch is 50 sessions (1,000 on PostgreSQL), and after each the run pauses as long as the batch took (at most 250 ms), so a request waits about one batch.",
];
for (const r of rows) process.stdout.write(`${r}\n`);
if (!args["no-doc"]) replaceSection("docs/PERFORMANCE.md", body[0]!, body);
