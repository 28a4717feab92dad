/**
 * bench:sharing — automatic sharing of 10,000 documents by email to a local SMTP server (smtp-server, in a child
 * process) on PostgreSQL: emails per second through the share-documents job's code path (claim, decide, lease,
 * send with a pooled nodemailer transport, record), and the sender's RSS after 2,500, 5,000 and 10,000 emails.
 * Checks: every share sent once, the server received exactly that many distinct Message-IDs.
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  createPractice,
  type SharingPorts,
  shareDueDocuments,
  shareLinkKeyFrom,
  smtpShareMailer,
} from "@billcycle/app";
import { npiWithCheckDigit, systemClock } from "@billcycle/core";
import { type Database, migrate, openDatabase } from "@billcycle/db";
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

const { values: args } = parseArgs({
  options: {
    url: { type: "string" },
    documents: { type: "string" },
    batch: { type: "string" },
    connections: { type: "string" },
    "no-doc": { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

if (args.help) {
  process.stdout.write(`npm run bench:sharing -- [options]
  --documents N     documents to share (default 10000)
  --batch N         shares claimed per round (default 200)
  --connections N   SMTP connections in the pool (default 8)
  --no-doc          do not write docs/PERFORMANCE.md
  --url URL         PostgreSQL server (BENCH_DATABASE_URL / TEST_DATABASE_URL)
`);
  process.exit(0);
}

const config = {
  url: benchDatabaseUrl(args.url),
  documents: int(args.documents, 10_000),
  batch: int(args.batch, 200),
  connections: int(args.connections, 8),
};
const MB = 1024 * 1024;

type Sink = { port: number; counts(): Promise<{ count: number; unique: number }>; stop(): void };

const startSink = (): Promise<Sink> =>
  new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL("./smtp-sink.ts", import.meta.url)), [], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child.once("error", reject);
    child.once("message", (m: { port: number }) =>
      resolve({
        port: m.port,
        counts: () =>
          new Promise((done) => {
            child.once("message", (c: { count: number; unique: number }) => done(c));
            child.send({ ask: "counts" });
          }),
        stop: () => child.send({ ask: "stop" }),
      }),
    );
  });

/** N clients with addresses and N issued superbills, each with a share due now (what scheduleDocumentShare writes). */
const seed = async (database: Database, n: number): Promise<string> => {
  const now = new Date();
  const { id: practiceId } = await createPractice(database, {
    input: {
      name: "Bench Sharing Therapy",
      timeZone: "America/Chicago",
      address: { line1: "1 Main Street", city: "Austin", state: "TX", zip: "78701" },
      taxId: "12-3456789",
      billingNpi: npiWithCheckDigit("223450001"),
      taxonomyCode: "101YM0800X",
    },
    ownerUserId: null,
    now,
  });
  const pdf = `\\x${Buffer.from("%PDF-1.4\n% bench superbill\n%%EOF\n", "latin1").toString("hex")}`;
  await query(
    database,
    `INSERT INTO clients (id, practice_id, first_name, last_name, date_of_birth, sex, email, pays_by, autopay,
       auto_share_documents, auto_superbills)
     SELECT gen_random_uuid(), $1, 'Bench', 'Client ' || i, '1990-01-01', 'F', 'client' || i || '@example.com',
       'insurance', false, true, true
     FROM generate_series(1, $2) i`,
    [practiceId, n],
  );
  await query(
    database,
    `INSERT INTO documents (id, practice_id, client_id, kind, number, status, amount_cents, source, issued_at, pdf,
       pdf_sha256, pdf_bytes)
     SELECT gen_random_uuid(), c.practice_id, c.id, 'superbill', 'SB-' || row_number() OVER (), 'issued', 0,
       'automation', $2, $3::bytea, 'bench', 40
     FROM clients c WHERE c.practice_id = $1`,
    [practiceId, now, pdf],
  );
  await query(
    database,
    `INSERT INTO document_shares (id, practice_id, client_id, subject_type, kind, document_id, status, due_at)
     SELECT gen_random_uuid(), d.practice_id, d.client_id, 'document', d.kind, d.id, 'scheduled', $2
     FROM documents d WHERE d.practice_id = $1`,
    [practiceId, now],
  );
  await query(database, "ANALYZE");
  return practiceId;
};

