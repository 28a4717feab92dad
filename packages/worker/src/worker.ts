import { hostname } from "node:os";
import { closePdfPool, type EnginePorts } from "@billcycle/app";
import type { Clock } from "@billcycle/core";
import {
  claimJobs,
  completeJob,
  type Database,
  deferJob,
  failJob,
  type JobRow,
  subscribeToJobs,
  tables,
} from "@billcycle/db";
import { and, eq } from "drizzle-orm";
import { tickOutreach } from "./clock/tick-outreach";
import { tickScheduler } from "./clock/tick-scheduler";
import type { PreparedJob } from "./jobs/define-job";
import { jobRegistry } from "./jobs/registry";

export type WorkerLog = {
  info(msg: string, fields?: Record<string, string | number | boolean | null | undefined>): void;
  error(msg: string, fields?: Record<string, string | number | boolean | null | undefined>): void;
};

export type WorkerDeps = {
  database: Database;
  clock: Clock;
  ports: EnginePorts;
  log?: WorkerLog;
  workerId?: string;
  /** A claimed job belongs to its worker this long, renewed while it runs; a dead worker's job is retried after. */
  leaseMs?: number;
};

const silent: WorkerLog = { info: () => undefined, error: () => undefined };

const errorSummary = (e: unknown): string => {
  const err = e as { name?: string; code?: string; message?: string };
  return [err.name, err.code, err.message].filter(Boolean).join(": ").slice(0, 500);
};

/** A claimed job checked against its definition: its name, its version, then its payload. */
const prepareClaimed = (job: JobRow): PreparedJob => {
  const definition = jobRegistry.get(job.queue);
  if (!definition) return { ok: false, reason: `no job definition named ${job.queue}` };
  if (definition.version !== job.version)
    return {
      ok: false,
      reason: `${job.queue} version ${job.version} is unknown here (this worker runs version ${definition.version})`,
    };
  return definition.prepare(job.payload);
};

/**
 * Claims and runs one ready job. Returns false when nothing was ready. A job that cannot run — unknown name or
 * version, a payload its schema refuses — is failed at once with the reason, never retried and never thrown.
 */
export const runOneJob = async (deps: WorkerDeps): Promise<boolean> => {
  const workerId = deps.workerId ?? `${hostname()}:${process.pid}`;
  const leaseMs = deps.leaseMs ?? 5 * 60 * 1000;
  const log = deps.log ?? silent;
  // One statement (UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)) is atomic on its own: no BEGIN/COMMIT.
  const [job] = await claimJobs(deps.database.db, workerId, 1, deps.clock.now(), leaseMs);
  if (!job) return false;
  const prepared = prepareClaimed(job);
  if (!prepared.ok) {
    log.error("job refused", { queue: job.queue, jobId: job.id, version: job.version });
    await failJob(deps.database.db, job, workerId, `cannot run: ${prepared.reason}`, deps.clock.now(), {
      final: true,
    });
    return true;
  }
  const ctx = { database: deps.database, ports: deps.ports, clock: deps.clock };
  // Keep the lease while the job runs, so a long run is not mistaken for a dead worker's.
  const heartbeat = setInterval(
    () => {
      void deps.database.db
        .update(tables.jobs)
        .set({ lockedUntil: new Date(deps.clock.now().getTime() + leaseMs) })
        .where(
          and(
            eq(tables.jobs.id, job.id),
            eq(tables.jobs.lockedBy, workerId),
            eq(tables.jobs.status, "running"),
          ),
        )
        .catch(() => undefined);
    },
    Math.max(250, Math.floor(leaseMs / 3)),
  );
  try {
    const result = await prepared.run(ctx);
    if (result?.retryAt) {
      await deferJob(deps.database.db, job, workerId, result.retryAt);
      log.info("job waiting", { queue: job.queue, jobId: job.id, until: result.retryAt.toISOString() });
    } else {
      await completeJob(deps.database.db, job.id, workerId, deps.clock.now());
      log.info("job done", { queue: job.queue, jobId: job.id, attempt: job.attempts });
    }
  } catch (e) {
    log.error("job failed", {
      queue: job.queue,
      jobId: job.id,
      attempt: job.attempts,
      error: (e as Error).name,
    });
    const final = await failJob(deps.database.db, job, workerId, errorSummary(e), deps.clock.now());
    if (final) await prepared.finallyFailed(ctx, errorSummary(e));
  } finally {
    clearInterval(heartbeat);
  }
  return true;
};

