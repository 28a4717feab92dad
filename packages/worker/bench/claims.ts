/**
 * `npm run bench:claims`: throughput of the claims pipeline on PostgreSQL.
 *
 *   (a) Claims Submission for 100,000 claims: `submitClaims` per practice, dry run (scrub + 837P written in memory,
 *       nothing stored) and the persisting run (scrub results stored, rejected claims moved, the 837P stored and
 *       delivered to a directory drop, claims moved to Submitted, outcomes recorded);
 *   (b) ERA posting of 100,000 claims: `importInboundFile` with one 835 per practice (one transaction set per payer);
 *   (c) the raw-insert ceiling of the rows each path writes: claim_scrubs for (a), remittance_claims + postings
 *       for (b), re-inserted as fast as the database takes them.
 * Writes the figures to the "Claims pipeline" section of docs/PERFORMANCE.md.
 *
 *   npm run bench:claims                                  # 10 practices × 10,000 claims
 *   npm run bench:claims -- --practices 2 --per-practice 2000 --no-doc
 *
 * --url (or BENCH_DATABASE_URL, TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test) names a server
 * where the bench may CREATE and DROP a database called bench_claims_*; it drops it at the end.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { defaultTransportResolver, importInboundFile, submitClaims, transitionClaims } from "@billcycle/app";
import { localDateAt } from "@billcycle/core";
import { type Database, migrate, openDatabase } from "@billcycle/db";
import pg from "pg";
import { type ClaimsCeiling, measureClaimsCeiling } from "./claims-ceiling";
import { buildEra835, type EraClaimInput, type ExpectedPosting } from "./claims-era";
import { type GeneratedPractice, generateClaimsData } from "./claims-generate";
import { type ClaimsBenchResult, printClaimsTable, type Timed, writeClaimsSection } from "./claims-report";
import {
  benchDatabaseUrl,
  type Check,
  check,
  fmtInt,
  positiveInt as int,
  progress,
  query,
  scalar,
} from "./common";
import { BENCH_ZONE } from "./generate";

const { values: args } = parseArgs({
  options: {
    url: { type: "string" },
    practices: { type: "string" },
    "per-practice": { type: "string" },
    concurrency: { type: "string" },
    "skip-persist": { type: "boolean", default: false },
    "no-doc": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

if (args.help) {
  process.stdout.write(`npm run bench:claims -- [options]
  --practices P        practices (default 10)
  --per-practice N     claims per practice (default 10000)
  --concurrency 1,2    practices handled at once, in this process: a full run (own database) for each
                       (default 1,2)
  --skip-persist       measure only the dry-run submission (claims are then set Submitted for posting)
  --no-doc             do not write docs/PERFORMANCE.md
  --keep               keep the bench database (its name is printed)
  --url URL            PostgreSQL server (BENCH_DATABASE_URL / TEST_DATABASE_URL)
`);
  process.exit(0);
}

const config = {
  url: benchDatabaseUrl(args.url),
  practices: int(args.practices, 10),
  perPractice: int(args["per-practice"], 10_000),
  concurrencies: (args.concurrency ?? "1,2").split(",").map((v) => int(v.trim(), 1)),
  persist: !args["skip-persist"],
};

const startedAt = new Date();
const today = localDateAt(startedAt, BENCH_ZONE);

const withDatabaseName = (url: string, name: string): string => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

const load1 = () => loadavg()[0] ?? 0;
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Runs `fn` for every practice and times the whole: one practice after another, or `concurrency` at a time in
 * this process (as that many workers would); progress after each practice.
 */
const timed = async (
  concurrency: number,
  label: string,
  practices: readonly GeneratedPractice[],
  fn: (p: GeneratedPractice, index: number) => Promise<number>,
): Promise<Timed> => {
  const load = load1();
  let claims = 0;
  let done = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, practices.length) }, async () => {
      for (let i = next++; i < practices.length; i = next++) {
        const n = await fn(practices[i]!, i); // `claims += await …` would add to a stale total
        claims += n;
        const ms = performance.now() - t0;
        progress(
          `${label}: ${++done}/${practices.length} practices, ${fmtInt(claims)} claims, ${fmtInt(claims / (ms / 1000))} claims/s`,
        );
      }
    }),
  );
  const ms = performance.now() - t0;
  return { claims, ms, perSecond: claims / (ms / 1000), load };
};

