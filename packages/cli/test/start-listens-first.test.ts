import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { migrate, openDatabase, rowsOf, tables } from "@billcycle/db";
import { configure, createBillingPractice, createClient } from "@billcycle/testing/billing-fixture";
import { bulkKeptAppointments } from "@billcycle/testing/bulk-appointments";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { tickClock } from "../../worker/src/clock/tick-clock";

const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));
const ZONE = "America/Chicago";
const DAY = 24 * 3600 * 1000;

type Child = { process: ChildProcess; stdout: () => string; exited: Promise<number | null> };

const startCli = (dataDir: string, env: Record<string, string> = {}): Child => {
  const child = spawn(process.execPath, ["--import", "tsx", main, "start", "--port", "0", "--no-demo"], {
    env: { ...process.env, BILLCYCLE_DATA_DIR: dataDir, DATABASE_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { process: child, stdout: () => out, exited };
};

const waitFor = async (what: () => boolean, ms: number, label: string): Promise<void> => {
  const until = Date.now() + ms;
  while (!what()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("billcycle start on the embedded database", () => {
  it("listens before it runs queued jobs, and takes over a dead process's lease at once", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "billcycle-start-"));
    dirs.push(dataDir);
    // Two practices with creation on since two days ago: the clock schedules their missed runs (jobs queued).
    const now = new Date();
    const enabledAt = new Date(now.getTime() - 2 * DAY);
    const serviceDate = new Date(now.getTime() - 3 * DAY).toISOString().slice(0, 10);
    const database = await openDatabase({ kind: "pglite", dataDir });
    let sessions = 0;
    let jobs = 0;
    try {
      await migrate(database);
      for (const name of ["Dead Lease Practice", "Queued Practice"]) {
        const p = await createBillingPractice(database, ZONE, enabledAt, name);
        await configure(database, p, enabledAt, (c) => {
          c.automations.invoice_creation.enabled = true;
        });
        const clients = await Promise.all([1, 2, 3].map(() => createClient(database, p, enabledAt)));
        sessions += (await bulkKeptAppointments(database, p, clients, 1500, serviceDate, enabledAt)).length;
      }
      jobs = (await tickClock(database, now)).scheduled;
      // The first job was running in a process killed with -9: its lease would hold it for another hour.
      const [first] = await database.db.select().from(tables.jobs).orderBy(tables.jobs.id).limit(1);
      await database.db
        .update(tables.jobs)
        .set({
          status: "running",
          attempts: 1,
          lockedBy: "dead:1",
          lockedUntil: new Date(now.getTime() + 3600_000),
        })
        .where(eq(tables.jobs.id, first!.id));
    } finally {
      await database.close();
    }

    const child = startCli(dataDir, { BILLCYCLE_JOB_LEASE_MS: "60000" });
    try {
      await waitFor(() => /running at (http:\S+)/.test(child.stdout()), 60_000, "the server to listen");
      const url = /running at (http:\S+)/.exec(child.stdout())![1]!;
      const t0 = performance.now();
      const health = await fetch(`${url}/healthz`);
      const healthMs = performance.now() - t0;
      const jobsDoneBeforeHealth = child.stdout().split('"job done"').length - 1;
      expect(health.status).toBe(200);
      // Answered while the night's jobs are still to run (before: it listened only after they had finished).
      expect(jobsDoneBeforeHealth).toBe(0);
      // Generous: on 2 shared cores one batch can hold the embedded database for a second or more.
      expect(healthMs).toBeLessThan(30_000);
      // Every run finishes well within the dead process's remaining hour of lease.
      const done = () => child.stdout().split('"job done"').length - 1;
      await waitFor(() => done() >= jobs, 90_000, `${jobs} jobs`);
      expect(child.stdout()).not.toContain('"job failed"');
    } finally {
      child.process.kill("SIGTERM");
      await child.exited;
    }
    const after = await openDatabase({ kind: "pglite", dataDir });
    try {
      const runs = await after.db
        .select({ status: tables.automationRuns.status })
        .from(tables.automationRuns);
      expect(runs.length).toBeGreaterThanOrEqual(2);
      const [row] = rowsOf<{ invoiced: number }>(
        await after.db.execute(sql`SELECT count(*)::int AS invoiced FROM appointment_invoices`),
      );
      expect({ statuses: [...new Set(runs.map((r) => r.status))], invoiced: row?.invoiced }).toEqual({
        statuses: ["done"],
        invoiced: sessions,
      });
    } finally {
      await after.close();
    }
  }, 180_000);

  it("reads BILLCYCLE_JOB_LEASE_MS as the worker does (a value that is not a duration is refused)", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "billcycle-start-"));
    dirs.push(dataDir);
    const child = startCli(dataDir, { BILLCYCLE_JOB_LEASE_MS: "soon" });
    const code = await Promise.race([
      child.exited,
      new Promise<"running">((r) => setTimeout(() => r("running"), 60_000)),
    ]);
    if (code === "running") child.process.kill("SIGTERM");
    expect(code).not.toBe("running");
    expect(child.stdout()).toContain("BILLCYCLE_JOB_LEASE_MS must be a whole number of milliseconds");
  }, 90_000);
});
