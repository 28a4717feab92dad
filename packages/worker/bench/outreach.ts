/**
 * `npm run bench:outreach`: patient outreach on PostgreSQL. 100,000 Active invoice sets (and 20,000 in the other
 * statuses) generated in bulk SQL; (1) the scheduler (the clock's tickOutreach, then the send-outreach job drained
 * as a worker runs it) finds the due sets and sends their messages to the Twilio fake and a local SMTP server, each
 * in a child process — messages per second, and no message twice; (2) the Invoice Sets screen: its list with each
 * filter alone and combined, and its metric cards, p50/p95 over N queries each. Writes the "Patient outreach"
 * section of docs/PERFORMANCE.md.
 *
 *   npm run bench:outreach
 *   npm run bench:outreach -- --sets 2000 --others 400 --due 300 --queries 5 --no-doc
 *
 * --url (or BENCH_DATABASE_URL, TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test) names a server
 * where the bench may CREATE and DROP a database called bench_outreach_*; it drops it at the end.
 */
import { fork } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  countOutreachMetrics,
  createPractice,
  defaultTransportResolver,
  type ListOutreachSetsQuery,
  listOutreachSets,
  type OutreachPorts,
  payLinkKeyFrom,
  saveRuleSet,
  smtpShareMailer,
  type TenantActor,
  twilioSmsProvider,
  updateOutreachSettings,
  x12ClaimsPipeline,
} from "@billcycle/app";
import { ManualClock, npiWithCheckDigit, outreachSetStatuses } from "@billcycle/core";
import { type Database, migrate, openDatabase } from "@billcycle/db";
import pg from "pg";
import { tickOutreach } from "../src/clock/tick-outreach";
import { drainJobs } from "../src/worker";
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
import { screenShapes } from "./outreach-shapes";

