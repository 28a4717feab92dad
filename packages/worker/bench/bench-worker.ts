/**
 * One worker process of the automation benchmark (spawned by automation.ts with `node --import tsx`).
 * It opens BENCH_DATABASE_URL and, on the parent's messages, drains the job queue at a simulated instant
 * (`drain`: the nightly runs) or runs the real worker loop with the system clock (`serve`: LISTEN/NOTIFY, on Kept).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultTransportResolver, x12ClaimsPipeline } from "@billcycle/app";
import { ManualClock, systemClock } from "@billcycle/core";
import { openDatabase } from "@billcycle/db";
import { sql } from "drizzle-orm";
import { drainJobs, type RunningWorker, startWorker } from "../src/worker";

export type ToWorker =
  | { type: "drain"; now: string }
  | { type: "serve" }
  | { type: "stop" }
  | { type: "exit" };
export type FromWorker =
  | { type: "ready" }
  | { type: "drained"; jobs: number; ms: number; cpuMs: number }
  | { type: "serving" }
  | { type: "stopped" }
  | { type: "error"; message: string };

const url = process.env.BENCH_DATABASE_URL;
if (!url || !process.send) throw new Error("bench-worker is started by automation.ts");
const send = (m: FromWorker) => process.send?.(m);
const database = await openDatabase({
  kind: "postgres",
  url,
  poolSize: Number(process.env.BENCH_POOL_SIZE ?? 10),
});
const ports = {
  claims: x12ClaimsPipeline({
    transportFor: defaultTransportResolver({
      dropRoot: mkdtempSync(join(tmpdir(), "billcycle-bench-drop-")),
    }),
  }),
};
const workerId = `bench-worker-${process.env.BENCH_WORKER_INDEX ?? process.pid}`;
let running: RunningWorker | null = null;

process.on("message", (m: ToWorker) => {
  void (async () => {
    try {
      switch (m.type) {
        case "drain": {
          const t0 = performance.now();
          const cpu0 = process.cpuUsage();
          const jobs = await drainJobs({ database, clock: new ManualClock(m.now), ports, workerId });
          const cpu = process.cpuUsage(cpu0);
          send({ type: "drained", jobs, ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 });
          break;
        }
        case "serve":
          running = await startWorker({ database, clock: systemClock, ports, workerId, pollMs: 1000 });
          send({ type: "serving" });
          break;
        case "stop":
          await running?.stop();
          running = null;
          send({ type: "stopped" });
          break;
        case "exit":
          await running?.stop();
          await database.close();
          process.exit(0);
      }
    } catch (e) {
      send({ type: "error", message: String((e as Error).stack ?? e) });
    }
  })();
});

// Warm up the pool and the module graph, so process start-up is not counted in the measured phases.
await database.db.execute(sql`SELECT 1`);
send({ type: "ready" });
