/**
 * bench:billing — autopay for N clients (default 20,000) of one practice on PostgreSQL, against the Stripe fake
 * (its own process) answering every request after 50 ms: charges/s with the charges in flight chosen
 * (--concurrency), PaymentIntents and duplicates counted by the fake, every bill charged once, and the bench
 * process's RSS when 5,000 / 10,000 / 20,000 charges are done. Not a timed test: figures go to PERFORMANCE.md.
 */
import { fork } from "node:child_process";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import {
  type ClaimsPipelinePort,
  createPractice,
  generateSecretKey,
  getAutomationConfig,
  runAutomation,
  saveStripeSettings,
  updateAutomationConfig,
} from "@billcycle/app";
import { addDays, localDateAt, systemClock } from "@billcycle/core";
import { type Database, migrate, newId, openDatabase } from "@billcycle/db";
import pg from "pg";
import { benchDatabaseUrl, fmtInt, positiveInt, progress, query, replaceSection, scalar } from "./common";
import { BENCH_ZONE } from "./generate";

const { values: args } = parseArgs({
  options: {
    url: { type: "string" },
    clients: { type: "string" },
    concurrency: { type: "string" },
    latency: { type: "string" },
    "no-doc": { type: "boolean", default: false },
  },
});
const clients = positiveInt(args.clients, 20_000);
const concurrency = positiveInt(args.concurrency, 32);
const latencyMs = positiveInt(args.latency, 50);
const checkpoints = [5_000, 10_000, 20_000].filter((n) => n <= clients);
if (!checkpoints.includes(clients)) checkpoints.push(clients);
const secretKey = "sk_test_51BenchBilling0secret";
process.env.BILLCYCLE_SECRET_KEY ??= generateSecretKey();

type FakeCounts = { paymentIntents: number; duplicateKeys: number; duplicateCharges: number };

const startFake = async () => {
  const child = fork(new URL("./billing-stripe-fake.ts", import.meta.url).pathname, [String(latencyMs)], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const url = await new Promise<string>((resolve) =>
    child.once("message", (m: { url: string }) => resolve(m.url)),
  );
  const counts = () =>
    new Promise<FakeCounts>((resolve) => {
      child.once("message", (m: FakeCounts) => resolve(m));
      child.send({ type: "count" });
    });
  return { url, counts, stop: () => child.disconnect() };
};

/** Runs `work` over 0..n-1 with `limit` at a time. */
const pool = async (n: number, limit: number, work: (i: number) => Promise<void>) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < n) await work(next++);
    }),
  );
};

