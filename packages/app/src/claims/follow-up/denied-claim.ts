import {
  type ClaimAdjudication,
  type ClaimFollowUpAction,
  type ClaimFollowUpDecision,
  type ClaimStatus,
  DomainError,
  decideClaimFollowUp,
  notFound,
} from "@billcycle/core";
import { type Executor, newId, tables } from "@billcycle/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../../audit/record-audit";
import type { TenantActor } from "../../resources/crud";
import { transitionClaimFollowUp } from "../transition-claims";

export type ClaimRow = typeof tables.claims.$inferSelect;
export type InvoiceRow = typeof tables.invoices.$inferSelect;
export type AllowedFollowUp = Extract<ClaimFollowUpDecision, { allowed: true }>;

/**
 * Locks the claim and its invoice (claim first, as posting does), and asks core whether `action` may be taken:
 * a refusal is its coded error, nothing written.
 */
export const lockDeniedClaim = async (
  tx: Executor,
  practiceId: string,
  claimId: string,
  action: ClaimFollowUpAction,
): Promise<{ claim: ClaimRow; invoice: InvoiceRow; decision: AllowedFollowUp }> => {
  const [claim] = await tx
    .select()
    .from(tables.claims)
    .where(and(eq(tables.claims.practiceId, practiceId), eq(tables.claims.id, claimId)))
    .for("update");
  if (!claim) throw notFound("Claim");
  const [invoice] = await tx
    .select()
    .from(tables.invoices)
    .where(and(eq(tables.invoices.practiceId, practiceId), eq(tables.invoices.id, claim.invoiceId)))
    .for("update");
  if (!invoice) throw notFound("Invoice");
  const decision = decideClaimFollowUp(
    {
      patientControlNumber: claim.patientControlNumber,
      status: claim.status as ClaimStatus,
      adjudication: claim.adjudication as ClaimAdjudication,
      followUp: claim.followUp,
      payerClaimNumber: claim.payerClaimNumber,
      insuranceOpenCents: Math.max(
        0,
        invoice.insuranceCents - invoice.insurancePaidCents - invoice.adjustmentCents,
      ),
    },
    action,
  );
  if (!decision.allowed) {
    throw new DomainError(decision.code, decision.message, {
      claimId,
      status: claim.status,
      adjudication: claim.adjudication,
      followUp: claim.followUp,
    });
  }
  return { claim, invoice, decision };
};

/**
 * Closes the action on the caller's transaction: the claim's follow-up moved where core decided (none for a
 * resubmission), the record of the action (append-only) and its audit row.
 */
export const recordFollowUp = async (
  tx: Executor,
  input: {
    actor: TenantActor;
    claim: ClaimRow;
    decision: AllowedFollowUp;
    action: ClaimFollowUpAction;
    reason: string;
    amountCents?: number | null;
    newClaimId?: string | null;
    now: Date;
  },
): Promise<string> => {
  const claimId = input.claim.id;
  if (input.decision.followUp) {
    await transitionClaimFollowUp(tx, {
      practiceId: input.actor.practiceId,
      claimId,
      from: input.claim.followUp,
      to: input.decision.followUp,
      now: input.now,
    });
  }
  const id = newId(input.now.getTime());
  await tx.insert(tables.claimFollowUpRecords).values({
    id,
    practiceId: input.actor.practiceId,
    claimId,
    action: input.action,
    reason: input.reason,
    amountCents: input.amountCents ?? null,
    newClaimId: input.newClaimId ?? null,
    createdAt: input.now,
    actor: input.actor.label,
    actorUserId: input.actor.userId,
  });
  await recordAudit(tx, input.actor, "update", "claim", claimId, input.now, {
    followUp: input.action,
    ...(input.newClaimId ? { newClaimId: input.newClaimId } : {}),
  });
  return id;
};

export const requireReason = (reason: string): string => {
  const trimmed = reason.trim();
  if (!trimmed)
    throw new DomainError("VALIDATION_FAILED", "Say why (a reason is required)", { field: "reason" });
  return trimmed;
};
