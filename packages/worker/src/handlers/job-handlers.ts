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
import type { Database } from "@billcycle/db";

export type JobHandler = (
  database: Database,
  payload: Record<string, unknown>,
  ports: EnginePorts,
  now: Date,
) => Promise<unknown>;

/** Queue name → handler: one entry per job definition. */
export const jobHandlers: Record<string, JobHandler> = {
  [RUN_AUTOMATION_QUEUE]: (database, payload, ports, now) =>
    runAutomation(database, (payload as RunAutomationPayload).runId, ports, now),
  [INVOICE_ON_KEPT_QUEUE]: (database, payload, _ports, now) =>
    invoiceOnKept(database, payload as InvoiceOnKeptPayload, now),
  [DELIVER_FILE_QUEUE]: async (database, payload, ports, now) =>
    ports.claims.deliverFile?.(database, String(payload.fileId), now),
};
