/**
 * `npm run bench:era`: one large 835 (about 48 MB, under MAX_INBOUND_FILE_BYTES) posted through `importInboundFile`
 * while the HTTP API in the same process is asked GET /healthz and GET …/remittances 20 times a second each, as a
 * browser would while ERA Processing runs in the embedded server. Prints claims/s, the peak RSS and V8 heap sampled
 * during the import, and the API's p50/p99 during the import (from when each request was due, so a busy event loop
 * counts), then lists the remittances once more. Several sizes in one run show whether memory grows with the file.
 *
 * Every claim of the file is one the practice never sent (no claims are generated: that would take longer than the
 * import), so each is queued to the work queue with its decoded ERA claim: the reading, batching and writing path
 * at its heaviest per claim. The posting decision itself is measured by `npm run bench:claims` (b).
 *
 *   npm run bench:era                                    # PGlite (in memory)
 *   npm run bench:era -- --database-url postgres://postgres@127.0.0.1:5432/test
 *   npm run bench:era -- --claims 20000                  # a smaller file
 *   npm run bench:era -- --claims 25000,100000,255000    # one row per size, a fresh database each
 *   NODE_OPTIONS=--expose-gc npm run bench:era -- …      # also the live heap (a full GC every 2 s: slower)
 *   NODE_OPTIONS=--expose-gc npm run bench:era -- --claims 25000,255000 --max-live-growth-mb 10
 *                                                        # fails (exit 1) if the live heap grows more than that
 *
 * With --database-url the bench CREATEs a database bench_era_* on that server and DROPs it at the end.
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import {
  createApiToken,
  createPractice,
  createUser,
  importInboundFile,
  MAX_INBOUND_FILE_BYTES,
} from "@billcycle/app";
import { npiWithCheckDigit, systemClock } from "@billcycle/core";
import { type Database, migrate, openDatabase } from "@billcycle/db";
import { createApp, silentLogger } from "@billcycle/server";
import pg from "pg";
import { fmtInt, percentile, positiveInt, progress } from "./common";

const { values: args } = parseArgs({
  options: {
    "database-url": { type: "string" },
    claims: { type: "string" },
    rps: { type: "string" },
    "max-live-growth-mb": { type: "string" },
  },
});

/** About 188 bytes a claim (CLP, CAS, NM1*QC, SVC, DTM, CAS, REF): 255,000 claims make about 48 MB. */
/** One size, or several (`--claims 25000,100000,255000`): one fresh database each, one row each. */
const SIZES = (args.claims ?? "255000").split(",").map((v) => positiveInt(v, 255_000));
const RPS = positiveInt(args.rps, 20);

const money = (cents: number) => (cents / 100).toFixed(2);

/** One transaction set, balanced: every claim $175 charged, $140 paid, $35 CO-45. */
const build835 = (claims: number, trace: string): string => {
  const parts: string[] = [];
  const segments: string[] = [
    `BPR*I*${money(claims * 14000)}*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20260305`,
    `TRN*1*${trace}*1512345678`,
    "DTM*405*20260305",
    "N1*PR*BENCH PAYER",
    "N3*1 PAYER WAY",
    "N4*AUSTIN*TX*78701",
    "PER*BL*CLAIMS*TE*5125550100",
    "N1*PE*BENCH PRACTICE*XX*1234567893",
    "LX*1",
  ];
  let count = segments.length + 1;
  parts.push(segments.join("~\n"), "~\n");
  for (let i = 0; i < claims; i++) {
    const pcn = `BENCH${String(i).padStart(9, "0")}`;
    parts.push(
      `CLP*${pcn}*1*175*140*0*12*PAYER${i}*11*1~\nCAS*CO*45*35~\nNM1*QC*1*CLIENT*TEST****MI*M${String(i).padStart(9, "0")}~\n` +
        `SVC*HC:90837*175*140**1~\nDTM*472*20260302~\nCAS*CO*45*35~\nREF*6R*${pcn}-1~\n`,
    );
    count += 7;
  }
  const isa =
    "ISA*00*          *00*          *ZZ*CLEARINGHOUSE  *ZZ*SUBMITTER      *260305*1200*^*00501*000000101*0*P*:~\n";
  return `${isa}GS*HP*CLEARINGHOUSE*SUBMITTER*20260305*1200*101*X*005010X221A1~\nST*835*0001~\n${parts.join("")}SE*${count + 1}*0001~\nGE*1*101~\nIEA*1*000000101~\n`;
};

