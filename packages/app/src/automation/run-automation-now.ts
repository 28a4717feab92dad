import { type AutomationKind, DomainError, type LocalDate } from "@billcycle/core";
import { type Database, type Executor, newId, tables } from "@billcycle/db";
import { and, eq, gt, or } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import { enqueue } from "../jobs/job-contract";
import { runAutomationJob } from "../jobs/run-automation-job";
import type { TenantActor } from "../resources/crud";
import { insertQueuedRun } from "./automation-run-status-writer";
import type { RunRow } from "./list-automation-runs";
import { practiceToday } from "./practice-today";

/** The steps a biller may run now ("Bill now"); submission has Submit now with its dry run. */
const STALE_RUN_MS = 60 * 60_000;

export const runNowKinds = [
  "invoice_creation",
  "invoice_processing",
] as const satisfies readonly AutomationKind[];
export type RunNowKind = (typeof runNowKinds)[number];

/**
 * "Bill now": the same run as the night's, for today's practice-local date, recorded in Automation runs with the
 * manual trigger and queued for the worker at once. It runs whether or not the automation is enabled (a person
 * asked for it). A second request while one of the same kind is still queued or running is refused, not doubled.
 */
export const runAutomationNow = async (
  database: Database,
  { actor, automation, now }: { actor: TenantActor; automation: RunNowKind; now: Date },
): Promise<RunRow> => {
  const { today } = await practiceToday(database.db, actor.practiceId, now);
  return database.db.transaction(async (tx) => {
    const run = await insertManualRun(tx, { actor, automation, today, now });
    await enqueue(
      tx,
      runAutomationJob,
      { runId: run.id },
      { singletonKey: `run:${run.id}`, runAt: now },
      now,
    );
    return run;
  });
};

/**
 * Records a person's "run it now" as a queued manual run for today, refusing while a run of the same automation
 * is queued or running (RUN_IN_PROGRESS). The practice row is locked so two such requests cannot both pass.
 */
export const insertManualRun = async (
  tx: Executor,
  {
    actor,
    automation,
    today,
    now,
  }: { actor: TenantActor; automation: AutomationKind; today: LocalDate; now: Date },
): Promise<RunRow> => {
  await tx
    .select({ id: tables.practices.id })
    .from(tables.practices)
    .where(eq(tables.practices.id, actor.practiceId))
    .for("update");
  const [busy] = await tx
    .select({ id: tables.automationRuns.id })
    .from(tables.automationRuns)
    .where(
      and(
        eq(tables.automationRuns.practiceId, actor.practiceId),
        eq(tables.automationRuns.automation, automation),
        or(
          eq(tables.automationRuns.status, "queued"),
          // A run still "running" an hour after it started died with its process (a Submit now runs inline):
          // it does not block a new one.
          and(
            eq(tables.automationRuns.status, "running"),
            gt(tables.automationRuns.startedAt, new Date(now.getTime() - STALE_RUN_MS)),
          ),
        ),
      ),
    )
    .limit(1);
  if (busy) {
    throw new DomainError("RUN_IN_PROGRESS", "A run of this automation is already queued or running", {
      runId: busy.id,
    });
  }
  const id = newId(now.getTime());
  await insertQueuedRun(tx, {
    id,
    practiceId: actor.practiceId,
    automation,
    trigger: "manual",
    localDate: today,
    scheduledAt: now,
    createdAt: now,
  });
  const [run] = await tx.select().from(tables.automationRuns).where(eq(tables.automationRuns.id, id));
  await recordAudit(tx, actor, "create", "automation_run", id, now, { automation, trigger: "manual" });
  return run!;
};
