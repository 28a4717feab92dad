import {
  type AutomationKind,
  type Clock,
  decideRunDependency,
  isFirstOfMonth,
  isSuperbillDay,
  type PrerequisiteState,
  prerequisiteOf,
} from "@billcycle/core";
import { type Database, type Executor, rowsOf, tables } from "@billcycle/db";
import { and, eq, inArray, sql } from "drizzle-orm";
import { type AutopayPort, runAutopay } from "../autopay/run-autopay";
import { createInvoices } from "../billing/create-invoices";
import { processInvoices } from "../billing/process-invoices";
import type { ClaimsPipelinePort } from "../claims/claims-pipeline-port";
import { createSuperbills } from "../documents/create-superbills";
import type { OutreachPorts } from "../outreach/outreach-ports";
import type { SharingPorts } from "../sharing/sharing-ports";
import { finishRun, startRun } from "./automation-run-status-writer";
import { getAutomationConfig } from "./get-automation-config";

/** `sharing` is absent where documents are not shared (no mail configured): due shares then wait. */
export type EnginePorts = {
  claims: ClaimsPipelinePort;
  autopay?: AutopayPort;
  sharing?: SharingPorts;
  /** Patient outreach: mail, SMS and pay links (absent: outreach waits for a worker that has them). */
  outreach?: OutreachPorts;
};

export type RunAutomationResult =
  | { status: "done" | "skipped" | "already_done"; counts: Record<string, number> }
  /** A prerequisite run is not finished: nothing was done; run again at `retryAt` (not a failed attempt). */
  | { status: "waiting"; retryAt: Date; counts: Record<string, number> };

/**
 * Runs one automation occurrence. The clock is read when the run starts (the time its work is done as of)
 * and again when it finishes, so a run records how long it took in wall time as well as in `durationMs`. Guards are re-checked here, not trusted from when the job was queued: a run
 * already done is not repeated, and an automation switched off since is skipped. A re-run after a crash is safe
 * because every effect is keyed (appointment_invoices, one original claim per invoice, outcomes per run).
 *
 * A scheduled step whose prerequisite (processing → creation, submission → processing) has a run it depends on
 * still queued or running (e.g. leased to a worker killed mid-run) does nothing and answers `waiting`: taking
 * only what exists so far would leave the rest until the next night (decideRunDependency). Creation and
 * processing counts are read from the run's outcomes, one per item across every attempt, so a run retried after
 * a crash reports everything it did, not its last attempt's share.
 */
export const runAutomation = async (
  database: Database,
  runId: string,
  ports: EnginePorts,
  clock: Clock,
  options: { batchSize?: number } = {},
): Promise<RunAutomationResult> => {
  const now = clock.now();
  const waiting = await waitForPrerequisite(database.db, runId, now);
  if (waiting) return { status: "waiting", retryAt: waiting, counts: {} };
  const run = await startRun(database.db, runId, now);
  if (!run) return { status: "already_done", counts: {} };
  const kind = run.automation as AutomationKind;
  const { config } = await getAutomationConfig(database.db, run.practiceId);
  const finish = async (status: "done" | "skipped", counts: Record<string, number>, note: string | null) => {
    await finishRun(database.db, runId, status, {
      counts,
      note,
      finishedAt: clock.now(),
      durationMs: Math.max(0, Math.round(performance.now() - t0)),
    });
    return { status, counts };
  };
  const t0 = performance.now();
  // A manual run is a person's explicit "now" and runs whether or not the nightly automation is on.
  if (run.trigger === "schedule" && !config.automations[kind].enabled) {
    return finish("skipped", {}, `${kind} was disabled before the run`);
  }
  if (
    run.trigger === "schedule" &&
    kind === "invoice_creation" &&
    config.invoiceCreationMode === "monthly" &&
    !isFirstOfMonth(run.localDate)
  ) {
    return finish("skipped", {}, "monthly invoice creation runs on the 1st");
  }
  if (kind === "superbills") {
    const day = await superbillDayOf(database.db, run.practiceId);
    if (!isSuperbillDay(run.localDate, day)) {
      return finish(
        "skipped",
        {},
        `superbills are created on day ${day} of the month (the last day when shorter)`,
      );
    }
  }
  const input = {
    practiceId: run.practiceId,
    runId,
    trigger: run.trigger,
    today: run.localDate,
    batchSize: options.batchSize,
  } as const;
  let counts: Record<string, number>;
  switch (kind) {
    case "invoice_creation": {
      await createInvoices(database, input, now);
      const { considered, done, skipped, invoices } = await countsFromOutcomes(database.db, runId);
      counts = { considered, invoiced: done, skipped, invoices };
      break;
    }
    case "invoice_processing": {
      await processInvoices(database, input, now);
      const { considered, done, skipped } = await countsFromOutcomes(database.db, runId);
      counts = { considered, claimed: done, skipped };
      break;
    }
    case "claims_submission":
      counts = await ports.claims.submitClaims(database, input, now);
      break;
    case "era_processing":
      counts = await ports.claims.processRemittances(database, input, now);
      break;
    case "autopay":
      counts = await runAutopay(
        database,
        { ...input, concurrency: ports.autopay?.concurrency },
        now,
        ports.autopay,
      );
      break;
    case "superbills": {
      await createSuperbills(database, { ...input, trigger: run.trigger }, now);
      const { considered, done, skipped } = await countsFromOutcomes(database.db, runId);
      counts = { considered, created: done, skipped };
      break;
    }
  }
  return finish("done", counts, null);
};

