import type { ClaimFollowUpAction } from "@billcycle/core";
import type { Database } from "@billcycle/db";
import type { TenantActor } from "../../resources/crud";
import { billDeniedClaimToClient } from "./bill-denied-claim-to-client";
import { requireReason } from "./denied-claim";
import { type ClaimCorrections, replaceDeniedClaim } from "./replace-denied-claim";
import { resubmitDeniedClaim } from "./resubmit-denied-claim";
import { writeOffDeniedClaim } from "./write-off-denied-claim";

export type ClaimFollowUpResult = {
  claimId: string;
  action: ClaimFollowUpAction;
  /** The replacement (7) or void (8) claim written, waiting for Claims Submission. */
  newClaimId: string | null;
  newPatientControlNumber: string | null;
  /** Written off, or moved to the client. */
  amountCents: number | null;
};

/**
 * The one entry for the actions on a denied or rejected claim, each in its own transaction with its record and
 * audit row: correct and replace (7), void at the payer (8), resubmit unchanged, write off, bill the client.
 */
export const followUpDeniedClaim = async (
  database: Database,
  input: {
    actor: TenantActor;
    claimId: string;
    action: ClaimFollowUpAction;
    reason: string;
    corrections?: ClaimCorrections | undefined;
    now: Date;
  },
): Promise<ClaimFollowUpResult> => {
  const reason = requireReason(input.reason);
  const base = { actor: input.actor, claimId: input.claimId, reason, now: input.now };
  return database.db.transaction(async (tx) => {
    const none = {
      claimId: input.claimId,
      action: input.action,
      newClaimId: null,
      newPatientControlNumber: null,
      amountCents: null,
    };
    switch (input.action) {
      case "replace":
      case "void_at_payer": {
        const made = await replaceDeniedClaim(tx, {
          ...base,
          action: input.action,
          corrections: input.corrections,
        });
        return { ...none, newClaimId: made.newClaimId, newPatientControlNumber: made.patientControlNumber };
      }
      case "resubmit":
        await resubmitDeniedClaim(tx, base);
        return none;
      case "write_off":
        return { ...none, amountCents: (await writeOffDeniedClaim(tx, base)).amountCents };
      case "bill_client":
        return { ...none, amountCents: (await billDeniedClaimToClient(tx, base)).amountCents };
    }
  });
};
