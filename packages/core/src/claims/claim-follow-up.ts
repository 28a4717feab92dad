import type { TransitionTable } from "../state/state-machine";
import type { ClaimAdjudication, ClaimStatus } from "./claim-status";

/**
 * What the biller did after a denial or a rejection, apart from the claim's lifecycle and the payer's decision: a
 * claim stays Denied (the payer did deny it) and its follow-up says it was replaced, voided at the payer, written
 * off or billed to the client. Each is final: a replacement or void claim is a new claim with its own follow-up.
 * "Resubmit unchanged" is a lifecycle move (back to Awaiting Submission), not a follow-up.
 */
export const claimFollowUps = [
  "none",
  "replaced",
  "voided_at_payer",
  "written_off",
  "billed_to_client",
] as const;
export type ClaimFollowUp = (typeof claimFollowUps)[number];

export const claimFollowUpTransitions: TransitionTable<ClaimFollowUp> = {
  none: ["replaced", "voided_at_payer", "written_off", "billed_to_client"],
  replaced: [],
  voided_at_payer: [],
  written_off: [],
  billed_to_client: [],
};

export const claimFollowUpLabel: Record<ClaimFollowUp, string> = {
  none: "None",
  replaced: "Replaced",
  voided_at_payer: "Voided at payer",
  written_off: "Written off",
  billed_to_client: "Billed to client",
};

/** The actions on a denied or rejected claim. */
export const claimFollowUpActions = [
  "replace",
  "void_at_payer",
  "resubmit",
  "write_off",
  "bill_client",
] as const;
export type ClaimFollowUpAction = (typeof claimFollowUpActions)[number];

export const claimFollowUpActionLabel: Record<ClaimFollowUpAction, string> = {
  replace: "Correct and resubmit as a replacement",
  void_at_payer: "Void at the payer",
  resubmit: "Resubmit unchanged",
  write_off: "Write off",
  bill_client: "Bill the client",
};

export type DeniedClaimFacts = {
  patientControlNumber: string;
  status: ClaimStatus;
  adjudication: ClaimAdjudication;
  followUp: ClaimFollowUp;
  /** The payer's claim control number (835 CLP07, 277CA REF*1K); none for a claim the payer never took in. */
  payerClaimNumber: string | null;
  /** What insurance still owes on the claim's invoice: insurance − paid − adjusted. */
  insuranceOpenCents: number;
};

export type ClaimFollowUpDecision =
  | {
      allowed: true;
      /** The claim's new follow-up (none: it stays as it is). */
      followUp: ClaimFollowUp | null;
      /** The claim's new lifecycle status (none: unchanged). */
      status: ClaimStatus | null;
      /** The frequency of the new claim to write (replacement 7, payer void 8). */
      newClaimFrequency: "7" | "8" | null;
      /** The amount moved (written off, or billed to the client). */
      amountCents: number | null;
    }
  | {
      allowed: false;
      code: "CLAIM_NOT_DENIED" | "PAYER_CLAIM_NUMBER_MISSING" | "INVALID_AMOUNT";
      message: string;
    };

/** Denied by the payer (an 835) or rejected before adjudication (a 999 or 277CA). */
export const isDeniedOrRejected = (c: { status: ClaimStatus; adjudication: ClaimAdjudication }): boolean =>
  c.status === "rejected" || (c.status === "adjudicated" && c.adjudication === "denied");

/**
 * Whether `action` may be taken on the claim, and what it changes. Only a denied or rejected claim nobody has
 * followed up; a replacement or payer void needs the payer's number for the claim (REF*F8), so a claim the payer
 * never took in is refused; a write-off or client bill needs something insurance still owes.
 */
export const decideClaimFollowUp = (
  c: DeniedClaimFacts,
  action: ClaimFollowUpAction,
): ClaimFollowUpDecision => {
  if (!isDeniedOrRejected(c) || c.followUp !== "none") {
    return {
      allowed: false,
      code: "CLAIM_NOT_DENIED",
      message:
        c.followUp !== "none"
          ? `Claim ${c.patientControlNumber} was already followed up (${claimFollowUpLabel[c.followUp]})`
          : `Claim ${c.patientControlNumber} is not denied or rejected`,
    };
  }
  const none = { followUp: null, status: null, newClaimFrequency: null, amountCents: null } as const;
  switch (action) {
    case "replace":
    case "void_at_payer": {
      if (!c.payerClaimNumber) {
        return {
          allowed: false,
          code: "PAYER_CLAIM_NUMBER_MISSING",
          message: `Claim ${c.patientControlNumber} has no payer claim number (the payer never took it in): correct it and resubmit it instead`,
        };
      }
      return action === "replace"
        ? { allowed: true, ...none, followUp: "replaced", newClaimFrequency: "7" }
        : { allowed: true, ...none, followUp: "voided_at_payer", newClaimFrequency: "8" };
    }
    case "resubmit":
      return { allowed: true, ...none, status: "awaiting_submission" };
    case "write_off":
    case "bill_client": {
      if (c.insuranceOpenCents <= 0) {
        return {
          allowed: false,
          code: "INVALID_AMOUNT",
          message: `Insurance owes nothing more on claim ${c.patientControlNumber}`,
        };
      }
      return {
        allowed: true,
        ...none,
        followUp: action === "write_off" ? "written_off" : "billed_to_client",
        amountCents: c.insuranceOpenCents,
      };
    }
  }
};