const count = (database: Database, text: string, params: unknown[] = []) => scalar(database, text, params);

const occurrences = (content: string, needle: string): number => {
  let n = 0;
  for (let i = content.indexOf(needle); i >= 0; i = content.indexOf(needle, i + needle.length)) n++;
  return n;
};

const runSubmission = async (
  database: Database,
  practices: readonly GeneratedPractice[],
  checks: Check[],
  concurrency: number,
): Promise<{ dryRun: Timed; persist: Timed | null; scrubCeiling: ClaimsCeiling[] }> => {
  const total = practices.reduce((a, p) => a + p.claims, 0);
  const blocked = practices.reduce((a, p) => a + p.blocked, 0);
  const duplicates = practices.reduce((a, p) => a + p.duplicates, 0);
  const dropRoot = mkdtempSync(join(tmpdir(), "billcycle-claims-bench-"));
  const deps = { transportFor: defaultTransportResolver({ dropRoot }) };
  try {
    progress(`(a) dry run: submitClaims(…, { dryRun: true }) for ${fmtInt(total)} claims`);
    let written = 0;
    let rejected = 0;
    let clm = 0;
    const dryRun = await timed(concurrency, "(a) dry run", practices, async (p) => {
      const r = await submitClaims(
        database,
        { practiceId: p.practiceId, runId: null, trigger: "manual", today },
        startedAt,
        deps,
        { dryRun: true },
      );
      written += r.submitted;
      rejected += r.scrubberRejected;
      clm += occurrences(r.fileContent ?? "", "CLM*");
      return r.considered;
    });
    check(
      checks,
      "dry run: every claim scrubbed",
      dryRun.claims === total,
      `${fmtInt(dryRun.claims)} of ${fmtInt(total)}`,
    );
    check(
      checks,
      "dry run: blocked claims rejected, the others written",
      rejected === blocked && written === total - blocked && clm === written,
      `${fmtInt(rejected)} rejected (expected ${fmtInt(blocked)}), ${fmtInt(written)} written, ${fmtInt(clm)} CLM segments`,
    );
    check(
      checks,
      "dry run: nothing stored",
      (await count(database, "SELECT count(*) AS n FROM claim_scrubs")) === 0 &&
        (await count(database, "SELECT count(*) AS n FROM claims WHERE status <> 'awaiting_submission'")) ===
          0,
      "no claim_scrubs rows, every claim still Awaiting Submission",
    );
    if (!config.persist) return { dryRun, persist: null, scrubCeiling: [] };

    progress(`(a) persisting: submitClaims(…) for ${fmtInt(total)} claims, delivered to ${dropRoot}`);
    let sent = 0;
    const persist = await timed(concurrency, "(a) persisting", practices, async (p) => {
      const r = await submitClaims(
        database,
        { practiceId: p.practiceId, runId: null, trigger: "manual", today },
        startedAt,
        deps,
      );
      sent += r.submitted;
      return r.considered;
    });
    const scrubs = await query<{ n: string; blocking: string; dup: string }>(
      database,
      `SELECT count(*) AS n, count(*) FILTER (WHERE blocking) AS blocking,
         count(*) FILTER (WHERE edits @> '[{"code":"DUPLICATE_CLAIM"}]') AS dup FROM claim_scrubs`,
    );
    const s = scrubs[0]!;
    check(
      checks,
      "persisting: one scrub result per claim",
      Number(s.n) === total && Number(s.blocking) === blocked,
      `${fmtInt(Number(s.n))} claim_scrubs (${fmtInt(Number(s.blocking))} blocking, expected ${fmtInt(blocked)})`,
    );
    check(
      checks,
      "persisting: duplicate warnings",
      Number(s.dup) === duplicates,
      `${fmtInt(Number(s.dup))} claims with DUPLICATE_CLAIM (expected ${fmtInt(duplicates)})`,
    );
    const statuses = await query<{ status: string; n: string }>(
      database,
      "SELECT status, count(*) AS n FROM claims GROUP BY status ORDER BY status",
    );
    const by = new Map(statuses.map((r) => [r.status, Number(r.n)]));
    const history = await count(
      database,
      "SELECT count(*) AS n FROM claim_status_history WHERE to_status IN ('submitted', 'scrubber_rejected')",
    );
    check(
      checks,
      "persisting: claims Submitted or Scrubber Rejected, with history",
      sent === total - blocked &&
        (by.get("submitted") ?? 0) === total - blocked &&
        (by.get("scrubber_rejected") ?? 0) === blocked &&
        history === total,
      `${fmtInt(by.get("submitted") ?? 0)} submitted, ${fmtInt(by.get("scrubber_rejected") ?? 0)} scrubber rejected, ${fmtInt(history)} history rows`,
    );
    const submissions = await count(database, "SELECT count(*) AS n FROM claim_submissions");
    const files = await count(
      database,
      "SELECT count(*) AS n FROM clearinghouse_files WHERE direction = 'outbound' AND status = 'sent'",
    );
    let delivered = 0;
    for (const p of practices) {
      const dir = join(dropRoot, p.practiceId, "outbox");
      for (const f of readdirSync(dir))
        delivered += occurrences(readFileSync(join(dir, f), "latin1"), "CLM*");
    }
    check(
      checks,
      "persisting: files stored and delivered",
      submissions === total - blocked && files === practices.length && delivered === total - blocked,
      `${fmtInt(submissions)} claim_submissions, ${files} files sent, ${fmtInt(delivered)} CLM segments in the drop`,
    );

    progress("(c) ceiling for (a): claim_scrubs re-inserted");
    const ceiling = await measureClaimsCeiling(
      database,
      [{ name: "claim_scrubs", unit: "claim_id", order: "id" }],
      "true",
      { connections: [1, 2] },
    );
    for (const c of ceiling)
      progress(
        `  ${fmtInt(c.rows)} claim_scrubs rows, ${c.connections} conn.: ${fmtInt(c.unitsPerSecond)} claims/s`,
      );
    return { dryRun, persist, scrubCeiling: ceiling };
  } finally {
    rmSync(dropRoot, { recursive: true, force: true });
  }
};