/**
 * Checks a scheduled run's prerequisite (decideRunDependency). When it must wait, notes on the run what it waits
 * for and returns when to look again; otherwise null. Manual runs are a person's explicit "now" and never wait.
 */
const waitForPrerequisite = async (tx: Executor, runId: string, now: Date): Promise<Date | null> => {
  const [run] = await tx.select().from(tables.automationRuns).where(eq(tables.automationRuns.id, runId));
  if (run?.trigger !== "schedule" || !["queued", "running", "failed"].includes(run.status)) return null;
  const kind = run.automation as AutomationKind;
  const before = prerequisiteOf[kind];
  if (!before) return null;
  const { config } = await getAutomationConfig(tx, run.practiceId);
  const [clock] = await tx
    .select({ checkedThrough: tables.automationClock.checkedThrough })
    .from(tables.automationClock)
    .where(
      and(
        eq(tables.automationClock.practiceId, run.practiceId),
        eq(tables.automationClock.automation, before),
      ),
    );
  const unfinished = await tx
    .select({
      localDate: tables.automationRuns.localDate,
      status: tables.automationRuns.status,
      scheduledAt: tables.automationRuns.scheduledAt,
    })
    .from(tables.automationRuns)
    .where(
      and(
        eq(tables.automationRuns.practiceId, run.practiceId),
        eq(tables.automationRuns.automation, before),
        eq(tables.automationRuns.trigger, "schedule"),
        inArray(tables.automationRuns.status, ["queued", "running"]),
      ),
    );
  const prerequisite: PrerequisiteState = {
    automation: before,
    enabled: config.automations[before].enabled,
    checkedThrough: clock?.checkedThrough ?? null,
    unfinished: unfinished as PrerequisiteState["unfinished"],
  };
  const decision = decideRunDependency({
    automation: kind,
    cadence: config.cadence,
    localDate: run.localDate,
    scheduledAt: run.scheduledAt,
    now,
    prerequisite,
  });
  if (decision.action === "run") return null;
  const which = decision.localDate
    ? `the ${decision.localDate} run of ${before}`
    : `${before} to be scheduled`;
  await tx
    .update(tables.automationRuns)
    .set({ note: `waiting for ${which}` })
    .where(eq(tables.automationRuns.id, runId));
  return decision.retryAt;
};

/** The practice's superbill day of the month (1–31; default 1). */
export const superbillDayOf = async (tx: Executor, practiceId: string): Promise<number> => {
  const [row] = await tx
    .select({ settings: tables.practices.billingSettings })
    .from(tables.practices)
    .where(eq(tables.practices.id, practiceId));
  return row?.settings.superbillDayOfMonth ?? 1;
};

/** What a run did, one row per item across all its attempts (outcomes are unique per run and item). */
const countsFromOutcomes = async (
  tx: Executor,
  runId: string,
): Promise<{ considered: number; done: number; skipped: number; invoices: number }> => {
  const [row] = rowsOf<{ considered: number; done: number; skipped: number; invoices: number }>(
    await tx.execute(sql`SELECT count(*)::int AS considered,
        (count(*) FILTER (WHERE outcome = 'done'))::int AS done,
        (count(*) FILTER (WHERE outcome <> 'done'))::int AS skipped,
        (count(DISTINCT related_id) FILTER (WHERE outcome = 'done'))::int AS invoices
      FROM automation_outcomes WHERE run_id = ${runId}::uuid`),
  );
  return row ?? { considered: 0, done: 0, skipped: 0, invoices: 0 };
};