/** Runs ready jobs until none is left (tests and the CLI use this with a simulated clock). */
export const drainJobs = async (deps: WorkerDeps, max = 100_000): Promise<number> => {
  let n = 0;
  while (n < max && (await runOneJob(deps))) n++;
  return n;
};

export type RunningWorker = { stop(): Promise<void> };

/** PGlite only: the worker's upkeep of the embedded database (what PostgreSQL's background processes do). */
export type PgliteUpkeep = {
  /** How often it looks (default every 2 minutes; first a minute after start). */
  everyMs: number;
  firstMs: number;
  /** A table is analyzed again once its size moved this much since its last ANALYZE (default 0.2 = 20 %). */
  growth: number;
  /** A CHECKPOINT is taken once this much WAL was written since the last one (default 256 MiB). */
  checkpointWalBytes: number;
};

const upkeepDefaults: PgliteUpkeep = {
  everyMs: 2 * 60 * 1000,
  firstMs: 60 * 1000,
  growth: 0.2,
  checkpointWalBytes: 256 * 1024 * 1024,
};

/** Whether a table whose size went from `before` (unknown: never analyzed here) to `now` bytes needs ANALYZE. */
export const needsAnalyze = (before: number | undefined, now: number, growth: number): boolean =>
  before === undefined || Math.abs(now - before) > growth * Math.max(before, 8192);

/**
 * PGlite runs PostgreSQL in single-user mode: no autovacuum, so nothing refreshes the planner's statistics, and no
 * checkpointer, so the WAL grows without end (800 MB after a 100,000-session night) and a restart replays all of
 * it (31 s before the database opened). The worker does both on PGlite. PostgreSQL's own processes do this there.
 *
 * Statistics: every `everyMs`, each table whose size moved by `growth` since its last ANALYZE is analyzed, one table
 * at a time, pausing after each as long as it took (at most 250 ms): PGlite runs a statement on the event loop's
 * thread, and one ANALYZE of every table held it ~0.9 s at 100,000 sessions, every API request waiting. Tables that
 * grew during a night are analyzed during it (an hourly ANALYZE had planned a whole night's claims as 0 rows).
 *
 * Checkpoints: after the statistics, once `checkpointWalBytes` of WAL were written since the last checkpoint.
 */
const keepPgliteUp = (database: Database, log: WorkerLog, upkeep: PgliteUpkeep): (() => void) => {
  if (database.kind !== "pglite") return () => undefined;
  let stopped = false;
  let running = false;
  const analyzedAt = new Map<string, number>();
  const pause = (ms: number) =>
    new Promise((resolve) => setTimeout(resolve, Math.min(250, Math.max(1, Math.round(ms)))));
  const run = async () => {
    // A pass still going (on a short interval) is not started twice.
    if (running) return;
    running = true;
    const started = performance.now();
    let longest = 0;
    let analyzed = 0;
    try {
      const tables = await database.withSession((exec) =>
        exec(
          `SELECT quote_ident(c.relname) AS name, pg_relation_size(c.oid) AS bytes FROM pg_class c
             JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`,
        ),
      );
      for (const { name, bytes } of tables) {
        if (stopped) return;
        const table = String(name);
        const size = Number(bytes);
        if (!needsAnalyze(analyzedAt.get(table), size, upkeep.growth)) continue;
        const t = performance.now();
        await database.exec(`ANALYZE ${table}`);
        analyzedAt.set(table, size);
        analyzed++;
        const ms = performance.now() - t;
        longest = Math.max(longest, ms);
        await pause(ms);
      }
      if (analyzed) {
        log.info("statistics refreshed", {
          ms: Math.round(performance.now() - started),
          tables: analyzed,
          longestMs: Math.round(longest),
        });
      }
      if (stopped) return;
      const [wal] = await database.withSession((exec) =>
        exec(
          "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), redo_lsn)::bigint AS bytes FROM pg_control_checkpoint()",
        ),
      );
      if (Number(wal?.bytes ?? 0) >= upkeep.checkpointWalBytes) {
        const t = performance.now();
        await database.exec("CHECKPOINT");
        log.info("checkpoint taken", {
          walMiB: Math.round(Number(wal?.bytes) / 1048576),
          ms: Math.round(performance.now() - t),
        });
      }
    } catch (e) {
      log.error("database upkeep failed", { error: (e as Error).name });
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void run(), upkeep.firstMs);
  const every = setInterval(() => void run(), upkeep.everyMs);
  return () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(every);
  };
};

