import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { runAutomation, runAutomationJob } from "@billcycle/app";
import { ManualClock } from "@billcycle/core";
import { claimJobs, completeJob, type Database, deferJob, rowsOf, tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import {
  configure,
  createBillingPractice,
  createClient,
  type PracticeFixture,
} from "@billcycle/testing/billing-fixture";
import { bulkKeptAppointments } from "@billcycle/testing/bulk-appointments";
import { filePorts, local } from "@billcycle/testing/engine-harness";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tickClock } from "../src/clock/tick-clock";
import { jobRegistry } from "../src/jobs/registry";
import { drainJobs } from "../src/worker";

const ZONE = "America/Chicago";
const NIGHT = "2026-03-02";
/** A dead worker's lease outlives the next step's run time (30 minutes later), as a long lease does. */
const DEAD_LEASE_MS = 45 * 60_000;
const STEP_MS = 5 * 60_000;

class Killed extends Error {}

/** mulberry32: the kill points are random but the same on every run (the seed is in the test's name). */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/**
 * The same database, except that the `dieAt`-th transaction this worker opens is rolled back and the worker dies
 * there (as kill -9 in the middle of a transaction): nothing after it is written, its job keeps its lease.
 */
const mortal = (database: Database, dieAt: number): Database => {
  let n = 0;
  const transaction: Database["db"]["transaction"] = (fn, config) =>
    database.db.transaction(async (tx) => {
      const result = await fn(tx);
      if (++n === dieAt) throw new Killed(`killed in transaction ${n}`);
      return result;
    }, config);
  return { ...database, db: Object.create(database.db, { transaction: { value: transaction } }) };
};

/** Runs ready jobs like a worker with a long lease until one of its transactions kills it. Returns false once dead. */
const runMortal = async (database: Database, clock: ManualClock, ports: ReturnType<typeof filePorts>) => {
  for (;;) {
    const [job] = await claimJobs(database.db, "mortal", 1, clock.now(), DEAD_LEASE_MS);
    if (!job) return true;
    let retryAt: Date | undefined;
    try {
      if (job.queue === runAutomationJob.name) {
        const { runId } = runAutomationJob.payload.parse(job.payload);
        const result = await runAutomation(database, runId, ports, clock, { batchSize: 10 });
        if (result.status === "waiting") retryAt = result.retryAt;
      } else {
        const prepared = jobRegistry.get(job.queue)?.prepare(job.payload);
        if (!prepared?.ok) throw new Error(`job ${job.queue} cannot run`);
        await prepared.run({ database, ports, clock });
      }
    } catch (e) {
      if (e instanceof Killed) return false;
      throw e;
    }
    if (retryAt) await deferJob(database.db, job, "mortal", retryAt);
    else await completeJob(database.db, job.id, "mortal", clock.now());
  }
};

/** All four automations, same night: creation 20:00, processing 20:30, submission 21:00, ERA 21:30. */
const nightPractice = async (database: Database, clock: ManualClock, sessions: number) => {
  const p = await createBillingPractice(database, ZONE, clock.now());
  await configure(database, p, clock.now(), (c) => {
    c.cadence = "same_night";
    const at = {
      invoice_creation: "20:00",
      invoice_processing: "20:30",
      claims_submission: "21:00",
    } as const;
    for (const [k, runTime] of Object.entries(at) as Array<[keyof typeof at, string]>)
      c.automations[k] = { ...c.automations[k], enabled: true, runTime };
    c.automations.era_processing = { ...c.automations.era_processing, enabled: true, runTime: "21:30" };
  });
  const insured = await Promise.all([1, 2, 3, 4].map(() => createClient(database, p, clock.now())));
  const selfPay = await createClient(database, p, clock.now(), { paysBy: "self_pay" });
  await bulkKeptAppointments(database, p, [...insured, selfPay], sessions, NIGHT, clock.now());
  return p;
};

/** What the night left: everything invoiced, claimed and submitted by that night's runs, and no duplicates. */
const nightResult = async (database: Database, p: PracticeFixture) => {
  const q = async (text: ReturnType<typeof sql>) =>
    rowsOf<{ n: number }>(await database.db.execute(text))[0]!.n;
  const id = p.practiceId;
  const processingRun = sql`(SELECT id FROM automation_runs WHERE practice_id = ${id}
    AND automation = 'invoice_processing' AND local_date = ${NIGHT})`;
  const creation = await database.db
    .select()
    .from(tables.automationRuns)
    .where(
      and(eq(tables.automationRuns.practiceId, id), eq(tables.automationRuns.automation, "invoice_creation")),
    );
  return {
    sessions: await q(sql`SELECT count(*)::int AS n FROM appointments WHERE practice_id = ${id}`),
    invoicedSessions: await q(
      sql`SELECT count(*)::int AS n FROM appointment_invoices WHERE practice_id = ${id}`,
    ),
    insuranceInvoices: await q(
      sql`SELECT count(*)::int AS n FROM invoices WHERE practice_id = ${id} AND pays_by = 'insurance'`,
    ),
    claimedByTheNightsRun: await q(sql`SELECT count(*)::int AS n FROM claims
      WHERE practice_id = ${id} AND run_id = ${processingRun}`),
    submittedThatNight: await q(sql`SELECT count(*)::int AS n FROM claims
      WHERE practice_id = ${id} AND status = 'submitted' AND submitted_at < ${local(`${NIGHT}T23:59`, ZONE)}`),
    sessionsOnTwoInvoices:
      await q(sql`SELECT count(*)::int AS n FROM (SELECT appointment_id FROM invoice_lines
      WHERE practice_id = ${id} AND appointment_id IS NOT NULL GROUP BY appointment_id
      HAVING count(DISTINCT invoice_id) > 1) d`),
    invoicesWithTwoClaims: await q(sql`SELECT count(*)::int AS n FROM (SELECT invoice_id FROM claims
      WHERE practice_id = ${id} GROUP BY invoice_id HAVING count(*) > 1) d`),
    claimsInTwoFiles: await q(sql`SELECT count(*)::int AS n FROM (SELECT claim_id FROM claim_submissions
      WHERE practice_id = ${id} GROUP BY claim_id HAVING count(*) > 1) d`),
    runsNotDone: await q(sql`SELECT count(*)::int AS n FROM automation_runs
      WHERE practice_id = ${id} AND status <> 'done'`),
    creationCountsInvoiced: creation[0]?.counts?.invoiced,
  };
};

