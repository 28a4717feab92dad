/**
 * `npm run bench:documents`: the monthly superbills run for 10,000 clients with automatic superbills on, PDFs
 * included (each rendered, hashed and stored in the run's transactions), on PostgreSQL: superbills per second and
 * the process's RSS as the count grows. Writes the "Documents" section of docs/PERFORMANCE.md.
 *
 *   npm run bench:documents
 *   npm run bench:documents -- --clients 2000 --no-doc
 *
 * --url (or BENCH_DATABASE_URL, TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test) names a server
 * where the bench may CREATE and DROP a database called bench_documents_*; it drops it at the end.
 */
import { cpus, loadavg, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createSuperbills } from "@billcycle/app";
import { migrate, openDatabase } from "@billcycle/db";
import pg from "pg";
import {
  benchDatabaseUrl,
  type Check,
  check,
  fmtInt,
  positiveInt as int,
  progress,
  query,
  replaceSection,
  scalar,
} from "./common";
import { generateData } from "./generate";

const { values: args } = parseArgs({
  options: {
    url: { type: "string" },
    clients: { type: "string" },
    "in-flight": { type: "string" },
    "no-doc": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

if (args.help) {
  process.stdout.write(`npm run bench:documents -- [options]
  --clients N   clients with automatic superbills, 20 kept sessions each over two months (default 10000)
  --in-flight N superbill batches in flight (default 2, createSuperbills' own; 1 renders and writes in turn)
  --no-doc      do not write docs/PERFORMANCE.md
  --keep        keep the bench database (its name is printed)
  --url URL     PostgreSQL server (BENCH_DATABASE_URL / TEST_DATABASE_URL)
`);
  process.exit(0);
}

const config = {
  url: benchDatabaseUrl(args.url),
  clients: int(args.clients, 10_000),
  inFlight: int(args["in-flight"], 2),
};
const TARGET_PER_SECOND = 200;
const SECTION_TITLE = "## Documents (`npm run bench:documents`)";
const DOC = fileURLToPath(new URL("../../../docs/PERFORMANCE.md", import.meta.url));
const now = new Date("2026-07-01T06:00:00Z");
/** Sessions are generated up to June 29; the July 1 superbills take everything up to June 30. */
const runDate = "2026-06-30";
const superbillDay = "2026-07-01";
const MiB = 1024 * 1024;
/** The heap is judged after a full collection: RSS alone moves by tens of MiB with V8's and the PDF threads' growth. */
setFlagsFromString("--expose_gc");
const collectGarbage = runInNewContext("gc") as () => void;

const main = async () => {
  const dbName = `bench_documents_${Date.now()}`;
  const admin = new pg.Client({ connectionString: config.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(config.url);
  url.pathname = `/${dbName}`;
  const database = await openDatabase({ kind: "postgres", url: url.toString(), poolSize: 4 });
  const checks: Check[] = [];
  try {
    await migrate(database);
    progress(
      `generating ${fmtInt(config.clients)} clients with ${fmtInt(config.clients * 20)} kept sessions…`,
    );
    const generated = await generateData(
      database,
      {
        practices: 1,
        perPractice: config.clients * 20,
        latencyPractices: 0,
        latencyAppointments: 0,
        runDate,
        latencyDate: runDate,
        now,
      },
      progress,
    );
    const practiceId = generated.nightlyPracticeIds[0]!;
    await query(database, "UPDATE clients SET auto_superbills = true WHERE practice_id = $1", [practiceId]);
    await database.exec("VACUUM ANALYZE");
    const eligible = await scalar(
      database,
      `SELECT count(*) AS n FROM appointment_services s JOIN services sv ON sv.id = s.service_id
       WHERE s.practice_id = $1 AND sv.insurance_eligible`,
      [practiceId],
    );

    const rssAt: Array<{ count: number; rssMiB: number; heapMiB: number }> = [];
    const marks = [0.25, 0.5, 1].map((f) => Math.round(config.clients * f));
    let peakRss = 0;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 50);
    const rssBefore = process.memoryUsage().rss;
    progress(
      `superbills for ${fmtInt(config.clients)} clients (RSS before: ${(rssBefore / MiB).toFixed(0)} MiB)…`,
    );
    const loadBefore = loadavg()[0]!;
    const t0 = performance.now();
    const result = await createSuperbills(
      database,
      {
        practiceId,
        runId: null,
        trigger: "manual",
        today: superbillDay,
        inFlight: config.inFlight,
        onBatch: (totals) => {
          const mark = marks[rssAt.length];
          if (mark !== undefined && totals.created >= mark) {
            collectGarbage();
            const m = process.memoryUsage();
            rssAt.push({ count: totals.created, rssMiB: m.rss / MiB, heapMiB: m.heapUsed / MiB });
            progress(`  ${fmtInt(totals.created)} superbills, RSS ${(m.rss / MiB).toFixed(0)} MiB`);
          }
        },
      },
      now,
    );
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const perSecond = result.created / seconds;
    progress(`${fmtInt(result.created)} superbills in ${seconds.toFixed(1)} s: ${fmtInt(perSecond)}/s`);

    const [stored] = await query<{ n: string; bytes: string; distinct_hashes: string }>(
      database,
      `SELECT count(*) AS n, sum(pdf_bytes) AS bytes, count(DISTINCT pdf_sha256) AS distinct_hashes
       FROM documents WHERE practice_id = $1 AND kind = 'superbill'`,
      [practiceId],
    );
    const linked = await scalar(
      database,
      "SELECT count(*) AS n FROM superbill_services WHERE practice_id = $1",
      [practiceId],
    );
    check(
      checks,
      "one superbill per client",
      Number(stored?.n) === config.clients,
      `${stored?.n} superbills`,
    );
    check(checks, "every eligible service on one superbill", linked === eligible, `${linked} of ${eligible}`);
    check(
      checks,
      "every PDF its own",
      Number(stored?.distinct_hashes) === config.clients,
      `${stored?.distinct_hashes} hashes`,
    );
    const again = await createSuperbills(
      database,
      { practiceId, runId: null, trigger: "manual", today: superbillDay },
      now,
    );
    check(checks, "a second run adds none", again.created === 0, `${again.created} created`);
    const avgKiB = Number(stored?.bytes) / Number(stored?.n) / 1024;
    // Kept PDFs alone would add 7,500 × 4.5 KiB = 33 MiB between the first mark and the last at 10,000 clients.
    const grown = (rssAt.at(-1)?.heapMiB ?? 0) - (rssAt[0]?.heapMiB ?? 0);
    check(
      checks,
      "memory flat as the count grows",
      grown < 16,
      `heap after GC ${rssAt.map((r) => r.heapMiB.toFixed(0)).join(" / ")} MiB, RSS ${rssAt.map((r) => r.rssMiB.toFixed(0)).join(" / ")} MiB`,
    );

    const lines = [
      SECTION_TITLE,
      "",
      `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ` +
        `${(totalmem() / 1024 ** 3).toFixed(1)} GB, load average ${loadBefore.toFixed(1)} at the start and ${loadavg()[0]?.toFixed(1)} at the end, PostgreSQL, one process.`,
      "",
      `The monthly superbills run (\`createSuperbills\`, batches of 200 clients per transaction, ${config.inFlight} in flight: lock the ` +
        "clients, read their services, render each PDF with pdfkit, insert documents, superbill_services, audit rows, " +
        "shares and outcomes) " +
        `for ${fmtInt(config.clients)} clients with automatic superbills on, ${fmtInt(config.clients * 20)} kept ` +
        `sessions (${fmtInt(eligible)} insurance-eligible services) over two months.`,
      "",
      "| superbills | seconds | superbills/s | target | PDF size (avg) | heap after GC / RSS at 25% / 50% / 100% | peak RSS |",
      "| ---: | ---: | ---: | ---: | ---: | --- | ---: |",
      `| ${fmtInt(result.created)} | ${seconds.toFixed(1)} | ${fmtInt(perSecond)} | ≥ ${TARGET_PER_SECOND} ${perSecond >= TARGET_PER_SECOND ? "(met)" : "(missed)"} | ${avgKiB.toFixed(1)} KiB | ${rssAt.map((r) => `${fmtInt(r.count)}: ${r.heapMiB.toFixed(0)} / ${r.rssMiB.toFixed(0)} MiB`).join(", ")} | ${(peakRss / MiB).toFixed(0)} MiB |`,
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
    if (args.keep) progress(`kept database ${dbName}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin.end();
  }
};

await main();
