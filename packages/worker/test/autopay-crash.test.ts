import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  createInvoices,
  type EnginePorts,
  getAutomationConfig,
  updateAutomationConfig,
} from "@billcycle/app";
import { ManualClock } from "@billcycle/core";
import { rowsOf, tables } from "@billcycle/db";
import { type StripeFake, startStripeFake } from "@billcycle/stripe-fake";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { createAppointment } from "@billcycle/testing/billing-fixture";
import { filePorts, local } from "@billcycle/testing/engine-harness";
import {
  clientWithCard,
  STRIPE_OPTIONS,
  stripePractice,
  useTestSecretKey,
} from "@billcycle/testing/stripe-practice";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tickClock } from "../src/clock/tick-clock";
import { drainJobs } from "../src/worker";

useTestSecretKey();
const ZONE = "America/Chicago";
const CLIENTS = 24;
/** The killed worker's lease: the job is taken over once it has run out. */
const LEASE_MS = 45 * 60_000;

/**
 * kill -9 during an autopay run on PostgreSQL: a worker process claims the 00:30 run and is killed with SIGKILL
 * part-way through its charges; two workers then race for the job once the lease has run out. Every bill ends
 * charged exactly once: no idempotency key made a second PaymentIntent at the fake, one card payment per bill.
 */
describe.each(testBackends().filter((b) => b === "postgres"))(
  "autopay: kill -9 and two workers (%s)",
  (backend) => {
    let database: TestDatabase;
    let fake: StripeFake;
    beforeAll(async () => {
      database = await openTestDatabase(backend);
      // Slow enough answers that the kill lands while charges are in flight.
      fake = await startStripeFake({ latencyMs: 40 });
    });
    afterAll(async () => {
      await fake?.stop();
      await database?.dispose();
    });

    it("a worker killed with -9 mid-run, then two workers: 0 duplicate charges, every bill charged once", async () => {
      const clock = new ManualClock(local("2026-09-01T12:00", ZONE));
      const p = await stripePractice(database, fake, clock.now(), "Autopay crash practice");
      const { config } = await getAutomationConfig(database.db, p.practiceId);
      config.automations.autopay.enabled = true;
      await updateAutomationConfig(database, {
        actor: p.actor,
        next: config,
        expectedVersion: 0,
        now: clock.now(),
      });
      for (let i = 0; i < CLIENTS; i++) {
        const clientId = await clientWithCard(database, fake, p, clock.now());
        await database.db
          .update(tables.clients)
          .set({ autopay: true })
          .where(eq(tables.clients.id, clientId));
        await createAppointment(database, p, clientId, clock.now(), {
          localStart: "2026-09-01T09:00",
          status: "kept",
        });
      }
      await createInvoices(
        database,
        { practiceId: p.practiceId, trigger: "manual", runId: null, today: "2026-09-01" },
        clock.now(),
      );

      // 00:30: the run is queued; a worker process claims it and is killed with -9 after a few charges.
      clock.set(local("2026-09-02T00:30", ZONE));
      await tickClock(database, clock.now());
      const charges = async () =>
        rowsOf<{ n: number }>(
          await database.db.execute(
            sql`SELECT count(*)::int AS n FROM card_charges WHERE practice_id = ${p.practiceId}::uuid`,
          ),
        )[0]!.n;
      const script = fileURLToPath(new URL("./support/child-run.ts", import.meta.url));
      const child = spawn(
        process.execPath,
        ["--import", "tsx", script, database.url!, "6", String(LEASE_MS), clock.now().toISOString()],
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
      for (let i = 0; i < 6000 && running && (await charges()) < 4; i++)
        await new Promise((r) => setTimeout(r, 10));
      child.kill("SIGKILL");
      await exited;
      expect(stdout).toContain("claimed");
      expect(stdout).not.toContain("finished");
      const atKill = await charges();
      expect(atKill).toBeGreaterThanOrEqual(4);
      expect(atKill).toBeLessThan(CLIENTS);

      // The lease runs out; two workers race for the job (one wins it, the run is done once).
      const ports: EnginePorts = { ...filePorts(), autopay: { stripe: STRIPE_OPTIONS, concurrency: 4 } };
      clock.set(local("2026-09-02T01:20", ZONE));
      await tickClock(database, clock.now());
      await Promise.all(
        ["worker-a", "worker-b"].map((workerId) => drainJobs({ database, clock, ports, workerId })),
      );
      // Anything the kill left unsent and unknowable (failed, nothing charged) is charged the next night.
      clock.set(local("2026-09-03T00:35", ZONE));
      await tickClock(database, clock.now());
      await drainJobs({ database, clock, ports, workerId: "worker-a" });

      const [run] = await database.db
        .select()
        .from(tables.automationRuns)
        .where(sql`${tables.automationRuns.practiceId} = ${p.practiceId}::uuid AND automation = 'autopay'
        AND local_date = '2026-09-02'`);
      expect(run).toMatchObject({ status: "done" });
      expect(run!.attempts).toBeGreaterThanOrEqual(2);

      const q = async (text: ReturnType<typeof sql>) =>
        rowsOf<{ n: number }>(await database.db.execute(text))[0]!.n;
      const id = p.practiceId;
      expect(await q(sql`SELECT count(*)::int AS n FROM invoices WHERE practice_id = ${id}::uuid`)).toBe(
        CLIENTS,
      );
      expect(
        await q(
          sql`SELECT count(*)::int AS n FROM invoices WHERE practice_id = ${id}::uuid AND payment_status = 'paid'`,
        ),
      ).toBe(CLIENTS);
      expect(
        await q(
          sql`SELECT count(*)::int AS n FROM card_charges WHERE practice_id = ${id}::uuid AND status = 'succeeded'`,
        ),
      ).toBe(CLIENTS);
      expect(await q(sql`SELECT count(*)::int AS n FROM payments WHERE practice_id = ${id}::uuid`)).toBe(
        CLIENTS,
      );
      // At most one attempt per bill per night, and exactly one PaymentIntent per charge key, counted by the fake.
      const keys = rowsOf<{ key: string }>(
        await database.db.execute(
          sql`SELECT idempotency_key AS key FROM card_charges WHERE practice_id = ${id}::uuid`,
        ),
      );
      const created = new Map<string, number>();
      for (const r of fake.requests)
        if (r.method === "POST" && r.path === "/v1/payment_intents" && r.createdId && r.idempotencyKey)
          created.set(r.idempotencyKey, (created.get(r.idempotencyKey) ?? 0) + 1);
      expect([...created.values()].filter((n) => n > 1)).toEqual([]);
      const succeededPis = fake.paymentIntents().filter((pi) => pi.status === "succeeded");
      expect(succeededPis).toHaveLength(CLIENTS);
      expect(keys.length).toBeGreaterThanOrEqual(CLIENTS);
      // A child process, a kill, two workers and a second night: 75 s under load on 2 shared cores.
    }, 240_000);
  },
);
