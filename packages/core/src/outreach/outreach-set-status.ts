import type { TransitionTable } from "../state/state-machine";

/**
 * An invoice set: a patient's outstanding client-responsibility charges being chased by a rule set's messages.
 * Active (in sequence), Paused (by a person), Expired (every step sent, balance remains), Failed (the last message
 * could not be delivered), Will Fail (the next message is predicted to fail), Paid (the balance reached zero),
 * Cancelled, Written Off and Collections (final).
 */
export const outreachSetStatuses = [
  "active",
  "paused",
  "expired",
  "failed",
  "will_fail",
  "paid",
  "cancelled",
  "written_off",
  "collections",
] as const;
export type OutreachSetStatus = (typeof outreachSetStatuses)[number];

export const outreachSetStatusLabel: Readonly<Record<OutreachSetStatus, string>> = {
  active: "Active",
  paused: "Paused",
  expired: "Expired",
  failed: "Failed",
  will_fail: "Will Fail",
  paid: "Paid",
  cancelled: "Cancelled",
  written_off: "Written Off",
  collections: "Collections",
};

/** Sets still being worked: a new charge of the patient joins one, and a patient has at most one. */
export const openOutreachSetStatuses = ["active", "paused", "expired", "failed", "will_fail"] as const;

const ENDINGS = ["paid", "cancelled", "written_off", "collections"] as const;

export const outreachSetTransitions: TransitionTable<OutreachSetStatus> = {
  // expired: the last step went out; failed: it bounced; will_fail: the next one is predicted to fail.
  active: ["paused", "expired", "failed", "will_fail", ...ENDINGS],
  // Resume; the prediction is made again on the next look.
  paused: ["active", ...ENDINGS],
  // A rule set with later steps gives it a sequence again.
  expired: ["active", ...ENDINGS],
  // A person pauses it, fixes the address (prediction again) or the next step goes out on another channel.
  failed: ["active", "paused", "will_fail", "expired", ...ENDINGS],
  will_fail: ["active", "paused", "failed", "expired", ...ENDINGS],
  paid: [],
  cancelled: [],
  written_off: [],
  collections: [],
};