type ClaimRow = {
  pcn: string;
  payer_id: string;
  payer_name: string;
  payer_code: string;
  lines: Array<{ code: string; modifiers: string[]; charge: number; dos: string; control: string }>;
};

const runPosting = async (
  database: Database,
  practices: readonly GeneratedPractice[],
  checks: Check[],
  stamp: string,
  concurrency: number,
): Promise<{ posting: Timed; postingCeiling: ClaimsCeiling[]; bytes: number; remittances: number }> => {
  // Every claim goes out (a biller fixed the rejected ones): the 835 pays all of them. Not timed.
  for (const p of practices) {
    const ids = await query<{ id: string }>(
      database,
      `SELECT id FROM claims WHERE practice_id = '${p.practiceId}' AND status <> 'submitted'`,
    );
    await database.db.transaction((tx) =>
      transitionClaims(tx, {
        practiceId: p.practiceId,
        claimIds: ids.map((r) => r.id),
        to: "submitted",
        now: startedAt,
        actor: "bench",
        cause: { kind: "user", detail: "every claim goes out" },
        extra: { submittedAt: startedAt },
      }),
    );
  }
  await database.exec("VACUUM ANALYZE claims");
  const files: Array<{ content: string; expected: Map<string, ExpectedPosting> }> = [];
  let bytes = 0;
  let remittances = 0;
  const t0 = performance.now();
  for (const [i, p] of practices.entries()) {
    const [practice] = await query<{ name: string; npi: string }>(
      database,
      "SELECT name, billing_npi AS npi FROM practices WHERE id = $1",
      [p.practiceId],
    );
    const rows = await query<ClaimRow>(
      database,
      `SELECT c.patient_control_number AS pcn, c.payer_id, py.name AS payer_name, py.payer_id AS payer_code,
         json_agg(json_build_object('code', l.code, 'modifiers', l.modifiers, 'charge', l.charge_cents,
           'dos', l.date_of_service, 'control', l.control_number) ORDER BY l.line_number) AS lines
       FROM claims c JOIN payers py ON py.id = c.payer_id JOIN claim_lines l ON l.claim_id = c.id
       WHERE c.practice_id = $1 GROUP BY c.id, py.id ORDER BY c.id`,
      [p.practiceId],
    );
    const claims: EraClaimInput[] = rows.map((r) => ({
      pcn: r.pcn,
      payer: { id: r.payer_id, name: r.payer_name, payerId: r.payer_code },
      lines: r.lines.map((l) => ({
        code: l.code,
        modifiers: l.modifiers,
        chargeCents: Number(l.charge),
        dateOfService: l.dos,
        control: l.control,
      })),
    }));
    const era = buildEra835({
      practiceName: practice!.name,
      practiceNpi: practice!.npi,
      claims,
      traceStem: `${stamp}-${i + 1}`,
      control: 1000 + i,
      paymentDate: today,
    });
    bytes += era.content.length;
    remittances += era.transactions;
    files.push({ content: era.content, expected: era.expected });
  }
  progress(
    `(b) built ${practices.length} 835 files (${remittances} transaction sets, ${(bytes / 1e6).toFixed(1)} MB) in ${sec(performance.now() - t0)}`,
  );

  const total = practices.reduce((a, p) => a + p.claims, 0);
  progress(`(b) posting: importInboundFile(…) for ${fmtInt(total)} claims`);
  let postedClaims = 0;
  let queued = 0;
  let notPosted = 0;
  const posting = await timed(concurrency, "(b) posting", practices, async (p, i) => {
    const r = await importInboundFile(
      database,
      p.practiceId,
      { name: `era-${stamp}-${i + 1}.835`, content: files[i]!.content },
      startedAt,
      "system:era_processing",
    );
    for (const rem of r.remittances ?? []) {
      postedClaims += rem.posted;
      queued += rem.queued;
      if (rem.status !== "posted") notPosted++;
    }
    if (r.status !== "processed") throw new Error(`835 for practice ${i + 1}: ${r.status} ${r.error ?? ""}`);
    return (r.remittances ?? []).reduce((a, rem) => a + rem.claims, 0);
  });
  check(
    checks,
    "posting: every claim posted, none queued",
    postedClaims === total && queued === 0 && notPosted === 0,
    `${fmtInt(postedClaims)} posted, ${fmtInt(queued)} queued, ${notPosted} remittances not fully posted`,
  );
  await verifyPostings(database, practices, files, checks);

  // Importing the same remittances again (another file name) posts nothing.
  const before = await count(database, "SELECT count(*) AS n FROM postings");
  let duplicates = 0;
  const tAgain = performance.now();
  for (const [i, p] of practices.entries()) {
    const r = await importInboundFile(
      database,
      p.practiceId,
      { name: `era-${stamp}-${i + 1}-again.835`, content: files[i]!.content },
      startedAt,
      "system:era_processing",
    );
    if (r.status === "duplicate" && (r.remittances ?? []).every((x) => x.status === "duplicate"))
      duplicates++;
  }
  const after = await count(database, "SELECT count(*) AS n FROM postings");
  check(
    checks,
    "posting: re-import is a duplicate",
    duplicates === practices.length && after === before,
    `${duplicates}/${practices.length} files duplicate, postings ${fmtInt(before)} → ${fmtInt(after)} (${sec(performance.now() - tAgain)})`,
  );

  progress("(c) ceiling for (b): remittance_claims + postings re-inserted");
  const ceiling = await measureClaimsCeiling(
    database,
    [
      { name: "remittance_claims", unit: "id", order: "id" },
      { name: "postings", unit: "remittance_claim_id", order: "remittance_claim_id, id" },
    ],
    "true",
    { connections: [1, 2] },
  );
  for (const c of ceiling)
    progress(`  ${fmtInt(c.rows)} rows, ${c.connections} conn.: ${fmtInt(c.unitsPerSecond)} claims/s`);
  return { posting, postingCeiling: ceiling, bytes, remittances };
};

