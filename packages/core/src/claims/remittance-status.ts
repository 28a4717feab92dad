import type { TransitionTable } from "../state/state-machine";

export const remittanceStatuses = ["posting", "posted", "partially_posted", "needs_review"] as const;
export type RemittanceStatus = (typeof remittanceStatuses)[number];

/**
 * Posting (registered; its claims are posted batch by batch) → Posted (every claim), Partially Posted (some wait in
 * the work queue) or Needs Review (none posted: held, or every claim queued).
 */
export const remittanceTransitions: TransitionTable<RemittanceStatus> = {
  posting: ["posted", "partially_posted", "needs_review"],
  posted: [],
  partially_posted: [],
  needs_review: [],
};

/** The remittance's status once every claim is in: decided from how many were posted and how many wait. */
export const decideRemittanceStatus = (counts: {
  posted: number;
  waiting: number;
}): Exclude<RemittanceStatus, "posting"> =>
  counts.waiting === 0 ? "posted" : counts.posted > 0 ? "partially_posted" : "needs_review";

/** One claim (CLP) of a remittance: Posted, or Queued for a person who posts (Posted) or dismisses it. */
export const postingStatuses = ["posted", "queued", "dismissed"] as const;
export type PostingStatus = (typeof postingStatuses)[number];

export const postingStatusTransitions: TransitionTable<PostingStatus> = {
  queued: ["posted", "dismissed"],
  posted: [],
  dismissed: [],
};
