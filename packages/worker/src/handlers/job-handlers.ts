import {
  DELIVER_FILE_QUEUE,
  type EnginePorts,
  INVOICE_ON_KEPT_QUEUE,
  type InvoiceOnKeptPayload,
  invoiceOnKept,
  RUN_AUTOMATION_QUEUE,
  type RunAutomationPayload,
  runAutomation,
} from "@billcycle/app";
import type { Clock } from "@billcycle/core";
import type { Database } from "@billcycle/db";

export type JobHandler = (
  database: Database,
  payload: Record<string, unknown>,
  ports: EnginePorts,
  clock: Clock,
) => Promise<unknown>;

/** Queue name → handler: one entry per job definition. */
export const jobHandlers: Record<string, JobHandler> = {
  [RUN_AUTOMATION_QUEUE]: (database, payload, ports, clock) =>
    runAutomation(database, (payload as RunAutomationPayload).runId, ports, clock),
  [INVOICE_ON_KEPT_QUEUE]: (database, payload, _ports, clock) =>
    invoiceOnKept(database, payload as InvoiceOnKeptPayload, clock.now()),
  [DELIVER_FILE_QUEUE]: async (database, payload, ports, clock) =>
    ports.claims.deliverFile?.(database, String(payload.fileId), clock.now()),
};