/**
 * The worker process loop: ticks the clock every `tickMs`, and runs jobs as they arrive (woken by NOTIFY,
 * polling every `pollMs` as a fallback). `concurrency` jobs run at once.
 */
export const startWorker = async (
  deps: WorkerDeps & {
    tickMs?: number;
    pollMs?: number;
    concurrency?: number;
    /** PGlite only: the database upkeep's settings (statistics and checkpoints; `keepPgliteUp`). */
    upkeep?: Partial<PgliteUpkeep>;
  },
): Promise<RunningWorker> => {
  const log = deps.log ?? silent;
  let stopping = false;
  // Every idle loop sleeps here; a NOTIFY wakes them all (SKIP LOCKED hands each a different job, or none).
  // A NOTIFY that arrives while a loop is looking (not yet asleep) is counted, so that loop looks again at once.
  const sleepers = new Set<() => void>();
  let notifications = 0;
  const wakeAll = () => {
    for (const wake of [...sleepers]) wake();
  };
  const onNotify = () => {
    notifications++;
    wakeAll();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(t);
        sleepers.delete(wake);
        resolve();
      };
      const t = setTimeout(wake, ms);
      sleepers.add(wake);
    });
  const unsubscribe = await subscribeToJobs(deps.database, onNotify);
  const tick = async () => {
    try {
      const { scheduled, chargeResolutions } = await tickScheduler(deps.database, deps.clock.now());
      await tickOutreach(deps.database, deps.clock.now());
      if (scheduled) log.info("clock scheduled runs", { scheduled });
      if (chargeResolutions) log.info("clock scheduled charge resolution", { practices: chargeResolutions });
    } catch (e) {
      log.error("clock tick failed", { error: (e as Error).name });
    }
  };
  await tick();
  const ticker = setInterval(() => void tick(), deps.tickMs ?? 30_000);
  const upkeep = { ...upkeepDefaults, ...deps.upkeep };
  const stopStatistics = keepPgliteUp(deps.database, log, {
    ...upkeep,
    firstMs: Math.min(upkeep.firstMs, upkeep.everyMs),
  });
  const loops = Array.from({ length: deps.concurrency ?? 1 }, async () => {
    while (!stopping) {
      let ran = false;
      const seen = notifications;
      try {
        ran = await runOneJob(deps);
      } catch (e) {
        log.error("worker loop error", { error: (e as Error).name });
      }
      if (!ran && !stopping && notifications === seen) await sleep(deps.pollMs ?? 1000);
      // On PGlite a job never waits for real I/O: let queued HTTP requests in before claiming the next one.
      else await new Promise((resolve) => setImmediate(resolve));
    }
  });
  return {
    stop: async () => {
      stopping = true;
      clearInterval(ticker);
      stopStatistics();
      wakeAll();
      await Promise.all(loops);
      await unsubscribe();
      // The PDF render threads go with the worker (idle ones would not hold the process, but a render might).
      await closePdfPool();
    },
  };
};
