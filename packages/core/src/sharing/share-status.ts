import type { TransitionTable } from "../state/state-machine";

/**
 * One automatic share of a billing document: scheduled when the bill (an invoice turning Open) or the document
 * (superbill, statement) is issued, due `shareDelayMinutes` later. The worker then sends it, or skips it with its
 * reasons, or records a failed attempt; a failed share is scheduled again until its attempts are used up.
 */
export const shareStatuses = ["scheduled", "sent", "skipped", "failed"] as const;
export type ShareStatus = (typeof shareStatuses)[number];

export const shareTransitions: TransitionTable<ShareStatus> = {
  scheduled: ["sent", "skipped", "failed"],
  failed: ["scheduled"],
  sent: [],
  skipped: [],
};

/** What a share is of: the bill of an invoice (issued at share time, as it then stands), or an issued document. */
export const shareSubjectTypes = ["invoice", "document"] as const;
export type ShareSubjectType = (typeof shareSubjectTypes)[number];

/**
 * What a practice (as the default for new clients) or a client has shared. Beyond the seed, whose FAQ says both
 * only. Statements (what the client owes) go with bills; superbills (for the client's own insurance claim) alone.
 */
export const shareDocumentKindChoices = ["both", "bills", "superbills"] as const;
export type ShareDocumentKinds = (typeof shareDocumentKindChoices)[number];

/** Attempts (SMTP refused or unreachable) before a share stays failed for a person (`billcycle share retry`). */
export const MAX_SHARE_ATTEMPTS = 5;

/** Minutes before the next attempt after the `attempt`-th failed: 5, 15, 45, 135, then every 6 hours. */
export const shareRetryDelayMinutes = (attempt: number): number =>
  Math.min(5 * 3 ** Math.max(0, attempt - 1), 360);

/** Autopay runs 30 minutes after bills are created: a shorter delay than this may share a bill before it. */
export const AUTOPAY_SAFE_SHARE_DELAY_MINUTES = 60;

/** The longest delay a practice may set: one week. */
export const MAX_SHARE_DELAY_MINUTES = 7 * 24 * 60;
