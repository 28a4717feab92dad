import {
  DELIVER_FILE_QUEUE,
  type EnginePorts,
  INVOICE_ON_KEPT_QUEUE,
  type InvoiceOnKeptPayload,
  invoiceOnKept,
  RESOLVE_CARD_CHARGES_QUEUE,
  type ResolveCardChargesPayload,
  RUN_AUTOMATION_QUEUE,
  type RunAutomationPayload,
  resolveUnknownCharges,
  runAutomation,
  SHARE_DOCUMENTS_QUEUE,
  type ShareDocumentsPayload,
  shareDueDocuments,
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
  [RESOLVE_CARD_CHARGES_QUEUE]: async (database, payload, ports, clock) => {
    // Asks Stripe what became of the practice's unknown charges; never charges again (resolve-unknown-charges.ts).
    const { practiceId } = payload as ResolveCardChargesPayload;
    await resolveUnknownCharges(database, { practiceId, now: clock.now(), stripe: ports.autopay?.stripe });
    return undefined;
  },
  [DELIVER_FILE_QUEUE]: async (database, payload, ports, clock) => {
    await ports.claims.deliverFile?.(database, String(payload.fileId), clock.now());
    return undefined;
  },
};
