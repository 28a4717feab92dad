import type { Executor } from "@billcycle/db";
import type { TenantActor } from "../../resources/crud";
import { transitionClaims } from "../transition-claims";
import { lockDeniedClaim, recordFollowUp } from "./denied-claim";

/**
 * Sends a denied or rejected claim again as it is (the payer asked for it): back to Awaiting Submission, where the
 * next Claims Submission scrubs and sends it under its own number. It leaves the denials queue until the payer
 * answers again.
 */
export const resubmitDeniedClaim = async (
  tx: Executor,
  input: { actor: TenantActor; claimId: string; reason: string; now: Date },
): Promise<void> => {
  const { actor, now } = input;
  const { claim, decision } = await lockDeniedClaim(tx, actor.practiceId, input.claimId, "resubmit");
  await transitionClaims(tx, {
    practiceId: actor.practiceId,
    claimIds: [claim.id],
    to: decision.status!,
    now,
    actor: actor.label,
    cause: { kind: "user", action: "resubmit", reason: input.reason },
  });
  await recordFollowUp(tx, { actor, claim, decision, action: "resubmit", reason: input.reason, now });
};
