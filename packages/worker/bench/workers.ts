import { type ChildProcess, fork } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultTransportResolver, x12ClaimsPipeline } from "@billcycle/app";
import { ManualClock, systemClock } from "@billcycle/core";
import type { Database } from "@billcycle/db";
import { drainJobs, type RunningWorker, startWorker } from "../src/worker";
import type { FromWorker, ToWorker } from "./bench-worker";

/** The worker side of a scenario: W child processes on PostgreSQL, or the bench process itself on PGlite. */
export type BenchWorkers = {
  count: number;
  description: string;
  /**
   * Every worker drains the queue at the simulated instant `now`; resolves when the last one is idle, with the
   * CPU the worker processes used (0 for the in-process worker: the bench process's own CPU covers it).
   */
  drain(now: Date): Promise<{ workerCpuMs: number }>;
  /** Every worker runs the real loop (system clock, LISTEN/NOTIFY wake-ups, 1 s polling fallback). */
  serve(): Promise<void>;
  stop(): Promise<void>;
  close(): Promise<void>;
};

const workerScript = fileURLToPath(new URL("./bench-worker.ts", import.meta.url));

const nextMessage = <T extends FromWorker["type"]>(
  child: ChildProcess,
  type: T,
): Promise<Extract<FromWorker, { type: T }>> =>
  new Promise((resolve, reject) => {
    const onMessage = (m: FromWorker) => {
      if (m.type === "error") {
        cleanup();
        reject(new Error(`bench worker ${child.pid}: ${m.message}`));
      } else if (m.type === type) {
        cleanup();
        resolve(m as Extract<FromWorker, { type: T }>);
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`bench worker ${child.pid} exited (${code}) while waiting for ${type}`));
    };
    const cleanup = () => {
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
  });

/** W worker processes (`node --import tsx bench-worker.ts`) on one PostgreSQL database, started before timing. */
export const startProcessWorkers = async (url: string, count: number): Promise<BenchWorkers> => {
  const children = Array.from({ length: count }, (_, i) =>
    fork(workerScript, [], {
      // The young generation `npm run billcycle -- worker` runs with (package.json; docs/ARCHITECTURE.md).
      execArgv: [
        "--max-semi-space-size=64",
        "--import",
        "tsx",
        ...(process.env.BENCH_WORKER_NODE_ARGS?.split(" ").filter(Boolean) ?? []),
      ],
      env: { ...process.env, BENCH_DATABASE_URL: url, BENCH_WORKER_INDEX: String(i + 1) },
      stdio: ["ignore", "inherit", "pipe", "ipc"],
    }),
  );
  children.forEach((c, i) => {
    c.stderr?.on("data", (d: Buffer) => {
      for (const line of d.toString().split("\n").filter(Boolean))
        process.stderr.write(`[worker ${i + 1}] ${line}\n`);
    });
  });
  await Promise.all(children.map((c) => nextMessage(c, "ready")));
  const all = async <T extends FromWorker["type"]>(m: ToWorker, reply: T) => {
    const replies = children.map((c) => nextMessage(c, reply));
    for (const c of children) c.send(m);
    return Promise.all(replies);
  };
  return {
    count,
    description: `${count} worker process${count === 1 ? "" : "es"}`,
    drain: async (now) => {
      const replies = await all({ type: "drain", now: now.toISOString() }, "drained");
      return { workerCpuMs: replies.reduce((a, r) => a + r.cpuMs, 0) };
    },
    serve: async () => {
      await all({ type: "serve" }, "serving");
    },
    stop: async () => {
      await all({ type: "stop" }, "stopped");
    },
    close: async () => {
      await Promise.all(
        children.map(
          (c) =>
            new Promise<void>((resolve) => {
              if (c.exitCode !== null || c.signalCode !== null) return resolve();
              const timer = setTimeout(() => c.kill("SIGKILL"), 10_000);
              c.once("exit", () => {
                clearTimeout(timer);
                resolve();
              });
              c.send({ type: "exit" } satisfies ToWorker);
            }),
        ),
      );
    },
  };
};

/** PGlite is one session in one process (its data directory lock forbids a second): one in-process worker. */
export const inProcessWorker = (database: Database): BenchWorkers => {
  const ports = {
    claims: x12ClaimsPipeline({
      transportFor: defaultTransportResolver({
        dropRoot: mkdtempSync(join(tmpdir(), "billcycle-bench-drop-")),
      }),
    }),
  };
  let running: RunningWorker | null = null;
  return {
    count: 1,
    description: "1 in-process worker (PGlite is single-session; a second process cannot open it)",
    drain: async (now) => {
      await drainJobs({ database, clock: new ManualClock(now), ports, workerId: "bench-in-process" });
      return { workerCpuMs: 0 };
    },
    serve: async () => {
      running = await startWorker({
        database,
        clock: systemClock,
        ports,
        workerId: "bench-in-process",
        pollMs: 1000,
      });
    },
    stop: async () => {
      await running?.stop();
      running = null;
    },
    close: async () => {
      await running?.stop();
    },
  };
};
