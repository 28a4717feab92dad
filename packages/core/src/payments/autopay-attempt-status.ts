import type { TransitionTable } from "../state/state-machine";
import type { AutopayAttemptOutcome } from "./decide-autopay";

/**
 * An autopay attempt is written (pending) and committed before its card charge is sent, then follows the charge:
 * `unknown` while Stripe's answer is not known (resolved by asking Stripe, never by charging again).
 */
export const autopayAttemptStatuses = [
  "pending",
  "unknown",
  "succeeded",
  "declined",
  "failed",
] as const satisfies readonly AutopayAttemptOutcome[];
export type AutopayAttemptStatus = (typeof autopayAttemptStatuses)[number];

export const autopayAttemptTransitions: TransitionTable<AutopayAttemptStatus> = {
  pending: ["succeeded", "declined", "failed", "unknown"],
  unknown: ["succeeded", "declined", "failed"],
  succeeded: [],
  declined: [],
  failed: [],
};