type Result = {
  backend: string;
  claims: number;
  bytes: number;
  seconds: number;
  perSecond: number;
  /** Peaks sampled every 50 ms during the import: RSS and V8 heap used (garbage not yet collected included). */
  importRssMb: number;
  importHeapMb: number;
  /** The V8 heap's peak right after a full collection (with --expose-gc only). */
  liveHeapMb: number | null;
  health: { n: number; p50: number; p99: number; max: number };
  list: { n: number; p50: number; p99: number; max: number };
  listAfterMs: number;
  load: number;
};

const stats = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? 0,
  };
};

const run = async (database: Database, backend: string, CLAIMS: number): Promise<Result> => {
  await migrate(database);
  const now = systemClock.now();
  const user = await createUser(database, {
    input: {
      email: `era-bench-${Date.now()}@example.com`,
      name: "Bench owner",
      password: "bench-password-1",
    },
    memberships: [],
    now,
  });
  const { id: practiceId } = await createPractice(database, {
    input: {
      name: "ERA bench practice",
      timeZone: "America/Chicago",
      address: { line1: "100 Main St", city: "Springfield", state: "IL", zip: "62701" },
      taxId: "12-3456789",
      billingNpi: npiWithCheckDigit("123456789"),
      taxonomyCode: "101YM0800X",
    },
    ownerUserId: user.id,
    now,
  });
  const { token } = await createApiToken(
    database,
    { userId: user.id, name: "bench", scopes: ["read"], createdVia: "cli" },
    { userId: null, practiceId: null, role: null, label: "system:bench" },
    now,
  );
  const app = createApp({ database, clock: systemClock, logger: silentLogger });
  const content = Buffer.from(build835(CLAIMS, `BENCH-${Date.now()}`));
  if (content.length > MAX_INBOUND_FILE_BYTES)
    throw new Error(`the file is above the limit: ${content.length}`);
  progress(`${backend}: ${fmtInt(CLAIMS)} claims, ${(content.length / 1e6).toFixed(1)} MB`);

  const health: number[] = [];
  const list: number[] = [];
  const inFlight = new Set<Promise<void>>();
  // Latency counts from when the request was due (every 1/RPS s), not from when the timer got to send it: a timer
  // that fires late because the event loop was busy is part of what a browser would wait.
  const ask = (path: string, into: number[], t0: number) => {
    const p = Promise.resolve(app.request(path, { headers: { authorization: `Bearer ${token}` } }))
      .then(async (res: Response) => {
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
        into.push(performance.now() - t0);
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  };
  const listPath = `/api/v1/practices/${practiceId}/remittances?limit=50`;
  let due = performance.now();
  const timer = setInterval(() => {
    for (const now = performance.now(); due <= now; due += 1000 / RPS) {
      ask("/healthz", health, due);
      ask(listPath, list, due);
    }
  }, 1000 / RPS);
  // Sampled, since maxRSS is the process's lifetime peak (the file's building counts there too).
  const peak = { rss: 0, heap: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heap = Math.max(peak.heap, m.heapUsed);
  };
  const sampler = setInterval(sample, 50);
  // With `node --expose-gc` (NODE_OPTIONS), a full collection every 2 s tells what the import holds from what V8 has
  // not collected yet; it pauses the process, so the latencies of such a run are not the ones to quote.
  const { gc } = globalThis as { gc?: () => void };
  let liveHeap = 0;
  const collector = gc
    ? setInterval(() => {
        gc();
        liveHeap = Math.max(liveHeap, process.memoryUsage().heapUsed);
      }, 2000)
    : undefined;
  const t0 = performance.now();
  const r = await importInboundFile(
    database,
    practiceId,
    { name: "bench.835", content },
    now,
    "system:bench",
  );
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  clearInterval(sampler);
  clearInterval(collector);
  sample();
  await Promise.all([...inFlight]);
  if (r.status !== "processed") throw new Error(`import: ${r.status} ${r.error ?? ""}`);
  const queued = r.remittances?.[0]?.queued ?? 0;
  if (queued !== CLAIMS) throw new Error(`expected ${CLAIMS} queued, got ${queued}`);
  const tList = performance.now();
  const after = await app.request(listPath, { headers: { authorization: `Bearer ${token}` } });
  if (after.status !== 200) throw new Error(`list after the import: ${after.status}`);
  const listAfterMs = performance.now() - tList;
  return {
    backend,
    claims: CLAIMS,
    bytes: content.length,
    seconds,
    perSecond: CLAIMS / seconds,
    importRssMb: peak.rss / 2 ** 20,
    importHeapMb: peak.heap / 2 ** 20,
    liveHeapMb: gc ? liveHeap / 2 ** 20 : null,
    health: stats(health),
    list: stats(list),
    listAfterMs,
    load: loadavg()[0] ?? 0,
  };
};

const once = async (claims: number): Promise<Result> => {
  const url = args["database-url"];
  if (url) {
    const name = `bench_era_${Date.now().toString(36)}_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
      const target = new URL(url);
      target.pathname = `/${name}`;
      const database = await openDatabase({ kind: "postgres", url: target.toString(), poolSize: 4 });
      database.native.pool?.on("error", () => undefined);
      try {
        return await run(database, "PostgreSQL", claims);
      } finally {
        await database.close();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
  const database = await openDatabase({ kind: "pglite", dataDir: null });
  try {
    return await run(database, "PGlite (in memory)", claims);
  } finally {
    await database.close();
  }
};

/** The live heap of each size, in order (with --expose-gc). */
const live: number[] = [];

const main = async () => {
  const ms = (v: number) => `${v < 10 ? v.toFixed(1) : fmtInt(v)} ms`;
  const mb = (v: number) => `${fmtInt(v)} MB`;
  process.stdout.write(
    "| backend | claims | file | import | claims/s | peak RSS | heap (live) | /healthz p50 / p99 (n) | remittances list p50 / p99 (n) | list after | load |\n|---|---|---|---|---|---|---|---|---|---|---|\n",
  );
  for (const claims of SIZES) {
    const r = await once(claims);
    if (r.liveHeapMb !== null) live.push(r.liveHeapMb);
    const heap = `${mb(r.importHeapMb)}${r.liveHeapMb === null ? "" : ` (${mb(r.liveHeapMb)})`}`;
    process.stdout.write(
      `| ${r.backend} | ${fmtInt(r.claims)} | ${(r.bytes / 1e6).toFixed(1)} MB | ${r.seconds.toFixed(1)} s | **${fmtInt(r.perSecond)}** | ${mb(r.importRssMb)} | ${heap} | ${ms(r.health.p50)} / **${ms(r.health.p99)}** (${r.health.n}) | ${ms(r.list.p50)} / **${ms(r.list.p99)}** (${r.list.n}) | ${ms(r.listAfterMs)} | ${r.load.toFixed(1)} |\n`,
    );
  }
};

await main();

// Memory flat whatever the file's size: the live heap (after a full collection) of the largest file against the
// smallest, with a bound the caller sets.
const bound = args["max-live-growth-mb"];
if (bound !== undefined) {
  if (!(globalThis as { gc?: unknown }).gc || live.length < 2)
    throw new Error("--max-live-growth-mb needs NODE_OPTIONS=--expose-gc and two sizes or more");
  const growth = Math.max(...live) - live[0]!;
  process.stdout.write(`live heap growth: ${growth.toFixed(1)} MB (bound ${bound} MB)\n`);
  if (growth > Number(bound)) {
    process.stderr.write(`FAIL: the live heap grew ${growth.toFixed(1)} MB, more than ${bound} MB\n`);
    process.exitCode = 1;
  }
}
