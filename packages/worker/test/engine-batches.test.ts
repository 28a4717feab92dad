import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  adaptiveBatchSizer,
  createInvoices,
  defaultTransportResolver,
  processInvoices,
  submitClaims,
} from "@billcycle/app";
import { ManualClock } from "@billcycle/core";
import { type Database, rowsOf } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { configure, createBillingPractice, createClient } from "@billcycle/testing/billing-fixture";
import { bulkKeptAppointments } from "@billcycle/testing/bulk-appointments";
import { local } from "@billcycle/testing/engine-harness";
import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ZONE = "America/Chicago";

/** How many rows each transaction wrote (rows written by one transaction share its xmin), largest first. */
const rowsPerTransaction = async (database: Database, table: SQL, practiceId: string): Promise<number[]> =>
  rowsOf<{ n: number }>(
    await database.db.execute(sql`SELECT count(*)::int AS n FROM ${table}
      WHERE practice_id = ${practiceId}::uuid GROUP BY xmin::text ORDER BY n DESC`),
  ).map((r) => r.n);

/**
 * On PGlite every API query waits for the nightly batch transaction in progress, so the run's transactions are
 * kept short there (issue 15 item 7): 50 sessions at most, down to 25 when a batch's transaction takes longer
 * than ~120 ms. PostgreSQL serves the API on other connections and writes 1,000 at a time.
 */
describe.each(testBackends())("nightly batch size (%s)", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it("a night's creation and processing write each batch in its own transaction", async () => {
    const clock = new ManualClock(local("2026-03-02T23:00", ZONE));
    const p = await createBillingPractice(database, ZONE, clock.now());
    await configure(database, p, clock.now(), (c) => {
      c.automations.invoice_creation.enabled = true;
    });
    const clients = await Promise.all([1, 2, 3].map(() => createClient(database, p, clock.now())));
    await bulkKeptAppointments(database, p, clients, 120, "2026-03-02", clock.now());
    const input = {
      practiceId: p.practiceId,
      trigger: "schedule",
      runId: null,
      today: "2026-03-02",
    } as const;

    const created = await createInvoices(database, input, clock.now());
    // Staggered cadence (the default): the invoices are processed the next night.
    const processed = await processInvoices(database, { ...input, today: "2026-03-03" }, clock.now());

    expect(created).toMatchObject({ considered: 120, invoiced: 120, invoices: 120 });
    expect(processed).toMatchObject({ considered: 120, claimed: 120 });
    // On PGlite the size follows each transaction's time, so a loaded machine may cut a batch below 50.
    for (const table of [sql`invoices`, sql`claims`]) {
      const sizes = await rowsPerTransaction(database, table, p.practiceId);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(120);
      if (backend === "pglite") expect(Math.max(...sizes)).toBeLessThanOrEqual(50);
      else expect(sizes).toEqual([120]);
    }

    // Claims Submission scrubs them in batches of the same size (one scrub row per claim).
    const dropRoot = mkdtempSync(join(tmpdir(), "drop-"));
    const submitted = await submitClaims(database, { ...input, today: "2026-03-04" }, clock.now(), {
      transportFor: defaultTransportResolver({ dropRoot }),
    });
    expect(submitted).toMatchObject({ considered: 120 });
    // Claims Submission's scrub batch is fixed (50 on PGlite).
    const expected = backend === "pglite" ? [50, 50, 20] : [120];
    expect(await rowsPerTransaction(database, sql`claim_scrubs`, p.practiceId)).toEqual(expected);
  });

  it("a run whose batches take longer than the target writes smaller ones, each session once", async () => {
    const clock = new ManualClock(local("2026-03-02T23:00", ZONE));
    const p = await createBillingPractice(database, ZONE, clock.now());
    await configure(database, p, clock.now(), (c) => {
      c.automations.invoice_creation.enabled = true;
    });
    const clients = await Promise.all([1, 2, 3].map(() => createClient(database, p, clock.now())));
    await bulkKeptAppointments(database, p, clients, 120, "2026-03-02", clock.now());
    const input = {
      practiceId: p.practiceId,
      trigger: "schedule",
      runId: null,
      today: "2026-03-02",
    } as const;

    // A target no batch meets: from 50 to the smallest (the second batch was already loaded at 50).
    const created = await createInvoices(
      database,
      { ...input, batchSize: adaptiveBatchSizer(50, 50, 0.001, 10) },
      clock.now(),
    );
    // A target every batch meets: from 10 back up by a quarter each time (10, 10, 13, 17, 22, 28, then the 20 left).
    const processed = await processInvoices(
      database,
      { ...input, today: "2026-03-03", batchSize: adaptiveBatchSizer(10, 50, Number.POSITIVE_INFINITY, 10) },
      clock.now(),
    );

    expect(created).toMatchObject({ considered: 120, invoiced: 120, invoices: 120 });
    expect(processed).toMatchObject({ considered: 120, claimed: 120 });
    // Invoice lines keep their creation's transaction; invoices and claims were last written by processing.
    expect(await rowsPerTransaction(database, sql`invoice_lines`, p.practiceId)).toEqual([50, 50, 10, 10]);
    const processing = [28, 22, 20, 17, 13, 10, 10];
    expect(await rowsPerTransaction(database, sql`invoices`, p.practiceId)).toEqual(processing);
    expect(await rowsPerTransaction(database, sql`claims`, p.practiceId)).toEqual(processing);
    const [{ claims, invoices }] = rowsOf<{ claims: number; invoices: number }>(
      await database.db.execute(sql`SELECT
        (SELECT count(DISTINCT invoice_id)::int FROM claims WHERE practice_id = ${p.practiceId}::uuid) AS claims,
        (SELECT count(*)::int FROM invoices WHERE practice_id = ${p.practiceId}::uuid AND status = 'processed')
          AS invoices`),
    ) as [{ claims: number; invoices: number }];
    expect({ claims, invoices }).toEqual({ claims: 120, invoices: 120 });
  });
});
