import { DomainError } from "../errors/domain-error";
import type { OutreachSetStatus } from "./outreach-set-status";

export const outreachActions = [
  "write_off",
  "send_to_collections",
  "change_rule_set",
  "pause",
  "resume",
  "cancel",
] as const;
export type OutreachAction = (typeof outreachActions)[number];

const WORKING: readonly OutreachSetStatus[] = ["active", "paused", "expired", "will_fail", "failed"];

/**
 * The seed's availability: Write Off and Send to Collections for Active, Paused, Expired, Will Fail and Failed;
 * Pause for Active, Will Fail and Failed; Resume for Paused. Change Rule Set and Cancel (no statuses in the seed)
 * for every set still being worked: a Paid, Cancelled, Written Off or Collections set has nothing left to change.
 */
export const outreachActionAvailability: Readonly<Record<OutreachAction, readonly OutreachSetStatus[]>> = {
  write_off: WORKING,
  send_to_collections: WORKING,
  change_rule_set: WORKING,
  pause: ["active", "will_fail", "failed"],
  resume: ["paused"],
  cancel: WORKING,
};

export const outreachActionLabel: Readonly<Record<OutreachAction, string>> = {
  write_off: "Write Off",
  send_to_collections: "Send to Collections",
  change_rule_set: "Change Rule Set",
  pause: "Pause",
  resume: "Resume",
  cancel: "Cancel",
};

export const isOutreachActionAllowed = (action: OutreachAction, status: OutreachSetStatus): boolean =>
  outreachActionAvailability[action].includes(status);

/** ACTION_NOT_ALLOWED naming the action, the status and the statuses it is allowed in. */
export const actionNotAllowed = (action: OutreachAction, status: OutreachSetStatus): DomainError =>
  new DomainError(
    "ACTION_NOT_ALLOWED",
    `${outreachActionLabel[action]} is not available for a set that is ${status}`,
    { action, status, allowedFor: [...outreachActionAvailability[action]] },
  );