/** Every claim has exactly the postings its 835 claim calls for, once, and the claim and invoice moved with them. */
const verifyPostings = async (
  database: Database,
  practices: readonly GeneratedPractice[],
  files: ReadonlyArray<{ expected: Map<string, ExpectedPosting> }>,
  checks: Check[],
): Promise<void> => {
  let wrong = 0;
  let missing = 0;
  let examples: string[] = [];
  for (const [i, p] of practices.entries()) {
    const rows = await query<{
      pcn: string;
      status: string;
      adjudication: string;
      n: string;
      rcs: string;
      payment: string;
      write_off: string;
      patient: string;
      paid_cents: string;
      patient_cents: string;
      inv_paid: string;
      inv_adj: string;
      inv_client: string;
      inv_status: string;
    }>(
      database,
      `SELECT c.patient_control_number AS pcn, c.status, c.adjudication, c.paid_cents, c.patient_responsibility_cents AS patient_cents,
         i.insurance_paid_cents AS inv_paid, i.adjustment_cents AS inv_adj, i.client_cents AS inv_client,
         i.payment_status AS inv_status, count(p.id) AS n, count(DISTINCT p.remittance_claim_id) AS rcs,
         coalesce(sum(p.amount_cents) FILTER (WHERE p.kind = 'payment'), 0) AS payment,
         coalesce(sum(p.amount_cents) FILTER (WHERE p.kind = 'write_off'), 0) AS write_off,
         coalesce(sum(p.amount_cents) FILTER (WHERE p.kind = 'patient_responsibility'), 0) AS patient
       FROM claims c JOIN invoices i ON i.id = c.invoice_id LEFT JOIN postings p ON p.claim_id = c.id
       WHERE c.practice_id = $1 GROUP BY c.id, i.id`,
      [p.practiceId],
    );
    const expected = files[i]!.expected;
    for (const r of rows) {
      const e = expected.get(r.pcn);
      if (!e) continue;
      if (Number(r.n) === 0) missing++;
      const ok =
        Number(r.n) === e.postings &&
        Number(r.rcs) === 1 &&
        Number(r.payment) === e.paymentCents &&
        Number(r.write_off) === e.writeOffCents &&
        Number(r.patient) === e.patientCents &&
        r.status === "adjudicated" &&
        r.adjudication === "paid" &&
        Number(r.paid_cents) === e.paymentCents &&
        Number(r.patient_cents) === e.patientCents &&
        Number(r.inv_paid) === e.paymentCents &&
        Number(r.inv_adj) === e.writeOffCents &&
        Number(r.inv_client) === e.patientCents &&
        r.inv_status === (e.patientCents > 0 ? "partially_paid" : "paid");
      if (!ok) {
        wrong++;
        if (examples.length < 3)
          examples.push(`${r.pcn}: ${JSON.stringify(r)} expected ${JSON.stringify(e)}`);
      }
    }
    if (rows.length !== expected.size) wrong += Math.abs(rows.length - expected.size);
  }
  check(checks, "posting: every claim has its postings", missing === 0, `${missing} claims without postings`);
  check(
    checks,
    "posting: postings, claim and invoice amounts and statuses as the 835 says",
    wrong === 0,
    wrong === 0 ? "all claims match" : `${wrong} claims differ: ${examples.join(" | ")}`,
  );
  examples = [];
  const dupPostings = await count(
    database,
    `SELECT count(*) AS n FROM (SELECT 1 FROM postings GROUP BY remittance_claim_id, claim_line_id, kind, group_code,
       reason_code HAVING count(*) > 1) d`,
  );
  const rc = await query<{ n: string; posted: string; matched: string; positions: string }>(
    database,
    `SELECT count(*) AS n, count(*) FILTER (WHERE posting_status = 'posted') AS posted,
       count(*) FILTER (WHERE claim_id IS NOT NULL) AS matched,
       count(DISTINCT (remittance_id, position)) AS positions FROM remittance_claims`,
  );
  const total = practices.reduce((a, p) => a + p.claims, 0);
  check(
    checks,
    "posting: no duplicate postings, one remittance claim per CLP",
    dupPostings === 0 &&
      Number(rc[0]!.n) === total &&
      Number(rc[0]!.posted) === total &&
      Number(rc[0]!.matched) === total &&
      Number(rc[0]!.positions) === total,
    `${dupPostings} duplicated postings, ${fmtInt(Number(rc[0]!.n))} remittance claims (${fmtInt(Number(rc[0]!.posted))} posted)`,
  );
  const queue = await count(database, "SELECT count(*) AS n FROM work_queue_items");
  const history = await count(
    database,
    "SELECT count(*) AS n FROM claim_status_history WHERE to_adjudication = 'paid'",
  );
  const audit = await count(database, "SELECT count(*) AS n FROM audit_log WHERE entity = 'posting'");
  const remStatus = await count(database, "SELECT count(*) AS n FROM remittances WHERE status <> 'posted'");
  check(
    checks,
    "posting: history, audit, remittances posted, empty work queue",
    queue === 0 && history === total && audit === total && remStatus === 0,
    `${queue} work items, ${fmtInt(history)} paid history rows, ${fmtInt(audit)} audit rows, ${remStatus} remittances not posted`,
  );
};

