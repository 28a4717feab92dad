import type { TransitionTable } from "../state/state-machine";

export const automationRunStatuses = ["queued", "running", "done", "skipped", "failed"] as const;
export type AutomationRunStatus = (typeof automationRunStatuses)[number];

/**
 * Queued (the clock made it) → Running → Done | Skipped (switched off, or not its day). A run whose job ran out of
 * attempts is Failed; a failed or still-running run (its worker died) is started again when its job is retried.
 */
export const automationRunTransitions: TransitionTable<AutomationRunStatus> = {
  queued: ["running", "failed"],
  running: ["running", "done", "skipped", "failed"],
  done: [],
  skipped: [],
  failed: ["running"],
};
