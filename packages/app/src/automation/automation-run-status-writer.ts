import { type AutomationRunStatus, automationRunTransitions, sourcesOf } from "@billcycle/core";
import { type Executor, tables } from "@billcycle/db";
import { and, eq, inArray, sql } from "drizzle-orm";

/**
 * The one writer of `automation_runs.status`. Each move updates only a run whose current status the transition table
 * lets move (`status IN sourcesOf(table, to)`): two workers racing for one run cannot both start or finish it.
 */
const runs = tables.automationRuns;
const allowedFrom = (to: AutomationRunStatus) =>
  inArray(runs.status, sourcesOf(automationRunTransitions, to));

type NewRun = Omit<typeof runs.$inferInsert, "status">;

/** A scheduled occurrence, Queued; nothing when its (practice, automation, local date) already has a run. */
export const insertQueuedRun = (tx: Executor, run: NewRun) =>
  tx
    .insert(runs)
    .values({ ...run, status: "queued" })
    .onConflictDoNothing()
    .returning({ id: runs.id });

/** Running (a first attempt, or again after a crash or a failure); undefined when the run is finished. */
export const startRun = async (tx: Executor, runId: string, now: Date) => {
  const [run] = await tx
    .update(runs)
    .set({ status: "running", startedAt: now, attempts: sql`${runs.attempts} + 1` })
    .where(and(eq(runs.id, runId), allowedFrom("running")))
    .returning();
  return run;
};

/** Done or Skipped, with what the run did. */
export const finishRun = async (
  tx: Executor,
  runId: string,
  to: "done" | "skipped",
  result: { counts: Record<string, number>; note: string | null; finishedAt: Date; durationMs: number },
) => {
  await tx
    .update(runs)
    .set({ status: to, ...result })
    .where(and(eq(runs.id, runId), allowedFrom(to)));
};

/** Failed, with the error, once its job has used its last attempt. */
export const failRun = async (tx: Executor, runId: string, note: string) => {
  await tx
    .update(runs)
    .set({ status: "failed", note })
    .where(and(eq(runs.id, runId), allowedFrom("failed")));
};