const run = async (database: Database, checks: Check[]) => {
  const practiceId = await seed(database, config.documents);
  progress(`seeded ${fmtInt(config.documents)} clients, superbills and due shares`);
  const sink = await startSink();
  const mailer = smtpShareMailer({
    url: `smtp://127.0.0.1:${sink.port}`,
    from: "billing@bench.billcycle.test",
    maxConnections: config.connections,
  });
  const milestones = [2_500, 5_000, 10_000].filter((m) => m <= config.documents);
  const rss: Array<{ at: number; mb: number }> = [];
  let sent = 0;
  const counted: SharingPorts["mailer"] = {
    ...mailer,
    send: async (email) => {
      const outcome = await mailer.send(email);
      if (outcome.ok && milestones.includes(++sent))
        rss.push({ at: sent, mb: process.memoryUsage().rss / MB });
      return outcome;
    },
  };
  const ports: SharingPorts = {
    mailer: counted,
    issueBillDocument: async () => {
      throw new Error("the bench shares superbills only");
    },
    linkKey: shareLinkKeyFrom(Buffer.alloc(32, 3)),
    publicUrl: "https://bench.billcycle.test",
  };
  const started = performance.now();
  const result = await shareDueDocuments(database, practiceId, ports, systemClock, {
    batchSize: config.batch,
  });
  const seconds = (performance.now() - started) / 1000;
  mailer.close();
  const received = await sink.counts();
  sink.stop();
  const sentRows = await scalar(
    database,
    "SELECT count(*) AS n FROM document_shares WHERE practice_id = $1 AND status = 'sent'",
    [practiceId],
  );
  check(
    checks,
    "every share sent",
    sentRows === config.documents && result.sent === config.documents,
    `${sentRows}`,
  );
  check(
    checks,
    "received once each",
    received.count === config.documents && received.unique === config.documents,
    `${received.count} messages, ${received.unique} distinct Message-IDs`,
  );
  return { seconds, perSecond: config.documents / seconds, rss, failures: result.retrying + result.failed };
};

const main = async () => {
  const checks: Check[] = [];
  const name = `bench_sharing_${Date.now().toString(36)}_${process.pid}`;
  const admin = new pg.Client({ connectionString: config.url });
  await admin.connect();
  let figures: Awaited<ReturnType<typeof run>>;
  let server = 0;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(config.url);
    url.pathname = `/${name}`;
    const database = await openDatabase({ kind: "postgres", url: url.toString(), poolSize: 4 });
    database.native.pool?.on("error", () => undefined);
    try {
      await migrate(database);
      server = await scalar(database, "SELECT current_setting('server_version_num')::int AS n");
      figures = await run(database, checks);
    } finally {
      await database.close();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  const lines = [
    `documents: ${fmtInt(config.documents)}, batch ${config.batch}, ${config.connections} SMTP connections`,
    `emails/s: ${figures.perSecond.toFixed(0)} (${figures.seconds.toFixed(1)} s), failed attempts: ${figures.failures}`,
    ...figures.rss.map((r) => `RSS after ${fmtInt(r.at)} emails: ${r.mb.toFixed(0)} MB`),
  ];
  for (const l of lines) process.stdout.write(`${l}\n`);
  const failed = checks.filter((c) => !c.ok);
  if (!args["no-doc"]) {
    replaceSection(
      fileURLToPath(new URL("../../../docs/PERFORMANCE.md", import.meta.url)),
      "## Automatic sharing (bench:sharing)",
      [
        "## Automatic sharing (bench:sharing)",
        "",
        `\`npm run bench:sharing\` on PostgreSQL ${Math.floor(server / 10000)}, ${new Date().toISOString().slice(0, 10)}: ` +
          "the share-documents job's code path (claim a batch FOR UPDATE SKIP LOCKED, decide, lease, send through a " +
          "pooled nodemailer transport, record the outcomes in one statement) sharing issued superbills to a local " +
          "smtp-server in a child process. Target ≥ 200 emails/s, memory flat.",
        "",
        "| documents | emails/s | seconds | RSS at 2,500 | RSS at 5,000 | RSS at 10,000 | checks |",
        "| --------- | -------- | ------- | ------------ | ------------ | ------------- | ------ |",
        `| ${fmtInt(config.documents)} | ${figures.perSecond.toFixed(0)} | ${figures.seconds.toFixed(1)} | ` +
          [2_500, 5_000, 10_000]
            .map((m) => figures.rss.find((r) => r.at === m))
            .map((r) => (r ? `${r.mb.toFixed(0)} MB` : "–"))
            .join(" | ") +
          ` | ${failed.length === 0 ? "all passed" : `${failed.length} failed`} |`,
      ],
    );
  }
  if (failed.length > 0) process.exitCode = 1;
};

await main();
