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

/** What a handler may answer: `retryAt` puts the job back to wait (not a failure, no attempt used). */
export type JobResult = { retryAt?: Date } | undefined;

export type JobHandler = (
  database: Database,
  payload: Record<string, unknown>,
  ports: EnginePorts,
  clock: Clock,
) => Promise<JobResult>;

/** Queue name → handler: one entry per job definition. */
export const jobHandlers: Record<string, JobHandler> = {
  [RUN_AUTOMATION_QUEUE]: async (database, payload, ports, clock) => {
    const result = await runAutomation(database, (payload as RunAutomationPayload).runId, ports, clock);
    return result.status === "waiting" ? { retryAt: result.retryAt } : undefined;
  },
  [INVOICE_ON_KEPT_QUEUE]: async (database, payload, _ports, clock) => {
    await invoiceOnKept(database, payload as InvoiceOnKeptPayload, clock.now());
    return undefined;
  },
  [DELIVER_FILE_QUEUE]: async (database, payload, ports, clock) => {
    await ports.claims.deliverFile?.(database, String(payload.fileId), clock.now());
    return undefined;
  },
};