/** Customers with a saved card at the fake, made the way Stripe.js makes them (SetupIntent completed). */
const stripeCards = async (url: string, n: number) => {
  const post = async (path: string, body: string, json = false, tries = 3): Promise<{ id: string }> => {
    // Setup only: a kept-alive socket the fake closed is retried (an extra customer harms nothing here).
    const res = await fetch(`${url}${path}`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${secretKey}`,
        "content-type": json ? "application/json" : "application/x-www-form-urlencoded",
      },
      body,
    }).catch((e: unknown) => {
      if (tries <= 1) throw e;
      return null;
    });
    if (!res) return post(path, body, json, tries - 1);
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string };
  };
  const out = new Array<{ customer: string; paymentMethod: string }>(n);
  await pool(n, 64, async (i) => {
    const customer = await post("/v1/customers", `metadata[bench]=${i}`);
    const si = await post("/v1/setup_intents", `customer=${customer.id}&usage=off_session`);
    const pm = await post(
      `/_fake/setup_intents/${si.id}/complete`,
      JSON.stringify({ brand: "visa", expMonth: 12, expYear: 2099 }),
      true,
    );
    out[i] = { customer: customer.id, paymentMethod: pm.id };
  });
  return out;
};

const generate = async (database: Database, fakeUrl: string, now: Date) => {
  const { id: practiceId } = await createPractice(database, {
    input: {
      name: "Bench Autopay Practice",
      timeZone: BENCH_ZONE,
      address: { line1: "1 Main Street", city: "Austin", state: "TX", zip: "787011234" },
      taxId: "12-3456789",
      billingNpi: "1234567893",
      taxonomyCode: "101YM0800X",
    },
    ownerUserId: null,
    now,
  });
  const actor = { userId: null, practiceId, role: "owner" as const, label: "bench" };
  const { config, version } = await getAutomationConfig(database.db, practiceId);
  config.automations.autopay.enabled = true;
  await updateAutomationConfig(database, { actor, next: config, expectedVersion: version, now });
  await saveStripeSettings(database, {
    actor,
    input: {
      publishableKey: "pk_test_51Bench",
      secretKey,
      webhookSecret: "whsec_bench",
      apiBaseUrl: fakeUrl,
      version: 0,
    },
    production: false,
    now,
  });
  const invoiceDate = addDays(localDateAt(now, BENCH_ZONE), -1);
  await query(
    database,
    `INSERT INTO clients (id, practice_id, first_name, last_name, date_of_birth, sex, pays_by, autopay,
       auto_share_documents, auto_superbills, created_at, updated_at)
     SELECT gen_random_uuid(), $1, 'Bench', 'Client ' || i, '1990-05-05', 'F', 'self_pay', true, false, false, $2, $2
     FROM generate_series(1, $3) i`,
    [practiceId, now, clients],
  );
  await query(
    database,
    `INSERT INTO invoices (id, practice_id, number, client_id, status, pays_by, invoice_date, total_cents,
       insurance_cents, client_cents, source, created_at, updated_at)
     SELECT gen_random_uuid(), $1, 'INV-' || (10000 + row_number() OVER (ORDER BY id)), id, 'open', 'self_pay', $2,
       17500, 0, 17500, 'nightly', $3, $3
     FROM clients WHERE practice_id = $1`,
    [practiceId, invoiceDate, now],
  );
  const ids = (
    await query<{ id: string }>(database, "SELECT id FROM clients WHERE practice_id = $1 ORDER BY id", [
      practiceId,
    ])
  ).map((r) => r.id);
  const t0 = performance.now();
  const cards = await stripeCards(fakeUrl, ids.length);
  progress(
    `${fmtInt(ids.length)} Stripe customers with a card in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  await query(
    database,
    `INSERT INTO stripe_customers (id, practice_id, client_id, stripe_customer_id, created_at, updated_at)
     SELECT gen_random_uuid(), $1, c, s, $4, $4 FROM unnest($2::uuid[], $3::text[]) AS u(c, s)`,
    [practiceId, ids, cards.map((c) => c.customer), now],
  );
  await query(
    database,
    `INSERT INTO client_cards (id, practice_id, client_id, stripe_payment_method_id, brand, last4, exp_month,
       exp_year, is_default, created_at, updated_at)
     SELECT gen_random_uuid(), $1, c, pm, 'visa', '4242', 12, 2099, true, $4, $4
     FROM unnest($2::uuid[], $3::text[]) AS u(c, pm)`,
    [practiceId, ids, cards.map((c) => c.paymentMethod), now],
  );
  await database.exec("ANALYZE");
  return practiceId;
};

const main = async () => {
  const base = benchDatabaseUrl(args.url);
  const name = `bench_billing_${Date.now().toString(36)}_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const fake = await startFake();
  const u = new URL(base);
  u.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgres", url: u.toString(), poolSize: concurrency + 4 });
  try {
    await migrate(database);
    const now = systemClock.now();
    progress(`generating ${fmtInt(clients)} clients with an open $175 bill and a default card`);
    const practiceId = await generate(database, fake.url, now);
    const runId = newId(now.getTime());
    await query(
      database,
      `INSERT INTO automation_runs (id, practice_id, automation, trigger, local_date, scheduled_at, status, late,
         lateness_ms, created_at) VALUES ($1, $2, 'autopay', 'manual', $3, $4, 'queued', false, 0, $4)`,
      [runId, practiceId, localDateAt(now, BENCH_ZONE), now],
    );
    const rss: Array<{ charges: number; rssMb: number }> = [];
    let peak = process.memoryUsage().rss;
    let nextCheckpoint = 0;
    let stop = false;
    const sampler = (async () => {
      while (!stop && nextCheckpoint < checkpoints.length) {
        peak = Math.max(peak, process.memoryUsage().rss);
        const done = await scalar(
          database,
          "SELECT count(*) AS n FROM card_charges WHERE status <> 'pending'",
        );
        while (nextCheckpoint < checkpoints.length && done >= checkpoints[nextCheckpoint]!) {
          rss.push({ charges: checkpoints[nextCheckpoint]!, rssMb: Math.round(peak / 2 ** 20) });
          progress(`${fmtInt(checkpoints[nextCheckpoint]!)} charges: RSS ${Math.round(peak / 2 ** 20)} MB`);
          nextCheckpoint++;
        }
        await new Promise((r) => setTimeout(r, 500));
      }
    })();
    progress(`autopay run: ${concurrency} charges in flight, fake answering in ${latencyMs} ms`);
    // The machine is shared: the load average at the start and end goes with the figure.
    const loadBefore = loadavg()[0]!;
    // Round trips to PostgreSQL during the run (BEGIN and COMMIT included), counted on pg's client.
    let roundTrips = 0;
    const clientQuery = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...a: Parameters<typeof clientQuery>) {
      roundTrips++;
      return (clientQuery as (...b: unknown[]) => unknown).apply(this, a);
    } as typeof clientQuery;
    const t0 = performance.now();
    const result = await runAutomation(
      database,
      runId,
      { claims: {} as ClaimsPipelinePort, autopay: { concurrency } },
      systemClock,
    );
    const seconds = (performance.now() - t0) / 1000;
    pg.Client.prototype.query = clientQuery;
    stop = true;
    await sampler;
    // The last checkpoints, when the run ended between two samples.
    peak = Math.max(peak, process.memoryUsage().rss);
    for (
      ;
      nextCheckpoint < checkpoints.length && (result.counts.charged ?? 0) >= checkpoints[nextCheckpoint]!;
      nextCheckpoint++
    )
      rss.push({ charges: checkpoints[nextCheckpoint]!, rssMb: Math.round(peak / 2 ** 20) });
    const counts = await fake.counts();
    const charged = result.counts.charged ?? 0;
    const paidInvoices = await scalar(
      database,
      "SELECT count(*) AS n FROM invoices WHERE practice_id = $1 AND payment_status = 'paid'",
      [practiceId],
    );
    const payments = await scalar(database, "SELECT count(*) AS n FROM payments WHERE method = 'card'");
    const rate = charged / seconds;
    const loadAfter = loadavg()[0]!;
    const lines = [
      "## bench:billing — autopay",
      "",
      `Measured ${now.toISOString().slice(0, 10)} on this 2-core machine (shared with other work), PostgreSQL, one ` +
        `practice, ${fmtInt(clients)} clients each with one open $175 bill, autopay on and a default card; the ` +
        `Stripe fake in its own process answering every request after ${latencyMs} ms; one autopay run through the ` +
        `engine (runAutomation), ${concurrency} charges in flight. Load average ${loadBefore.toFixed(1)} at the start, ` +
        `${loadAfter.toFixed(1)} at the end. Target ≥ 200 charges/s.`,
      "",
      "| clients | charges in flight | charged | seconds | charges/s | PaymentIntents (fake) | duplicate charges (fake) | bills paid | card payments |",
      "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      `| ${fmtInt(clients)} | ${concurrency} | ${fmtInt(charged)} | ${seconds.toFixed(1)} | ${rate.toFixed(0)} | ` +
        `${fmtInt(counts.paymentIntents)} | ${counts.duplicateKeys + counts.duplicateCharges} | ${fmtInt(paidInvoices)} | ${fmtInt(payments)} |`,
      "",
      `RSS of the bench process (billcycle's run; the fake is another process) when charges were done: ${rss
        .map((r) => `${fmtInt(r.charges)}: ${r.rssMb} MB`)
        .join(", ")}.`,
      "",
      `Round trips to PostgreSQL during the run: ${fmtInt(roundTrips)}, ${(roundTrips / Math.max(1, charged)).toFixed(1)} ` +
        "per charge (BEGIN and COMMIT included; the bench's own progress sampling too).",
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    if (!args["no-doc"]) replaceSection("docs/PERFORMANCE.md", lines[0]!, lines);
    const ok = charged === clients && counts.duplicateKeys === 0 && counts.duplicateCharges === 0;
    if (!ok) {
      process.stderr.write(
        `FAILED: charged ${charged} of ${clients}, duplicates ${JSON.stringify(counts)}\n`,
      );
      process.exitCode = 1;
    }
  } finally {
    await database.close();
    fake.stop();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
};

await main();
