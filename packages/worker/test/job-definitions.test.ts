import {
  deliverFileJob,
  enqueue,
  invoiceOnKeptJob,
  runAutomationJob,
  shareDocumentsJob,
} from "@billcycle/app";
import { isDomainError, ManualClock } from "@billcycle/core";
import { enqueueJob, newId, tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { filePorts } from "@billcycle/testing/engine-harness";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobRegistry } from "../src/jobs/registry";
import { drainJobs } from "../src/worker";

describe("the job registry", () => {
  it("holds one definition per name, each with a version", () => {
    expect([...jobRegistry.keys()].sort()).toEqual([
      "deliver-file",
      "invoice-on-kept",
      "reconcile-delivery",
      "resolve-card-charges",
      "run-automation",
      "send-outreach",
      "share-documents",
      "store-missing-invoice-pdfs",
    ]);
    for (const job of jobRegistry.values()) expect(job.version).toBeGreaterThanOrEqual(1);
  });
});

describe.each(testBackends())("jobs as definitions (%s)", (backend) => {
  let database: TestDatabase;
  const clock = new ManualClock("2026-03-04T12:00:00Z");
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await database?.dispose();
  });
  const jobByKey = async (singletonKey: string) =>
    (await database.db.select().from(tables.jobs).where(eq(tables.jobs.singletonKey, singletonKey)))[0];

  it("enqueue writes the definition's name, version and parsed payload; refuses a payload its schema refuses", async () => {
    const fileId = newId();
    await enqueue(
      database.db,
      deliverFileJob,
      { fileId },
      { singletonKey: "good", runAt: clock.now() },
      clock.now(),
    );
    expect(await jobByKey("good")).toMatchObject({ queue: "deliver-file", version: 1, payload: { fileId } });

    const refused = await enqueue(
      database.db,
      invoiceOnKeptJob,
      { practiceId: "Jane Doe", appointmentId: newId() },
      { singletonKey: "bad", runAt: clock.now() },
      clock.now(),
    ).catch((e: unknown) => e);
    expect(isDomainError(refused) && refused.code).toBe("INVALID_JOB_PAYLOAD");
    expect((refused as Error).message).toMatch(/^job invoice-on-kept v1: practiceId: /);
    expect((refused as Error).message).not.toContain("Jane");
    expect(await jobByKey("bad")).toBeUndefined();

    // The payload type comes from the schema: a missing field does not compile.
    const typed = () =>
      // @ts-expect-error appointmentId is required
      enqueue(database.db, invoiceOnKeptJob, { practiceId: newId() }, { runAt: clock.now() }, clock.now());
    expect(typed).toBeTypeOf("function");
  });

  it("a claimed job that cannot run is failed at once with its reason, and the worker goes on to the next", async () => {
    const raw = (singletonKey: string, queue: string, version: number, payload: Record<string, unknown>) =>
      enqueueJob(database.db, { queue, version, payload, singletonKey, runAt: clock.now() }, clock.now());
    await raw("unparsable", shareDocumentsJob.name, 1, { practiceId: "Jane Doe" });
    await raw("newer", runAutomationJob.name, 2, { runId: newId() });
    await raw("unnamed", "no-such-job", 1, {});
    await raw("runnable", deliverFileJob.name, 1, { fileId: newId() });

    const ran = await drainJobs({ database, clock, ports: filePorts() });
    expect(ran).toBeGreaterThanOrEqual(4);

    const unparsable = await jobByKey("unparsable");
    expect(unparsable).toMatchObject({ status: "failed", attempts: 1 });
    expect(unparsable?.lastError).toMatch(/^cannot run: payload does not parse: practiceId: /);
    expect(unparsable?.lastError).not.toContain("Jane");
    expect(await jobByKey("newer")).toMatchObject({
      status: "failed",
      attempts: 1,
      lastError: "cannot run: run-automation version 2 is unknown here (this worker runs version 1)",
    });
    expect(await jobByKey("unnamed")).toMatchObject({
      status: "failed",
      lastError: "cannot run: no job definition named no-such-job",
    });
    // The good job behind them ran (a file that does not exist: nothing to deliver, done).
    expect(await jobByKey("runnable")).toMatchObject({ status: "done" });
  });
});