const serverInfo = async (database: Database): Promise<string> => {
  const [r] = await query<{ v: string; sb: string; sc: string }>(
    database,
    "SELECT current_setting('server_version') AS v, current_setting('shared_buffers') AS sb, current_setting('synchronous_commit') AS sc",
  );
  return `PostgreSQL ${r!.v} (shared_buffers ${r!.sb}, synchronous_commit ${r!.sc})`;
};

/** One full run (its own database, dropped at the end) with `concurrency` practices at a time. */
const runOnce = async (concurrency: number, checks: Check[]): Promise<ClaimsBenchResult> => {
  const stamp = `${Date.now().toString(36)}_${process.pid}_c${concurrency}`;
  const name = `bench_claims_${stamp}`;
  const admin = new pg.Client({ connectionString: config.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    progress(
      `database ${name}: ${config.practices} practices × ${fmtInt(config.perPractice)} claims, ${concurrency} at a time`,
    );
    const database = await openDatabase({
      kind: "postgres",
      url: withDatabaseName(config.url, name),
      poolSize: 2 + 2 * concurrency,
    });
    try {
      await migrate(database);
      const t0 = performance.now();
      const practices = await generateClaimsData(
        database,
        { practices: config.practices, perPractice: config.perPractice, today, now: startedAt },
        progress,
      );
      progress(`generated in ${sec(performance.now() - t0)}`);
      const server = await serverInfo(database);
      const submission = await runSubmission(database, practices, checks, concurrency);
      const posting = await runPosting(database, practices, checks, stamp, concurrency);
      return {
        date: startedAt,
        server,
        practices: config.practices,
        perPractice: config.perPractice,
        concurrency,
        claims: practices.reduce((a, p) => a + p.claims, 0),
        blocked: practices.reduce((a, p) => a + p.blocked, 0),
        lines: await count(database, "SELECT count(*) AS n FROM claim_lines"),
        postings: await count(database, "SELECT count(*) AS n FROM postings"),
        ...submission,
        ...posting,
      };
    } finally {
      await database.close();
    }
  } finally {
    if (args.keep) progress(`kept database ${name}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
};

const main = async () => {
  const checks: Check[] = [];
  const results: ClaimsBenchResult[] = [];
  for (const concurrency of config.concurrencies) results.push(await runOnce(concurrency, checks));
  process.stdout.write(printClaimsTable(results));
  const failed = checks.filter((c) => !c.ok);
  if (failed.length > 0) {
    process.stderr.write(`${failed.length} correctness check(s) failed; figures not written\n`);
    process.exit(1);
  }
  if (!args["no-doc"]) progress(`wrote ${writeClaimsSection(results)}`);
};

await main();
