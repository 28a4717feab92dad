import type { TransitionTable } from "../state/state-machine";

/** A claim's lifecycle: where it is between us and the payer. What the payer decided is its adjudication. */
export const claimStatuses = [
  "awaiting_submission",
  "scrubber_rejected",
  "submitted",
  "accepted",
  "rejected",
  "adjudicated",
  "void",
] as const;
export type ClaimStatus = (typeof claimStatuses)[number];

/**
 * scrub → submit → acknowledge (999/277CA) → adjudicate (835). A reversal (CLP02 22) takes an adjudicated claim
 * back to Accepted, waiting for the payer's correction; so does a late 277CA acceptance, as before the split. A
 * denied claim goes back to Awaiting Submission when the biller resubmits it unchanged (the payer asked for it).
 */
export const claimTransitions: TransitionTable<ClaimStatus> = {
  awaiting_submission: ["scrubber_rejected", "submitted", "void"],
  scrubber_rejected: ["awaiting_submission", "submitted", "void"],
  submitted: ["accepted", "rejected", "adjudicated"],
  accepted: ["adjudicated", "rejected"],
  rejected: ["awaiting_submission", "void"],
  adjudicated: ["accepted", "awaiting_submission"],
  void: [],
};

/** What the payer decided (an 835): None until a remittance is posted, and again after a reversal. */
export const claimAdjudications = ["none", "paid", "partially_paid", "denied"] as const;
export type ClaimAdjudication = (typeof claimAdjudications)[number];

/** A later remittance (a correction, a reversal) may change the payer's decision either way. */
export const claimAdjudicationTransitions: TransitionTable<ClaimAdjudication> = {
  none: ["paid", "partially_paid", "denied"],
  paid: ["partially_paid", "denied", "none"],
  partially_paid: ["paid", "denied", "none"],
  denied: ["paid", "partially_paid", "none"],
};

/**
 * What a biller sees of a claim (the board's columns, the list's filter): its lifecycle, except that an
 * adjudicated claim shows what the payer decided.
 */
export const claimStages = [
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
export type ClaimStage = (typeof claimStages)[number];

export const claimStageLabel: Record<ClaimStage, string> = {
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

export const claimStageOf = (status: ClaimStatus, adjudication: ClaimAdjudication): ClaimStage =>
  status === "adjudicated" ? (adjudication === "none" ? "accepted" : adjudication) : status;

/** The (status, adjudication) pair a stage filters on: the inverse of claimStageOf. */
export const claimStageFilter = (
  stage: ClaimStage,
): { status: ClaimStatus; adjudication?: Exclude<ClaimAdjudication, "none"> } =>
  stage === "paid" || stage === "partially_paid" || stage === "denied"
    ? { status: "adjudicated", adjudication: stage }
    : { status: stage };
