import type { LocalDate } from "@billcycle/core";
import type { Database } from "@billcycle/db";
import type { ReconcileDeliveryResult } from "./reconcile-delivery";

export type PipelineRunInput = {
  practiceId: string;
  runId: string | null;
  trigger: "schedule" | "manual";
  today: LocalDate;
};

/**
 * What the automation engine needs from the claims pipeline: Claims Submission and ERA Processing.
 * The engine only schedules them; how claims are scrubbed, written and delivered lives behind this port.
 */
export type ClaimsPipelinePort = {
  submitClaims(database: Database, input: PipelineRunInput, now: Date): Promise<Record<string, number>>;
  processRemittances(database: Database, input: PipelineRunInput, now: Date): Promise<Record<string, number>>;
  /** Retries the delivery of a stored outbound file (the deliver-file job). */
  deliverFile?(database: Database, fileId: string, now: Date): Promise<unknown>;
  /** Finds out whether a file whose last attempt ended unknown was delivered (the reconcile-delivery janitor). */
  reconcileDelivery?(database: Database, fileId: string, now: Date): Promise<ReconcileDeliveryResult>;
};
