import type { TransitionTable } from "../state/state-machine";

/**
 * A card charge is written before Stripe is called (pending) and committed, so a crash or a timeout always leaves a
 * row to resolve. `unknown`: Stripe was asked and we do not know what it did (timeout, network error, 500); it is
 * resolved by asking Stripe, never by charging again.
 */
export const cardChargeStatuses = ["pending", "succeeded", "declined", "failed", "unknown"] as const;
export type CardChargeStatus = (typeof cardChargeStatuses)[number];

export const cardChargeTransitions: TransitionTable<CardChargeStatus> = {
  pending: ["succeeded", "declined", "failed", "unknown"],
  unknown: ["succeeded", "declined", "failed"],
  succeeded: [],
  declined: [],
  failed: [],
};

/** What a charge pays: an autopay attempt, or a charge a person asked for. */
export const cardChargePurposeKinds = ["autopay_attempt", "manual"] as const;
export type CardChargePurposeKind = (typeof cardChargePurposeKinds)[number];

/** A refund is written before Stripe is called, like a charge; `unknown` is resolved by asking Stripe. */
export const cardRefundStatuses = ["pending", "succeeded", "failed", "unknown"] as const;
export type CardRefundStatus = (typeof cardRefundStatuses)[number];

export const cardRefundTransitions: TransitionTable<CardRefundStatus> = {
  pending: ["succeeded", "failed", "unknown"],
  unknown: ["succeeded", "failed"],
  succeeded: [],
  failed: [],
};

/** What happened to a received Stripe webhook event (each event id is stored once per practice). */
export const stripeEventOutcomes = ["processed", "ignored"] as const;
export type StripeEventOutcome = (typeof stripeEventOutcomes)[number];
