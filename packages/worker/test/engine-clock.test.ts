import { ManualClock } from "@billcycle/core";
import { tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { configure, createBillingPractice } from "@billcycle/testing/billing-fixture";
import { filePorts, local, simulate } from "@billcycle/testing/engine-harness";
import { asc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { tickClock } from "../src/clock/tick-clock";
import { drainJobs } from "../src/worker";

describe.each(testBackends())("the clock (%s)", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => database?.dispose());
  // Each scenario travels in time on its own: stop the previous practices' clocks so they don't catch up months.
  afterEach(async () => {
    await database.db.delete(tables.automationClock);
  });

  const runsOf = (practiceId: string) =>
    database.db
      .select()
      .from(tables.automationRuns)
      .where(eq(tables.automationRuns.practiceId, practiceId))
      .orderBy(asc(tables.automationRuns.scheduledAt));

  it("after downtime runs each missed occurrence once, marked late, and never again", async () => {
    const zone = "America/Chicago";
    const clock = new ManualClock(local("2026-03-02T12:00", zone));
    const p = await createBillingPractice(database, zone, clock.now());
    await configure(database, p, clock.now(), (c) => {
      c.automations.invoice_creation.enabled = true;
      c.automations.invoice_processing.enabled = true;
    });
    // Down from Monday noon until Thursday 09:00: three nights of two automations each.
    clock.set(local("2026-03-05T09:00", zone));
    expect(await tickClock(database, clock.now())).toEqual({ scheduled: 6 });
    expect(await tickClock(database, clock.now())).toEqual({ scheduled: 0 });
    expect(await drainJobs({ database, clock, ports: filePorts() })).toBe(6);
    const runs = await runsOf(p.practiceId);
    expect(runs.map((r) => `${r.localDate} ${r.automation}`)).toEqual([
      "2026-03-02 invoice_processing",
      "2026-03-02 invoice_creation",
      "2026-03-03 invoice_processing",
      "2026-03-03 invoice_creation",
      "2026-03-04 invoice_processing",
      "2026-03-04 invoice_creation",
    ]);
    expect(runs.every((r) => r.late && r.status === "done")).toBe(true);
    expect(runs[0]!.latenessMs).toBe(clock.now().getTime() - local("2026-03-02T22:00", zone).getTime());
    expect(await drainJobs({ database, clock, ports: filePorts() })).toBe(0);
  });

  it("records when a run finished, read from the clock after its work, not when it started", async () => {
    const zone = "America/Denver";
    const clock = new ManualClock(local("2026-04-06T12:00", zone));
    const p = await createBillingPractice(database, zone, clock.now());
    await configure(database, p, clock.now(), (c) => {
      c.automations.claims_submission.enabled = true;
    });
    const files = filePorts();
    // The submission takes 95 seconds of (simulated) time.
    const ports = {
      claims: {
        ...files.claims,
        submitClaims: async (...args: Parameters<typeof files.claims.submitClaims>) => {
          const counts = await files.claims.submitClaims(...args);
          clock.advance(95_000);
          return counts;
        },
      },
    };
    clock.set(local("2026-04-07T01:00", zone));
    expect(await tickClock(database, clock.now())).toEqual({ scheduled: 1 });
    const startedAt = clock.now();
    expect(await drainJobs({ database, clock, ports })).toBe(1);
    const [run] = await runsOf(p.practiceId);
    expect(run!.status).toBe("done");
    expect(run!.startedAt!.toISOString()).toBe(startedAt.toISOString());
    expect(run!.finishedAt!.getTime() - run!.startedAt!.getTime()).toBe(95_000);
  });

  it("simulates a week across the spring-forward night: one run per local date, 02:30 ran at 03:30", async () => {
    const zone = "America/New_York";
    const clock = new ManualClock(local("2026-03-05T12:00", zone));
    const p = await createBillingPractice(database, zone, clock.now());
    await configure(database, p, clock.now(), (c) => {
      c.automations.invoice_creation.enabled = true;
      c.automations.invoice_creation.runTime = "02:30";
    });
    // Ticking every 30 minutes lands on the run times, so no run counts as late.
    await simulate(database, clock, filePorts(), local("2026-03-12T12:00", zone), 30);
    const runs = await runsOf(p.practiceId);
    expect(runs.map((r) => r.localDate)).toEqual([
      "2026-03-06",
      "2026-03-07",
      "2026-03-08",
      "2026-03-09",
      "2026-03-10",
      "2026-03-11",
      "2026-03-12",
    ]);
    expect(runs.find((r) => r.localDate === "2026-03-08")!.scheduledAt.toISOString()).toBe(
      "2026-03-08T07:30:00.000Z",
    );
    expect(runs.every((r) => !r.late && r.status === "done")).toBe(true);
  });

  it("a week across the fall-back night runs the repeated hour once", async () => {
    const zone = "Europe/London";
    const clock = new ManualClock(local("2026-10-22T12:00", zone));
    const p = await createBillingPractice(database, zone, clock.now());
    await configure(database, p, clock.now(), (c) => {
      c.automations.invoice_processing.enabled = true;
      c.automations.invoice_processing.runTime = "01:30";
    });
    await simulate(database, clock, filePorts(), local("2026-10-29T12:00", zone), 60);
    const runs = await runsOf(p.practiceId);
    expect(runs.map((r) => r.localDate)).toEqual([
      "2026-10-23",
      "2026-10-24",
      "2026-10-25",
      "2026-10-26",
      "2026-10-27",
      "2026-10-28",
      "2026-10-29",
    ]);
  });

  it("a disabled automation's queued run is skipped at run time (guards are re-checked)", async () => {
    const zone = "America/Chicago";
    const clock = new ManualClock(local("2026-03-02T12:00", zone));
    const p = await createBillingPractice(database, zone, clock.now());
    await configure(database, p, clock.now(), (c) => {
      c.automations.invoice_creation.enabled = true;
    });
    clock.set(local("2026-03-02T23:30", zone));
    await tickClock(database, clock.now());
    await configure(database, p, clock.now(), (c) => {
      c.automations.invoice_creation.enabled = false;
    });
    await drainJobs({ database, clock, ports: filePorts() });
    const [run] = await runsOf(p.practiceId);
    expect(run).toMatchObject({ status: "skipped", note: "invoice_creation was disabled before the run" });
  });
});
