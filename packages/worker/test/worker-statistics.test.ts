import { systemClock } from "@billcycle/core";
import { openTestDatabase, type TestDatabase } from "@billcycle/testing";
import { filePorts } from "@billcycle/testing/engine-harness";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorker } from "../src/worker";

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
      analyzeMs: 40,
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
      analyzeMs: 500,
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
});
