import type { TransitionTable } from "../state/state-machine";

export const workItemStatuses = ["open", "resolved", "dismissed"] as const;
export type WorkItemStatus = (typeof workItemStatuses)[number];

/** A work-queue item is Open until a person resolves it (posts or matches) or dismisses it with a reason. */
export const workItemTransitions: TransitionTable<WorkItemStatus> = {
  open: ["resolved", "dismissed"],
  resolved: [],
  dismissed: [],
};
