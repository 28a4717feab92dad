import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createInvoices, invoiceOnKept, runAutomation } from "@billcycle/app";
import { ManualClock } from "@billcycle/core";
import { type Database, openDatabase, rowsOf, tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase } from "@billcycle/testing";
import { configure, createBillingPractice, createClient } from "@billcycle/testing/billing-fixture";
import { bulkKeptAppointments } from "@billcycle/testing/bulk-appointments";
import { filePorts, local } from "@billcycle/testing/engine-harness";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tickClock } from "../src/clock/tick-clock";
import { drainJobs } from "../src/worker";

const ZONE = "America/Chicago";

/** Every appointment billed at most once: no appointment on two live invoices, one invoice line each. */
const duplicateCheck = async (database: Database, practiceId: string) => {
  const dupLines = rowsOf<{ n: number }>(
    await database.db.execute(sql`
      SELECT count(*)::int AS n FROM (
        SELECT l.appointment_id FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
        WHERE l.practice_id = ${practiceId} AND i.status <> 'void' AND l.appointment_id IS NOT NULL
        GROUP BY l.appointment_id HAVING count(*) > 1) d`),
  )[0]!.n;
  const [{ invoices } = { invoices: 0 }] = rowsOf<{ invoices: number }>(
    await database.db.execute(
      sql`SELECT count(*)::int AS invoices FROM invoices WHERE practice_id = ${practiceId}`,
    ),
  );
  const [{ links } = { links: 0 }] = rowsOf<{ links: number }>(
    await database.db.execute(
      sql`SELECT count(*)::int AS links FROM appointment_invoices WHERE practice_id = ${practiceId}`,
    ),
  );
  return { dupLines, invoices, links };
};

