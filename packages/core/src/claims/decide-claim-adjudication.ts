import { canTransition } from "../state/state-machine";
import {
  type ClaimAdjudication,
  type ClaimStatus,
  claimAdjudicationTransitions,
  claimTransitions,
} from "./claim-status";

export type PayerDecision = Exclude<ClaimAdjudication, "none">;

/**
 * What the payer decided on one 835 claim (CLP): Denied when CLP02 says so (4) or nothing was paid and something
 * was denied; Partially Paid when part was paid and part denied; Paid otherwise (write-offs and patient
 * responsibility are not denials).
 */
export const decideClaimAdjudication = (clp: {
  statusCode: string;
  paidCents: number;
  deniedCents: number;
}): PayerDecision =>
  clp.statusCode === "4" || (clp.paidCents === 0 && clp.deniedCents > 0)
    ? "denied"
    : clp.deniedCents > 0
      ? "partially_paid"
      : "paid";

export type ClaimState = { status: ClaimStatus; adjudication: ClaimAdjudication };

/**
 * The claim's lifecycle and adjudication after a posting: Adjudicated with the payer's decision, or, for a reversal,
 * back to Accepted with no decision. Null when either table refuses the move (a claim never submitted, a void one)
 * or nothing changes.
 */
export const nextClaimState = (
  current: ClaimState,
  outcome: PayerDecision | "reversed",
): ClaimState | null => {
  const next: ClaimState =
    outcome === "reversed"
      ? { status: "accepted", adjudication: "none" }
      : { status: "adjudicated", adjudication: outcome };
  if (next.status === current.status && next.adjudication === current.adjudication) return null;
  const statusOk =
    next.status === current.status || canTransition(claimTransitions, current.status, next.status);
  const adjudicationOk =
    next.adjudication === current.adjudication ||
    canTransition(claimAdjudicationTransitions, current.adjudication, next.adjudication);
  return statusOk && adjudicationOk ? next : null;
};