const expectCompleteNight = (r: Awaited<ReturnType<typeof nightResult>>) => {
  expect(r).toEqual({
    sessions: r.sessions,
    invoicedSessions: r.sessions,
    insuranceInvoices: r.insuranceInvoices,
    claimedByTheNightsRun: r.insuranceInvoices,
    submittedThatNight: r.insuranceInvoices,
    sessionsOnTwoInvoices: 0,
    invoicesWithTwoClaims: 0,
    claimsInTwoFiles: 0,
    runsNotDone: 0,
    creationCountsInvoiced: r.sessions,
  });
  expect(r.insuranceInvoices).toBeGreaterThan(0);
};

/** A finished kill point's practice leaves the clock, so later nights tick only their own practice. */
const retire = async (database: Database, p: PracticeFixture) => {
  await database.db.delete(tables.automationClock).where(eq(tables.automationClock.practiceId, p.practiceId));
};

/** The night from 19:55 to 23:55 in 5-minute steps; `worker` runs the jobs of each step while it lives. */
const simulateNight = async (
  database: Database,
  clock: ManualClock,
  worker: (now: Date) => Promise<void>,
) => {
  clock.set(local(`${NIGHT}T19:55`, ZONE));
  while (clock.now().getTime() < local(`${NIGHT}T23:55`, ZONE).getTime()) {
    clock.advance(STEP_MS);
    await tickClock(database, clock.now());
    await worker(clock.now());
  }
};

describe.each(testBackends())("a worker killed at random moments of a night (%s)", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => database?.dispose());

  // A night with these automations and 100 sessions at 10 a batch opens about 25 transactions (10 creation,
  // 8 processing, scrub, numbers, file, delivery, ERA). On PGlite 4 kill points keep the file quick; PostgreSQL
  // takes all 10 (and one real kill -9 below).
  const SEED = 20261206;
  const next = random(SEED);
  const points = Array.from({ length: 25 }, (_, i) => ({ at: i + 1, key: next() }))
    .sort((a, b) => a.key - b.key)
    .slice(0, 10)
    .map((p) => p.at);
  const used = backend === "pglite" ? points.slice(0, 4) : points;

  it.each(used)(
    `seed ${SEED}: dies in its transaction %i, and the night still ends complete`,
    async (dieAt) => {
      const clock = new ManualClock(local(`${NIGHT}T12:00`, ZONE));
      const ports = filePorts();
      const p = await nightPractice(database, clock, 100);
      const doomed = mortal(database, dieAt);
      let alive = true;
      await simulateNight(database, clock, async () => {
        if (alive) alive = await runMortal(doomed, clock, ports);
        if (!alive) await drainJobs({ database, clock, ports, workerId: "survivor" });
      });
      expect(alive).toBe(false);
      expectCompleteNight(await nightResult(database, p));
      await retire(database, p);
    },
  );

  it.runIf(backend === "postgres")(
    "a worker process killed with -9 during Invoice Creation: processing waits for the rest of the night's invoices",
    async () => {
      const clock = new ManualClock(local(`${NIGHT}T12:00`, ZONE));
      const ports = filePorts();
      const p = await nightPractice(database, clock, 300);
      let killed = false;
      await simulateNight(database, clock, async (now) => {
        if (!killed && now.getTime() === local(`${NIGHT}T20:00`, ZONE).getTime()) {
          killed = true;
          await killChildMidCreation(database as TestDatabase, p, now);
        }
        await drainJobs({ database, clock, ports, workerId: "survivor" });
      });
      expect(killed).toBe(true);
      expectCompleteNight(await nightResult(database, p));
      await retire(database, p);
    },
  );
});

/** A real worker process claims the creation job (45-minute lease) and is killed with -9 part-way through. */
const killChildMidCreation = async (database: TestDatabase, p: PracticeFixture, now: Date) => {
  const script = fileURLToPath(new URL("./support/child-run.ts", import.meta.url));
  const child = spawn(
    process.execPath,
    ["--import", "tsx", script, database.url!, "5", String(DEAD_LEASE_MS), now.toISOString()],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let stdout = "";
  child.stdout.on("data", (d: Buffer) => {
    stdout += d.toString();
  });
  let running = true;
  const exited = new Promise<void>((resolve) =>
    child.on("exit", () => {
      running = false;
      resolve();
    }),
  );
  const links = async () =>
    rowsOf<{ n: number }>(
      await database.db.execute(
        sql`SELECT count(*)::int AS n FROM appointment_invoices WHERE practice_id = ${p.practiceId}`,
      ),
    )[0]!.n;
  for (let i = 0; i < 3000 && running && (await links()) < 20; i++)
    await new Promise((r) => setTimeout(r, 10));
  child.kill("SIGKILL");
  await exited;
  expect(stdout).toContain("claimed");
  expect(stdout).not.toContain("finished");
  const partial = await links();
  expect(partial).toBeGreaterThanOrEqual(20);
  expect(partial).toBeLessThan(300);
};
