import type { TransitionTable } from "../state/state-machine";

/**
 * One message of a set's step. The row is inserted `sending` and committed before the provider is called (its key
 * is unique per set and step, so no second sender gets one). The provider's answer makes it `sent` or `failed`; a
 * sender that died or timed out leaves `unknown`, never sent again by itself. Delivery callbacks move a sent
 * message to `delivered` or `failed` (undelivered, bounced).
 */
export const outreachMessageStatuses = ["sending", "sent", "delivered", "failed", "unknown"] as const;
export type OutreachMessageStatus = (typeof outreachMessageStatuses)[number];

export const outreachMessageTransitions: TransitionTable<OutreachMessageStatus> = {
  sending: ["sent", "failed", "unknown"],
  unknown: ["sent", "delivered", "failed"],
  sent: ["delivered", "failed"],
  delivered: ["failed"],
  failed: [],
};

export const outreachChannels = ["sms", "email"] as const;
export type OutreachChannel = (typeof outreachChannels)[number];
