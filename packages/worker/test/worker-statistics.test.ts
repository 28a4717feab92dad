import { systemClock } from "@billcycle/core";
import { openTestDatabase, type TestDatabase } from "@billcycle/testing";
import { filePorts } from "@billcycle/testing/engine-harness";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { needsAnalyze, startWorker } from "../src/worker";

const reltuples = (database: TestDatabase): Promise<number> =>
  database.withSession(async (exec) => {
    const rows = await exec("SELECT reltuples AS n FROM pg_class WHERE relname = 'stats_probe'");
    return Number(rows[0]?.n);
  });

// PGlite has no autovacuum: the worker keeps the planner's statistics fresh itself.
describe("worker on PGlite: planner statistics", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase("pglite");
    await database.exec(
      "CREATE TABLE stats_probe (n integer); INSERT INTO stats_probe SELECT generate_series(1, 500);",
    );
  });
  afterAll(async () => database?.dispose());

  it("runs ANALYZE soon after it starts and then on its interval", async () => {
    // Never analyzed: PostgreSQL 14+ says so with -1.
    expect(await reltuples(database)).toBe(-1);
    const logged: string[] = [];
    const worker = await startWorker({
      database,
      clock: systemClock,
      ports: filePorts(),
      upkeep: { everyMs: 40 },
      pollMs: 20,
      log: { info: (msg) => logged.push(msg), error: (msg) => logged.push(msg) },
    });
    try {
      await expect.poll(() => reltuples(database), { timeout: 5000, interval: 20 }).toBe(500);
      // And again on the interval: new rows are counted without a restart.
      await database.exec("INSERT INTO stats_probe SELECT generate_series(1, 300)");
      await expect.poll(() => reltuples(database), { timeout: 5000, interval: 20 }).toBe(800);
      expect(logged).toContain("statistics refreshed");
    } finally {
      await worker.stop();
    }
  });

  it("analyzes one table at a time, giving the thread back between tables", async () => {
    // PGlite runs a statement on this thread: a timer can fire only between two statements.
    const ticks: number[] = [];
    const ticker = setInterval(() => ticks.push(performance.timeOrigin + performance.now()), 1);
    const logged: string[] = [];
    const worker = await startWorker({
      database,
      clock: systemClock,
      ports: filePorts(),
      upkeep: { everyMs: 500 },
      pollMs: 20,
      log: { info: (msg) => logged.push(msg), error: (msg) => logged.push(msg) },
    });
    try {
      await expect.poll(() => logged.includes("statistics refreshed"), { timeout: 10_000 }).toBe(true);
    } finally {
      await worker.stop();
      clearInterval(ticker);
    }
    const analyzed = await database.withSession((exec) =>
      exec(
        "SELECT extract(epoch FROM last_analyze) * 1000 AS at FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL",
      ),
    );
    const at = analyzed.map((r) => Number(r.at)).sort((x, y) => x - y);
    expect(at.length).toBeGreaterThan(20);
    // The API (here a timer) got the thread between the first table analyzed and the last.
    expect(ticks.some((t) => t > at[0]! && t < at.at(-1)!)).toBe(true);
  });

  it("analyzes again only the tables whose size moved, and takes a checkpoint once enough WAL was written", async () => {
    const redo = async () =>
      String(
        (await database.withSession((exec) => exec("SELECT redo_lsn AS l FROM pg_control_checkpoint()")))[0]
          ?.l,
      );
    // In microseconds as text: a Date printed to the second would make two passes in one second look like one.
    const lastAnalyze = async (table: string) =>
      String(
        (
          await database.withSession((exec) =>
            exec(
              `SELECT (extract(epoch FROM last_analyze) * 1000000)::bigint::text AS at FROM pg_stat_user_tables WHERE relname = '${table}'`,
            ),
          )
        )[0]?.at,
      );
    const redoBefore = await redo();
    const logged: string[] = [];
    const worker = await startWorker({
      database,
      clock: systemClock,
      ports: filePorts(),
      upkeep: { everyMs: 60, checkpointWalBytes: 1 },
      pollMs: 20,
      log: { info: (msg) => logged.push(msg), error: (msg) => logged.push(msg) },
    });
    try {
      await expect.poll(() => logged.includes("checkpoint taken"), { timeout: 10_000 }).toBe(true);
      expect(await redo()).not.toBe(redoBefore);
      const probeAt = await lastAnalyze("stats_probe");
      const invoicesAt = await lastAnalyze("invoices");
      // A table that grew is analyzed again on a later pass; one that did not keep its statistics.
      await database.exec("INSERT INTO stats_probe SELECT generate_series(1, 5000)");
      await expect
        .poll(() => lastAnalyze("stats_probe"), { timeout: 10_000, interval: 20 })
        .not.toBe(probeAt);
      expect(await lastAnalyze("invoices")).toBe(invoicesAt);
    } finally {
      await worker.stop();
    }
    expect(logged).not.toContain("database upkeep failed");
  });

  it("decides ANALYZE by growth since the last one", () => {
    expect(needsAnalyze(undefined, 0, 0.2)).toBe(true);
    expect(needsAnalyze(100_000, 110_000, 0.2)).toBe(false);
    expect(needsAnalyze(100_000, 130_000, 0.2)).toBe(true);
    expect(needsAnalyze(100_000, 70_000, 0.2)).toBe(true);
    // An empty table that gains a page or two is analyzed again: it was planned as empty.
    expect(needsAnalyze(0, 16_384, 0.2)).toBe(true);
    expect(needsAnalyze(0, 0, 0.2)).toBe(false);
  });
});
