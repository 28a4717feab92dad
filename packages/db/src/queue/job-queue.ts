import { createHash } from "node:crypto";
import { type JobStatus, jobTransitions, sourcesOf } from "@billcycle/core";
import { and, asc, eq, inArray, lte, or, sql } from "drizzle-orm";
import type { Executor } from "../database";
import { jobs } from "../schema/automation";

export type JobRow = typeof jobs.$inferSelect;

/**
 * This module is the one writer of `jobs.status` (core jobTransitions). Each move is asserted in SQL: a job is
 * updated only while its current status is one the table lets move to the target.
 */
const movableTo = (to: JobStatus) => inArray(jobs.status, sourcesOf(jobTransitions, to));
export const JOBS_CHANNEL = "billcycle_jobs";

/**
 * Job bookkeeping (claim, complete, fail) commits without waiting for the WAL flush: `synchronous_commit` is off
 * for the statement's own transaction only. Should the server crash right after, a claim or completion may be
 * lost and the job simply runs again, as after a worker crash; every effect of a job is keyed, and the effects
 * themselves commit durably in the handler's own transactions. Saves a disk flush per claim and per completion.
 */
const bookkeepingCommit = sql`(SELECT set_config('synchronous_commit', 'off', true)) IS NOT NULL`;

/** Runs a builder as a named prepared statement (named after its text): parsed and planned once per connection. */
const prepared = <R>(query: { toSQL(): { sql: string }; prepare(name: string): { execute(): Promise<R> } }) =>
  query
    .prepare(`bc_${createHash("sha1").update(query.toSQL().sql).digest("base64url").slice(0, 24)}`)
    .execute();

/**
 * Enqueues a job on the caller's transaction, so it exists exactly when the change that caused it commits.
 * With a singleton key a second enqueue of the same work is a no-op. Wakes idle workers with NOTIFY.
 */
export const enqueueJob = async (
  tx: Executor,
  job: {
    queue: string;
    /** The job definition's version (jobs are enqueued through app's `enqueue`, which passes it). */
    version?: number;
    payload: Record<string, unknown>;
    singletonKey?: string;
    runAt: Date;
    maxAttempts?: number;
  },
  now: Date,
): Promise<boolean> => {
  const rows = await tx
    .insert(jobs)
    .values({
      queue: job.queue,
      version: job.version ?? 1,
      payload: job.payload,
      singletonKey: job.singletonKey ?? null,
      runAt: job.runAt,
      maxAttempts: job.maxAttempts ?? 5,
      createdAt: now,
    })
    .onConflictDoNothing({ target: jobs.singletonKey })
    .returning({ id: jobs.id });
  if (rows.length > 0) await tx.execute(sql`SELECT pg_notify(${JOBS_CHANNEL}, ${job.queue})`);
  return rows.length > 0;
};

/**
 * Claims up to `limit` ready jobs for `workerId` with a lease. A running job whose lease ran out (its worker
 * died, e.g. kill -9) is ready again. SKIP LOCKED lets several workers claim concurrently without blocking.
 */
export const claimJobs = async (
  tx: Executor,
  workerId: string,
  limit: number,
  now: Date,
  leaseMs: number,
  queues?: readonly string[],
): Promise<JobRow[]> => {
  const ready = or(
    and(eq(jobs.status, "queued"), lte(jobs.runAt, now)),
    and(eq(jobs.status, "running"), lte(jobs.lockedUntil, now)),
  );
  const where = queues?.length ? and(ready, inArray(jobs.queue, [...queues])) : ready;
  // One statement, atomic on its own. Inside a caller's transaction, that transaction commits unflushed too.
  const candidates = tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(where)
    .orderBy(asc(jobs.runAt), asc(jobs.id))
    .limit(limit)
    .for("update", { skipLocked: true });
  return prepared(
    tx
      .update(jobs)
      .set({
        status: "running",
        lockedBy: workerId,
        lockedUntil: new Date(now.getTime() + leaseMs),
        attempts: sql`${jobs.attempts} + 1`,
      })
      .where(and(bookkeepingCommit, inArray(jobs.id, candidates), movableTo("running")))
      .returning(),
  );
};

export const completeJob = async (tx: Executor, id: number, workerId: string, now: Date): Promise<void> => {
  await prepared(
    tx
      .update(jobs)
      .set({ status: "done", finishedAt: now, lockedUntil: null })
      .where(and(bookkeepingCommit, eq(jobs.id, id), eq(jobs.lockedBy, workerId), movableTo("done"))),
  );
};

/**
 * Puts a claimed job back to wait until `runAt` without counting the attempt: the job found it could not start
 * yet (a run waiting for the run it depends on), which is not a failure and must not use up its retries.
 */
export const deferJob = async (tx: Executor, job: JobRow, workerId: string, runAt: Date): Promise<void> => {
  await prepared(
    tx
      .update(jobs)
      .set({ status: "queued", runAt, lockedUntil: null, attempts: sql`greatest(${jobs.attempts} - 1, 0)` })
      .where(and(bookkeepingCommit, eq(jobs.id, job.id), eq(jobs.lockedBy, workerId), movableTo("queued"))),
  );
};

/**
 * Ends every running job's lease now. Only for an embedded (PGlite) database at start: the data-directory lock
 * proves no other process holds a lease, so a job leased by a process that died is ready at once instead of
 * after its lease runs out.
 */
export const expireAllLeases = async (tx: Executor, now: Date): Promise<number> => {
  const rows = await tx
    .update(jobs)
    .set({ lockedUntil: now })
    .where(eq(jobs.status, "running"))
    .returning({ id: jobs.id });
  return rows.length;
};

/**
 * Exponential backoff: 2 s, 4 s, 8 s … capped at 10 minutes; after maxAttempts the job is failed for a person.
 * `final` fails it at once: a job no attempt can run (a payload that does not parse, an unknown version).
 * Returns whether the job is failed for good.
 */
export const failJob = async (
  tx: Executor,
  job: JobRow,
  workerId: string,
  error: string,
  now: Date,
  options: { final?: boolean } = {},
): Promise<boolean> => {
  const final = options.final === true || job.attempts >= job.maxAttempts;
  const to: JobStatus = final ? "failed" : "queued";
  const delay = Math.min(2 ** job.attempts * 1000, 10 * 60 * 1000);
  await tx
    .update(jobs)
    .set({
      status: to,
      lastError: error.slice(0, 500),
      runAt: final ? job.runAt : new Date(now.getTime() + delay),
      lockedUntil: null,
      finishedAt: final ? now : null,
    })
    .where(and(bookkeepingCommit, eq(jobs.id, job.id), eq(jobs.lockedBy, workerId), movableTo(to)));
  return final;
};
