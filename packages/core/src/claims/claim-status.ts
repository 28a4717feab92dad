import type { TransitionTable } from "../state/state-machine";

export const claimStatuses = [
  "awaiting_submission",
  "scrubber_rejected",
  "submitted",
  "accepted",
  "rejected",
  "paid",
  "partially_paid",
  "denied",
  "void",
] as const;
export type ClaimStatus = (typeof claimStatuses)[number];

/** One table for the claim lifecycle: scrub → submit → acknowledge (999/277CA) → adjudicate (835). */
export const claimTransitions: TransitionTable<ClaimStatus> = {
  awaiting_submission: ["scrubber_rejected", "submitted", "void"],
  scrubber_rejected: ["awaiting_submission", "submitted", "void"],
  submitted: ["accepted", "rejected", "paid", "partially_paid", "denied"],
  accepted: ["paid", "partially_paid", "denied", "rejected"],
  rejected: ["awaiting_submission", "void"],
  paid: ["partially_paid", "denied", "accepted"],
  partially_paid: ["paid", "denied", "accepted"],
  denied: ["paid", "partially_paid", "accepted", "awaiting_submission"],
  void: [],
};

export const claimStatusLabel: Record<ClaimStatus, string> = {
  awaiting_submission: "Awaiting Submission",
  scrubber_rejected: "Scrubber Rejected",
  submitted: "Submitted",
  accepted: "Accepted",
  rejected: "Rejected",
  paid: "Paid",
  partially_paid: "Partially Paid",
  denied: "Denied",
  void: "Void",
};
