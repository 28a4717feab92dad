import type { TransitionTable } from "../state/state-machine";

export const jobStatuses = ["queued", "running", "done", "failed"] as const;
export type JobStatus = (typeof jobStatuses)[number];

/**
 * Queued → Running (claimed with a lease) → Done, or back to Queued (a retry after a failed attempt, or deferred
 * without using an attempt), or Failed after its last attempt. A running job whose lease ran out is claimed again
 * (Running → Running).
 */
export const jobTransitions: TransitionTable<JobStatus> = {
  queued: ["running"],
  running: ["running", "done", "queued", "failed"],
  done: [],
  failed: [],
};
