import {
  DELIVER_FILE_QUEUE,
  type EnginePorts,
  INVOICE_ON_KEPT_QUEUE,
  type InvoiceOnKeptPayload,
  invoiceOnKept,
  markStaleOutreachMessages,
  RUN_AUTOMATION_QUEUE,
  type RunAutomationPayload,
  runAutomation,
  SEND_OUTREACH_QUEUE,
  type SendOutreachPayload,
  SHARE_DOCUMENTS_QUEUE,
  type ShareDocumentsPayload,
  sendDueOutreach,
  shareDueDocuments,
  startDueOutreachSets,
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

const SHARING_UNCONFIGURED_WAIT_MS = 15 * 60 * 1000;

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
  [SHARE_DOCUMENTS_QUEUE]: async (database, payload, ports, clock) => {
    // A worker without mail (sharing not configured) leaves due shares to one that has it, or to later.
    if (!ports.sharing) return { retryAt: new Date(clock.now().getTime() + SHARING_UNCONFIGURED_WAIT_MS) };
    const { practiceId } = payload as ShareDocumentsPayload;
    const result = await shareDueDocuments(database, practiceId, ports.sharing, clock);
    return result.retryAt ? { retryAt: result.retryAt } : undefined;
  },
  [SEND_OUTREACH_QUEUE]: async (database, payload, ports, clock) => {
    const { practiceId } = payload as SendOutreachPayload;
    await startDueOutreachSets(database, practiceId, clock.now());
    await markStaleOutreachMessages(database, practiceId, clock.now());
    // Without mail and SMS ports the due messages wait (rescheduled) for a worker that has them.
    if (ports.outreach) await sendDueOutreach(database, practiceId, ports.outreach, clock);
    return undefined;
  },
  [DELIVER_FILE_QUEUE]: async (database, payload, ports, clock) => {
    await ports.claims.deliverFile?.(database, String(payload.fileId), clock.now());
    return undefined;
  },
};