const { values: args } = parseArgs({
  options: {
    url: { type: "string" },
    sets: { type: "string" },
    others: { type: "string" },
    due: { type: "string" },
    queries: { type: "string" },
    "no-doc": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

if (args.help) {
  process.stdout.write(`npm run bench:outreach -- [options]
  --sets N      Active invoice sets (default 100000)
  --others N    sets in the other eight statuses, evenly (default 20000)
  --due N       Active sets whose first message is due now (default 20000)
  --queries N   queries timed per list shape and for the cards (default 50)
  --no-doc      do not write docs/PERFORMANCE.md
  --keep        keep the database (to EXPLAIN its queries by hand; drop it yourself)
  --url URL     PostgreSQL server (BENCH_DATABASE_URL / TEST_DATABASE_URL)
`);
  process.exit(0);
}

const config = {
  url: benchDatabaseUrl(args.url),
  sets: int(args.sets, 100_000),
  others: int(args.others, 20_000),
  due: int(args.due, 20_000),
  queries: int(args.queries, 50),
};
if (config.due > config.sets) throw new Error("--due cannot exceed --sets");
const TARGET_PER_SECOND = 500;
const TARGET_P95_MS = 100;
const SECTION_TITLE = "## Patient outreach (`npm run bench:outreach`)";
const DOC = fileURLToPath(new URL("../../../docs/PERFORMANCE.md", import.meta.url));
// Noon in Austin, 10:00 in Los Angeles, 13:00 in New York: inside every patient's 09:00–20:00 window.
const now = new Date("2026-07-01T17:00:00Z");

/** The statuses of the `--others` sets, in turn (Active ones are the `--sets`). */
const OTHER_STATUSES = outreachSetStatuses.filter((s) => s !== "active");

// biome-ignore format: a list of names, kept compact
const FIRST_NAMES = [
  "Ava", "Ben", "Carla", "Dana", "Eli", "Fatima", "Grace", "Hugo", "Ines", "Jamal", "Kira", "Liam", "Maya", "Noah",
  "Olga", "Priya", "Quinn", "Rosa", "Sam", "Tara", "Umar", "Vera", "Wes", "Xena", "Yara", "Zane", "Alma", "Boris",
  "Chen", "Dario", "Elena", "Farid", "Gita", "Hana", "Ivan", "Jade", "Kofi", "Lena", "Mateo", "Nadia",
];
// biome-ignore format: a list of names, kept compact
const SURNAME_STEMS = [
  "Abbot", "Baker", "Carver", "Dalton", "Ellis", "Fisher", "Garza", "Hayes", "Irwin", "Jordan", "Kessler", "Lopez",
  "Mercer", "Nolan", "Ortega", "Patel", "Quint", "Reyes", "Shaw", "Torres", "Ulrich", "Vance", "Walsh", "Young",
  "Zamora",
];
// biome-ignore format: a list of names, kept compact
const SURNAME_ENDINGS = [
  "berg", "field", "ford", "ham", "ley", "more", "ridge", "son", "ton", "wood", "by", "dale", "man", "stein",
  "well", "worth", "holt", "land", "mont", "vik",
];
const sqlTextArray = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(",")}]`;

type Ids = { practiceId: string; actor: TenantActor; standardId: string; gentleId: string };

/**
 * The practice and its two rule sets through the use cases; then clients, their invoices, the sets and the links
 * in bulk SQL (this file is a listed fixture writer of outreach set and invoice statuses). Client g (1-based) has
 * set g: Active for g ≤ sets (due now for g ≤ due), then the other statuses in turn.
 */
const seed = async (database: Database): Promise<Ids> => {
  const { id: practiceId } = await createPractice(database, {
    input: {
      name: "Bench Family Clinic",
      timeZone: "America/Chicago",
      address: { line1: "1 Main Street", city: "Austin", state: "TX", zip: "78701" },
      taxId: "12-3456789",
      billingNpi: npiWithCheckDigit("123450077"),
      taxonomyCode: "207Q00000X",
    },
    ownerUserId: null,
    now,
  });
  const actor: TenantActor = { userId: null, practiceId, role: "owner", label: "bench" };
  const window = { start: "09:00", end: "20:00" };
  const standard = await saveRuleSet(database, {
    actor,
    now,
    body: {
      name: "Standard",
      isDefault: true,
      steps: [
        {
          dayOffset: 0,
          channel: "sms",
          template: "Hi {first_name}, {practice_name} has a balance of {amount}. Pay: {pay_link}",
          sendWindow: window,
        },
        {
          dayOffset: 3,
          channel: "email",
          subject: "Your balance with {practice_name}",
          template: "Hello {first_name}, you owe {amount}. Pay here: {pay_link}",
          sendWindow: window,
        },
        {
          dayOffset: 7,
          channel: "sms",
          template: "{first_name}, last reminder: {amount}. {pay_link}",
          sendWindow: window,
        },
      ],
    },
  });
  const gentle = await saveRuleSet(database, {
    actor,
    now,
    body: {
      name: "Gentle",
      isDefault: false,
      steps: [
        {
          dayOffset: 0,
          channel: "email",
          subject: "A balance with {practice_name}",
          template: "Hello {first_name}, {practice_name} shows a balance of {amount}: {pay_link}",
          sendWindow: window,
        },
        {
          dayOffset: 14,
          channel: "email",
          subject: "A reminder from {practice_name}",
          template: "Hello {first_name}, a reminder of your balance of {amount}: {pay_link}",
          sendWindow: window,
        },
      ],
    },
  });
  // Sets are spread over 180 days: new ones must not start beside them while the bench sends.
  await updateOutreachSettings(database, { actor, settings: { enabled: true, startAfterDays: 365 }, now });

  const total = config.sets + config.others;
  await database.exec(`
CREATE OR REPLACE FUNCTION bench_uuid7(ms bigint, seed text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
  SELECT (lpad(to_hex(ms), 12, '0') || '7' || substr(h, 1, 3) || '8' || substr(h, 4, 3) || substr(h, 7, 12))::uuid
  FROM (SELECT md5(seed) AS h) s
$$;`);
  // One row per set: its client, status and when it was created (due sets within the last 20 hours, so their next
  // step is days away; the others over 180 days).
  await query(
    database,
    `CREATE TABLE bench_plan AS
     SELECT g,
       CASE WHEN g <= $1 THEN 'active' ELSE ($3::text[])[1 + (g - $1) % cardinality($3::text[])] END AS status,
       g <= $2 AS due,
       CASE WHEN g <= $2 THEN $4::timestamptz - (g % 72000) * interval '1 second'
         ELSE $4::timestamptz - interval '1 day' - ((g * 7919) % (179 * 86400)) * interval '1 second' END AS created,
       md5('client' || g)::uuid AS client_id,
       1500 + (g::bigint * 104729) % 58500 AS cents
     FROM generate_series(1, $5::int) g`,
    [config.sets, config.due, OTHER_STATUSES, now.toISOString(), total],
  );
  progress(`generating ${fmtInt(total)} patients with balances…`);
  await query(
    database,
    `INSERT INTO clients (id, practice_id, first_name, last_name, date_of_birth, sex, email, phone, address,
       email_opt_in, sms_opt_in, pays_by, autopay, auto_share_documents, auto_superbills, created_at, updated_at)
     SELECT b.client_id, $1, (${sqlTextArray(FIRST_NAMES)})[1 + g % ${FIRST_NAMES.length}],
       (${sqlTextArray(SURNAME_STEMS)})[1 + (g / ${FIRST_NAMES.length}) % ${SURNAME_STEMS.length}] ||
         (${sqlTextArray(SURNAME_ENDINGS)})[1 + (g / ${FIRST_NAMES.length * SURNAME_STEMS.length}) % ${SURNAME_ENDINGS.length}],
       date '1950-01-01' + g % 20000, (ARRAY['F','M','U'])[1 + g % 3], 'patient' || g || '@example.org',
       '(512) ' || (200 + (g / 10000) % 800) || '-' || lpad((g % 10000)::text, 4, '0'),
       jsonb_build_object('line1', g || ' Elm Street', 'city', 'Austin',
         'state', (ARRAY['TX','IL','CA','NY'])[1 + g % 4], 'zip', '78701'),
       true, true, 'self_pay', false, false, false, b.created, b.created
     FROM bench_plan b`,
    [practiceId],
  );
  // One invoice per patient (two for every fifth): paid on Paid sets, written off on Written Off ones.
  await query(
    database,
    `INSERT INTO invoices (id, practice_id, number, client_id, status, payment_status, pays_by, invoice_date,
       total_cents, insurance_cents, client_cents, client_paid_cents, client_written_off_cents, source,
       created_at, updated_at)
     SELECT md5('invoice' || g || ':' || k)::uuid, $1, 'INV-' || g || '-' || k, b.client_id,
       CASE WHEN b.status = 'paid' THEN 'processed' ELSE 'open' END,
       CASE WHEN b.status = 'paid' THEN 'paid' ELSE 'unpaid' END, 'self_pay',
       ((b.created - interval '3 days') AT TIME ZONE 'America/Chicago')::date, b.cents / k, 0, b.cents / k,
       CASE WHEN b.status = 'paid' THEN b.cents / k ELSE 0 END,
       CASE WHEN b.status = 'written_off' THEN b.cents / k ELSE 0 END, 'nightly', b.created, b.created
     FROM bench_plan b CROSS JOIN LATERAL generate_series(1, CASE WHEN g % 5 = 0 THEN 2 ELSE 1 END) k`,
    [practiceId],
  );
  progress(`generating ${fmtInt(total)} invoice sets (${fmtInt(config.due)} due now)…`);
  const willFail = JSON.stringify([{ code: "NO_PHONE", message: "The patient has no phone number" }]);
  await query(
    database,
    `INSERT INTO outreach_sets (id, practice_id, client_id, rule_set_id, status, started_by, step_index,
       last_sent_day, next_send_at, will_fail_reasons, moved_at, created_at, updated_at)
     SELECT bench_uuid7((extract(epoch FROM b.created) * 1000)::bigint, 'set' || g), $1, b.client_id,
       CASE WHEN standard THEN $2::uuid ELSE $3::uuid END, b.status, CASE WHEN g % 3 = 0 THEN 'manual' ELSE 'auto' END,
       CASE WHEN b.due THEN 0 WHEN b.status IN ('expired') THEN CASE WHEN standard THEN 3 ELSE 2 END ELSE 1 END,
       CASE WHEN b.due THEN NULL WHEN b.status = 'expired' THEN CASE WHEN standard THEN 7 ELSE 14 END ELSE 0 END,
       CASE WHEN b.due THEN $4::timestamptz - (g % 3600) * interval '1 second'
         WHEN b.status IN ('active','failed','will_fail')
           THEN $4::timestamptz + interval '1 hour' + ((g * 31) % (14 * 86400)) * interval '1 second' END,
       CASE WHEN b.status = 'will_fail' THEN $5::jsonb END,
       b.created, b.created, b.created
     FROM bench_plan b CROSS JOIN LATERAL (SELECT g % 5 < 3 AS standard) r`,
    [practiceId, standard.id, gentle.id, now.toISOString(), willFail],
  );
  await query(
    database,
    `INSERT INTO outreach_set_invoices (practice_id, set_id, invoice_id, added_at)
     SELECT $1, s.id, i.id, s.created_at FROM outreach_sets s
     JOIN invoices i ON i.practice_id = s.practice_id AND i.client_id = s.client_id
     WHERE s.practice_id = $1`,
    [practiceId],
  );
  await database.exec("DROP TABLE bench_plan; DROP FUNCTION bench_uuid7(bigint, text);");
  await database.exec("VACUUM ANALYZE");
  return { practiceId, actor, standardId: standard.id, gentleId: gentle.id };
};

type Child<C> = { ready: Record<string, unknown>; counts(): Promise<C>; stop(): void };

/** A bench sink (smtp-sink.ts, twilio-sink.ts) in its own process, asked for its counts over IPC. */
const startChild = <C>(file: string): Promise<Child<C>> =>
  new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL(file, import.meta.url)), [], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child.once("error", reject);
    child.once("message", (ready: Record<string, unknown>) =>
      resolve({
        ready,
        counts: () =>
          new Promise((done) => {
            child.once("message", (c: C) => done(c));
            child.send({ ask: "counts" });
          }),
        stop: () => child.send({ ask: "stop" }),
      }),
    );
  });

type SmtpCounts = { count: number; unique: number; recipients: number };
type TwilioCounts = { requests: number; count: number; recipients: number; duplicates: number };

const send = async (database: Database, ids: Ids, checks: Check[]) => {
  const smtp = await startChild<SmtpCounts>("./smtp-sink.ts");
  const twilio = await startChild<TwilioCounts>("./twilio-sink.ts");
  // What the worker builds from BILLCYCLE_SMTP_URL and BILLCYCLE_TWILIO_* (engine-ports.ts), pointed at the fakes.
  const mailer = smtpShareMailer({ url: `smtp://127.0.0.1:${smtp.ready.port}`, from: "billing@bench.test" });
  const outreach: OutreachPorts = {
    mailer,
    sms: twilioSmsProvider({
      accountSid: String(twilio.ready.accountSid),
      authToken: String(twilio.ready.authToken),
      from: "+15125550100",
      apiUrl: String(twilio.ready.url),
    }),
    payLinkKey: payLinkKeyFrom(Buffer.alloc(32, 5)),
    publicUrl: "https://bench.billcycle.test",
  };
  const deps = {
    database,
    clock: new ManualClock(now),
    ports: {
      claims: x12ClaimsPipeline({
        transportFor: defaultTransportResolver({ dropRoot: mkdtempSync(join(tmpdir(), "billcycle-bench-")) }),
      }),
      outreach,
    },
  };
  progress(`the scheduler finds the due sets among ${fmtInt(config.sets + config.others)} and sends…`);
  const t0 = performance.now();
  const { enqueued } = await tickOutreach(database, now);
  const jobs = await drainJobs(deps);
  const seconds = (performance.now() - t0) / 1000;
  mailer.close();
  const [sms, email] = [await twilio.counts(), await smtp.counts()];
  twilio.stop();
  smtp.stop();
  const messages = sms.count + email.count;
  const perSecond = messages / seconds;
  progress(
    `${fmtInt(messages)} messages (${fmtInt(sms.count)} SMS, ${fmtInt(email.count)} email) in ${seconds.toFixed(1)} s: ${fmtInt(perSecond)}/s`,
  );
  const rows = await query<{ status: string; channel: string; n: string }>(
    database,
    `SELECT status, channel, count(*) AS n FROM outreach_messages WHERE practice_id = $1 GROUP BY 1, 2`,
    [ids.practiceId],
  );
  const sentRows = rows.filter((r) => r.status === "sent").reduce((n, r) => n + Number(r.n), 0);
  const twice = await scalar(
    database,
    `SELECT count(*) AS n FROM (SELECT set_id FROM outreach_messages WHERE practice_id = $1
       GROUP BY set_id HAVING count(*) > 1) t`,
    [ids.practiceId],
  );
  check(
    checks,
    "one job for the practice",
    enqueued === 1 && jobs === 1,
    `${enqueued} enqueued, ${jobs} run`,
  );
  check(
    checks,
    "every due set sent once",
    sentRows === config.due && messages === config.due && twice === 0,
    `${fmtInt(sentRows)} messages sent of ${fmtInt(config.due)} due; ${twice} sets with two; rows ${rows
      .map((r) => `${r.channel} ${r.status} ${r.n}`)
      .join(", ")}`,
  );
  // Each set has its own phone and address and one step due: a key's messages are the ones to one recipient.
  const duplicates = sms.count - sms.recipients + (email.count - email.recipients) + sms.duplicates;
  check(
    checks,
    "0 duplicates at the fakes",
    duplicates === 0 && email.unique === email.count && sms.requests === sms.count,
    `Twilio ${fmtInt(sms.count)} messages to ${fmtInt(sms.recipients)} numbers (same To and Body: ${sms.duplicates}); ` +
      `SMTP ${fmtInt(email.count)} messages to ${fmtInt(email.recipients)} addresses, ${fmtInt(email.unique)} Message-IDs`,
  );
  return { seconds, perSecond, messages, sms: sms.count, email: email.count, duplicates };
};

const timeScreen = async (database: Database, ids: Ids, checks: Check[]) => {
  await database.exec("VACUUM ANALYZE");
  const total = await scalar(database, "SELECT count(*) AS n FROM outreach_sets WHERE practice_id = $1", [
    ids.practiceId,
  ]);
  const shapes = await screenShapes(database, ids, config.queries, now);
  const results: Array<{ name: string; p50: number; p95: number; rows: number }> = [];
  for (const shape of shapes) {
    const times: number[] = [];
    let rows = 0;
    let wrong = 0;
    for (let i = 0; i < config.queries; i++) {
      const q = { limit: 50, ...shape.query(i) } as ListOutreachSetsQuery;
      const t = performance.now();
      const page = await listOutreachSets(database, { actor: ids.actor, query: q, now });
      times.push(performance.now() - t);
      rows += page.items.length;
      wrong += page.items.filter((s) => q.status && !q.status.includes(s.status)).length;
    }
    times.sort((a, b) => a - b);
    const r = { name: shape.name, p50: percentile(times, 50), p95: percentile(times, 95), rows };
    results.push(r);
    progress(
      `  list, ${shape.name}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, ${fmtInt(rows)} rows`,
    );
    check(
      checks,
      `list, ${shape.name}: rows found`,
      rows > 0 && wrong === 0,
      `${rows} rows, ${wrong} off-filter`,
    );
  }
  const cardTimes: number[] = [];
  let cards = { failed: 0, expired: 0, paused: 0, willFail: 0 };
  for (let i = 0; i < config.queries; i++) {
    const t = performance.now();
    cards = await countOutreachMetrics(database, ids.actor);
    cardTimes.push(performance.now() - t);
  }
  cardTimes.sort((a, b) => a - b);
  const expected = await query<{ status: string; n: string }>(
    database,
    "SELECT status, count(*) AS n FROM outreach_sets WHERE practice_id = $1 GROUP BY status",
    [ids.practiceId],
  );
  const n = (s: string) => Number(expected.find((e) => e.status === s)?.n ?? 0);
  check(
    checks,
    "metric cards count the statuses",
    cards.failed === n("failed") &&
      cards.expired === n("expired") &&
      cards.paused === n("paused") &&
      cards.willFail === n("will_fail"),
    `failed ${cards.failed}, expired ${cards.expired}, paused ${cards.paused}, will fail ${cards.willFail}`,
  );
  const cardsFigure = { p50: percentile(cardTimes, 50), p95: percentile(cardTimes, 95) };
  progress(`  metric cards: p50 ${cardsFigure.p50.toFixed(1)} ms, p95 ${cardsFigure.p95.toFixed(1)} ms`);
  return { total, results, cards: cardsFigure };
};

const main = async () => {
  const dbName = `bench_outreach_${Date.now().toString(36)}_${process.pid}`;
  const admin = new pg.Client({ connectionString: config.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(config.url);
  url.pathname = `/${dbName}`;
  // DROP … WITH (FORCE) at the end ends the pool's idle connections: expected, not worth a line.
  const database = await openDatabase({
    kind: "postgres",
    url: url.toString(),
    poolSize: 4,
    onConnectionError: () => undefined,
  });
  const checks: Check[] = [];
  try {
    await migrate(database);
    const server = await scalar(database, "SELECT current_setting('server_version_num')::int AS n");
    progress(`seeding (${fmtInt(config.sets)} Active sets, ${fmtInt(config.others)} in other statuses)…`);
    const ids = await seed(database);
    const sent = await send(database, ids, checks);
    progress(`the Invoice Sets screen, ${config.queries} queries per shape…`);
    const screen = await timeScreen(database, ids, checks);
    const slowest = Math.max(screen.cards.p95, ...screen.results.map((r) => r.p95));
    const met = (ok: boolean) => (ok ? "(met)" : "(missed)");
    const lines = [
      SECTION_TITLE,
      "",
      `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ` +
        `${(totalmem() / 1024 ** 3).toFixed(1)} GB, load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(
            " / ",
          )} (1/5/15 min) at the end (a shared machine), PostgreSQL ${Math.floor(server / 10000)}.`,
      "",
      `${fmtInt(config.sets)} Active invoice sets and ${fmtInt(config.others)} in the eight other statuses, one ` +
        `practice, generated in bulk SQL (one or two invoices per patient). Sending: the clock's \`tickOutreach\` ` +
        `finds the practice with sets due, then the worker drains the send-outreach job as it runs it (claim 200 due ` +
        `sets FOR UPDATE SKIP LOCKED and commit their message rows, send at most 32 at once, record the outcomes) ` +
        `for the ${fmtInt(config.due)} sets whose first step is due (SMS through the Twilio SDK to the Twilio fake, ` +
        `email through the pooled nodemailer transport to smtp-server, each fake in a child process). The Invoice ` +
        `Sets screen: \`listOutreachSets\` (50 rows, newest first, Amount Outstanding read live from the invoices) ` +
        `with each filter alone and combined, and \`countOutreachMetrics\` (the four cards), ` +
        `${config.queries} queries each after VACUUM ANALYZE, over ${fmtInt(screen.total)} sets.`,
      "",
      "| what | figure | target |",
      "| --- | ---: | ---: |",
      `| messages/s (${fmtInt(sent.sms)} SMS, ${fmtInt(sent.email)} email) | ${fmtInt(sent.perSecond)} ` +
        `(${sent.seconds.toFixed(1)} s) | ≥ ${TARGET_PER_SECOND} ${met(sent.perSecond >= TARGET_PER_SECOND)} |`,
      `| duplicates counted by the fakes | ${sent.duplicates} | 0 ${met(sent.duplicates === 0)} |`,
      ...screen.results.map(
        (r) =>
          `| list, ${r.name}: p50 / p95 | ${r.p50.toFixed(1)} / ${r.p95.toFixed(1)} ms | ≤ ${TARGET_P95_MS} ms ${met(r.p95 <= TARGET_P95_MS)} |`,
      ),
      `| metric cards: p50 / p95 | ${screen.cards.p50.toFixed(1)} / ${screen.cards.p95.toFixed(1)} ms | ≤ ${TARGET_P95_MS} ms ${met(screen.cards.p95 <= TARGET_P95_MS)} |`,
      "",
      `Slowest p95 of the screen: ${slowest.toFixed(1)} ms. Checks: ${checks
        .map((c) => `${c.name} (${c.ok ? "ok" : "FAILED"}: ${c.detail})`)
        .join("; ")}.`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    if (!args["no-doc"]) {
      replaceSection(DOC, SECTION_TITLE, lines);
      progress(`wrote ${DOC}`);
    }
    if (checks.some((c) => !c.ok)) process.exitCode = 1;
  } finally {
    await database.close();
    if (args.keep) progress(`kept the database ${dbName}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
};

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
