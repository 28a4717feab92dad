import { type AutomationKind, type Clock, isFirstOfMonth } from "@billcycle/core";
import { type Database, tables } from "@billcycle/db";
import { and, eq, inArray, sql } from "drizzle-orm";
import { createInvoices } from "../billing/create-invoices";
import { processInvoices } from "../billing/process-invoices";
import type { ClaimsPipelinePort } from "../claims/claims-pipeline-port";
import { getAutomationConfig } from "./get-automation-config";

export type EnginePorts = { claims: ClaimsPipelinePort };

/**
 * Runs one automation occurrence. The clock is read when the run starts (the time its work is done as of)
 * and again when it finishes, so a run records how long it took in wall time as well as in `durationMs`. Guards are re-checked here, not trusted from when the job was queued: a run
 * already done is not repeated, and an automation switched off since is skipped. A re-run after a crash is safe
 * because every effect is keyed (appointment_invoices, one original claim per invoice, outcomes per run).
 */
export const runAutomation = async (
  database: Database,
  runId: string,
  ports: EnginePorts,
  clock: Clock,
  options: { batchSize?: number } = {},
): Promise<{ status: "done" | "skipped" | "already_done"; counts: Record<string, number> }> => {
  const now = clock.now();
  const started = await database.db
    .update(tables.automationRuns)
    .set({ status: "running", startedAt: now, attempts: sql`${tables.automationRuns.attempts} + 1` })
    .where(
      and(
        eq(tables.automationRuns.id, runId),
        inArray(tables.automationRuns.status, ["queued", "running", "failed"]),
      ),
    )
    .returning();
  const run = started[0];
  if (!run) return { status: "already_done", counts: {} };
  const kind = run.automation as AutomationKind;
  const { config } = await getAutomationConfig(database.db, run.practiceId);
  const finish = async (status: "done" | "skipped", counts: Record<string, number>, note: string | null) => {
    await database.db
      .update(tables.automationRuns)
      .set({
        status,
        counts,
        note,
        finishedAt: clock.now(),
        durationMs: Math.max(0, Math.round(performance.now() - t0)),
      })
      .where(eq(tables.automationRuns.id, runId));
    return { status, counts };
  };
  const t0 = performance.now();
  if (!config.automations[kind].enabled) return finish("skipped", {}, `${kind} was disabled before the run`);
  if (
    kind === "invoice_creation" &&
    config.invoiceCreationMode === "monthly" &&
    !isFirstOfMonth(run.localDate)
  ) {
    return finish("skipped", {}, "monthly invoice creation runs on the 1st");
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
    case "invoice_creation":
      counts = await createInvoices(database, input, now);
      break;
    case "invoice_processing":
      counts = await processInvoices(database, input, now);
      break;
    case "claims_submission":
      counts = await ports.claims.submitClaims(database, input, now);
      break;
    case "era_processing":
      counts = await ports.claims.processRemittances(database, input, now);
      break;
  }
  return finish("done", counts, null);
};