describe.runIf(process.env.TEST_DATABASE_URL)("exactly-once on PostgreSQL with several workers", () => {
  let database: TestDatabase;
  let second: Database;
  beforeAll(async () => {
    database = await openTestDatabase("postgres");
    second = await openDatabase({ kind: "postgres", url: database.url!, poolSize: 4 });
  });
  afterAll(async () => {
    await second?.close();
    await database?.dispose();
  });

  it("two workers running the same run at once never invoice a session twice", async () => {
    const clock = new ManualClock(local("2026-03-02T12:00", ZONE));
    const p = await createBillingPractice(database, ZONE, clock.now());
    await configure(database, p, clock.now(), (c) => {
      c.automations.invoice_creation.enabled = true;
    });
    const clients = await Promise.all([1, 2, 3, 4, 5].map(() => createClient(database, p, clock.now())));
    await bulkKeptAppointments(database, p, clients, 600, "2026-03-02", clock.now());
    clock.set(local("2026-03-02T23:05", ZONE));
    await tickClock(database, clock.now());
    const [run] = await database.db
      .select()
      .from(tables.automationRuns)
      .where(eq(tables.automationRuns.practiceId, p.practiceId));
    const ports = filePorts();
    // The same run executed by two processes' pools concurrently (a lease taken over while the first still runs).
    await Promise.all([
      runAutomation(database, run!.id, ports, clock, { batchSize: 25 }),
      runAutomation(second, run!.id, ports, clock, { batchSize: 25 }),
      createInvoices(
        second,
        { practiceId: p.practiceId, trigger: "manual", runId: null, today: "2026-03-02", batchSize: 40 },
        clock.now(),
      ),
    ]);
    expect(await duplicateCheck(database, p.practiceId)).toEqual({ dupLines: 0, invoices: 600, links: 600 });
    const outcomes = await database.db
      .select()
      .from(tables.automationOutcomes)
      .where(eq(tables.automationOutcomes.runId, run!.id));
    expect(new Set(outcomes.map((o) => o.subjectId)).size).toBe(outcomes.length);
  });

  it("the on-Kept path racing the nightly run never invoices a session twice", async () => {
    const clock = new ManualClock(local("2026-03-02T23:00", ZONE));
    const p = await createBillingPractice(database, ZONE, clock.now());
    await configure(database, p, clock.now(), (c) => {
      c.invoiceCreationMode = "on_kept";
      c.automations.invoice_creation.enabled = true;
    });
    const clients = await Promise.all([1, 2].map(() => createClient(database, p, clock.now())));
    const ids = await bulkKeptAppointments(database, p, clients, 200, "2026-03-02", clock.now());
    await Promise.all([
      createInvoices(
        database,
        { practiceId: p.practiceId, trigger: "manual", runId: null, today: "2026-03-02", batchSize: 20 },
        clock.now(),
      ),
      ...ids
        .slice(0, 100)
        .map((appointmentId) =>
          invoiceOnKept(second, { practiceId: p.practiceId, appointmentId }, clock.now()),
        ),
    ]);
    expect(await duplicateCheck(database, p.practiceId)).toEqual({ dupLines: 0, invoices: 200, links: 200 });
  });

  it("a session reopened while a run is billing it is left out, not invoiced as the Kept session it was", async () => {
    const clock = new ManualClock(local("2026-03-02T23:00", ZONE));
    const p = await createBillingPractice(database, ZONE, clock.now());
    await configure(database, p, clock.now(), (c) => {
      c.automations.invoice_creation.enabled = true;
    });
    const client = await createClient(database, p, clock.now());
    const ids = await bulkKeptAppointments(database, p, [client], 3, "2026-03-02", clock.now());
    const reopened = ids[0]!;
    // Another connection reopens one session and holds its transaction open.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let taken = () => {};
    const lockTaken = new Promise<void>((resolve) => {
      taken = resolve;
    });
    const reopen = second.db.transaction(async (tx) => {
      await tx
        .update(tables.appointments)
        .set({ status: "upcoming", version: sql`${tables.appointments.version} + 1` })
        .where(eq(tables.appointments.id, reopened));
      taken();
      await held;
    });
    await lockTaken;
    const run = createInvoices(
      database,
      { practiceId: p.practiceId, trigger: "manual", runId: null, today: "2026-03-02" },
      clock.now(),
    );
    // The run reads its facts (the session still Kept, as committed) and then waits on the session's row; only
    // then does the reopening commit. Without the lock the run would not wait, and bill the session as Kept.
    const waiting = async () =>
      rowsOf<{ n: number }>(
        await database.db.execute(
          sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        ),
      )[0]!.n;
    for (let i = 0; i < 100 && (await waiting()) === 0; i++) await new Promise((r) => setTimeout(r, 30));
    release();
    await reopen;
    const result = await run;
    expect(result).toMatchObject({ invoiced: 2, skipped: 1 });
    const billed = await database.db
      .select()
      .from(tables.appointmentInvoices)
      .where(eq(tables.appointmentInvoices.practiceId, p.practiceId));
    expect(billed.map((b) => b.appointmentId).sort()).toEqual(ids.slice(1).sort());
    const [outcome] = await database.db
      .select()
      .from(tables.automationOutcomes)
      .where(eq(tables.automationOutcomes.subjectId, reopened));
    expect(outcome).toMatchObject({ outcome: "skipped" });
  });

  it("kill -9 in the middle of a run loses nothing and duplicates nothing after restart", async () => {
    const clock = new ManualClock(local("2026-03-02T12:00", ZONE));
    const p = await createBillingPractice(database, ZONE, clock.now());
    await configure(database, p, clock.now(), (c) => {
      c.automations.invoice_creation.enabled = true;
    });
    const clients = await Promise.all([1, 2, 3].map(() => createClient(database, p, clock.now())));
    const total = 800;
    await bulkKeptAppointments(database, p, clients, total, "2026-03-02", clock.now());
    // Earlier scenarios ran their runs directly; retire their queued jobs so the child claims this run's job.
    await database.db
      .delete(tables.automationClock)
      .where(sql`${tables.automationClock.practiceId} <> ${p.practiceId}`);
    await database.db.update(tables.jobs).set({ status: "done" }).where(sql`${tables.jobs.status} <> 'done'`);
    clock.set(local("2026-03-02T23:05", ZONE));
    await tickClock(database, clock.now());

    const script = fileURLToPath(new URL("./support/child-run.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", script, database.url!, "10", "1500"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    let running = true;
    const exited = new Promise<number | null>((resolve) =>
      child.on("exit", (code, signal) => {
        running = false;
        resolve(signal ? -9 : code);
      }),
    );
    let atKill = 0;
    for (let i = 0; i < 1500 && running; i++) {
      atKill = (await duplicateCheck(database, p.practiceId)).links;
      if (atKill >= 50) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill("SIGKILL");
    expect(await exited).toBe(-9);
    expect(stdout).toContain("claimed");
    expect(stdout).not.toContain("finished");
    const afterKill = (await duplicateCheck(database, p.practiceId)).links;
    expect(afterKill).toBeGreaterThanOrEqual(50);
    expect(afterKill).toBeLessThan(total);

    // Restart: once the dead worker's lease has run out, another worker takes the job over and finishes it.
    const restart = new ManualClock(new Date(Date.now() + 5_000));
    expect(await drainJobs({ database, clock: restart, ports: filePorts() })).toBe(1);
    expect(await duplicateCheck(database, p.practiceId)).toEqual({
      dupLines: 0,
      invoices: total,
      links: total,
    });
    const [run] = await database.db
      .select()
      .from(tables.automationRuns)
      .where(eq(tables.automationRuns.practiceId, p.practiceId));
    expect(run).toMatchObject({ status: "done", attempts: 2 });
    const outcomes = await database.db
      .select()
      .from(tables.automationOutcomes)
      .where(eq(tables.automationOutcomes.runId, run!.id));
    expect(outcomes).toHaveLength(total);
  });
});
