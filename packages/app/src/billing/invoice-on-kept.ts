import type { AppointmentStatus } from "@billcycle/core";
import type { Database, Executor } from "@billcycle/db";
import { getAutomationConfig } from "../automation/get-automation-config";
import { practiceToday } from "../automation/practice-today";
import { invoiceOnKeptJob } from "../jobs/invoice-on-kept-job";
import { enqueue, type JobPayload } from "../jobs/job-contract";
import { type CreateInvoicesResult, createInvoices } from "./create-invoices";

const BILLABLE_OUTCOMES: readonly AppointmentStatus[] = ["kept", "no_show", "late_cancel"];

/**
 * Called inside the status-change transaction: when the practice bills on Kept, a job to invoice this
 * appointment is queued in the same transaction, so it exists if and only if the status change committed.
 */
export const enqueueOnKeptInvoice = async (
  tx: Executor,
  event: { practiceId: string; appointmentId: string; to: AppointmentStatus; historyId: string },
  now: Date,
): Promise<boolean> => {
  if (!BILLABLE_OUTCOMES.includes(event.to)) return false;
  const { config } = await getAutomationConfig(tx, event.practiceId);
  if (config.invoiceCreationMode !== "on_kept" || !config.automations.invoice_creation.enabled) return false;
  return enqueue(
    tx,
    invoiceOnKeptJob,
    { practiceId: event.practiceId, appointmentId: event.appointmentId },
    { singletonKey: `kept:${event.historyId}`, runAt: now },
    now,
  );
};

/** The job: invoice one appointment now, with the same rules and keys as the nightly run (which remains the safety net). */
export const invoiceOnKept = async (
  database: Database,
  payload: JobPayload<typeof invoiceOnKeptJob>,
  now: Date,
): Promise<CreateInvoicesResult> => {
  const { config } = await getAutomationConfig(database.db, payload.practiceId);
  if (config.invoiceCreationMode !== "on_kept" || !config.automations.invoice_creation.enabled) {
    return { considered: 0, invoiced: 0, skipped: 0, invoices: 0 };
  }
  const { today } = await practiceToday(database.db, payload.practiceId, now);
  return createInvoices(
    database,
    {
      practiceId: payload.practiceId,
      trigger: "on_kept",
      runId: null,
      today,
      appointmentIds: [payload.appointmentId],
      mode: "on_kept",
    },
    now,
  );
};
