import type { TransitionTable } from "../state/state-machine";

/** An 837P file we send: stored Pending, then delivered (Sent), or not (Failed: retry) or maybe (Unknown). */
export const outboundFileStatuses = ["pending", "sent", "failed", "unknown"] as const;
export type OutboundFileStatus = (typeof outboundFileStatuses)[number];

/**
 * An attempt that certainly did not deliver is Failed and retried; one that may have delivered is Unknown and the
 * next attempt reconciles (lists the remote folder) before sending again. Sent is final.
 */
export const outboundFileTransitions: TransitionTable<OutboundFileStatus> = {
  pending: ["sent", "failed", "unknown"],
  failed: ["sent", "failed", "unknown"],
  unknown: ["sent", "failed", "unknown"],
  sent: [],
};

/**
 * A 999, 277CA or 835 we receive: stored Received, then Processed or Rejected (with its reason code). Duplicate
 * marks copies received under another name before files were known by their content (migration 0006).
 */
export const inboundFileStatuses = ["received", "processed", "rejected", "duplicate"] as const;
export type InboundFileStatus = (typeof inboundFileStatuses)[number];

export const inboundFileTransitions: TransitionTable<InboundFileStatus> = {
  received: ["processed", "rejected"],
  processed: [],
  rejected: [],
  duplicate: [],
};

export const clearinghouseFileStatuses = [...outboundFileStatuses, ...inboundFileStatuses] as const;
export type ClearinghouseFileStatus = OutboundFileStatus | InboundFileStatus;
