import { type ExistingPosting, type PlannedPosting, type PostingKind, postingEffects } from "@billcycle/core";
import { type Executor, newId, tables } from "@billcycle/db";
import { and, asc, eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import { systemActor } from "../auth/actor";
import { type ClaimCause, transitionClaims } from "./transition-claims";

export const existingPostings = async (tx: Executor, claimId: string): Promise<ExistingPosting[]> =>
  tx
    .select({
      id: tables.postings.id,
      kind: tables.postings.kind,
      amountCents: tables.postings.amountCents,
      claimLineId: tables.postings.claimLineId,
      groupCode: tables.postings.groupCode,
      reasonCode: tables.postings.reasonCode,
      reversesPostingId: tables.postings.reversesPostingId,
    })
    .from(tables.postings)
    .where(eq(tables.postings.claimId, claimId))
    .orderBy(asc(tables.postings.createdAt), asc(tables.postings.id)) as Promise<ExistingPosting[]>;

/**
 * Writes postings and, in the same transaction, what they change: the claim's paid and patient amounts and
 * status, the invoice's insurance paid, write-offs and the client's share, and the invoice status.
 * Earlier postings are never edited; reversals are new postings that name what they undo.
 */
export const applyPostings = async (
  tx: Executor,
  input: {
    practiceId: string;
    claimId: string;
    remittanceClaimId: string | null;
    postings: PlannedPosting[];
    claimOutcome: "paid" | "partially_paid" | "denied" | "reversed";
    payerClaimNumber: string | null;
    cause: ClaimCause;
    actor: string;
  },
  now: Date,
): Promise<void> => {
  const [claim] = await tx
    .select()
    .from(tables.claims)
    .where(eq(tables.claims.id, input.claimId))
    .for("update");
  if (!claim) return;
  if (input.postings.length) {
    await tx.insert(tables.postings).values(
      input.postings.map((p) => ({
        id: newId(now.getTime()),
        practiceId: input.practiceId,
        remittanceClaimId: input.remittanceClaimId,
        claimId: input.claimId,
        claimLineId: p.claimLineId,
        invoiceId: claim.invoiceId,
        kind: p.kind as PostingKind,
        groupCode: p.groupCode,
        reasonCode: p.reasonCode,
        amountCents: p.amountCents,
        reversesPostingId: p.reversesPostingId,
        createdAt: now,
        actor: input.actor,
      })),
    );
  }
  const fx = postingEffects(input.postings);
  await tx
    .update(tables.claims)
    .set({
      paidCents: sql`${tables.claims.paidCents} + ${fx.insurancePaidCents}`,
      patientResponsibilityCents: sql`${tables.claims.patientResponsibilityCents} + ${fx.toClientCents}`,
      ...(input.payerClaimNumber ? { payerClaimNumber: input.payerClaimNumber } : {}),
      updatedAt: now,
    })
    .where(eq(tables.claims.id, input.claimId));
  const to = input.claimOutcome === "reversed" ? "accepted" : input.claimOutcome;
  await transitionClaims(tx, input.practiceId, [input.claimId], to, now, input.actor, input.cause);

  const [invoice] = await tx
    .update(tables.invoices)
    .set({
      insurancePaidCents: sql`${tables.invoices.insurancePaidCents} + ${fx.insurancePaidCents}`,
      adjustmentCents: sql`${tables.invoices.adjustmentCents} + ${fx.writeOffCents}`,
      insuranceCents: sql`${tables.invoices.insuranceCents} - ${fx.toClientCents}`,
      clientCents: sql`${tables.invoices.clientCents} + ${fx.toClientCents}`,
      updatedAt: now,
      version: sql`${tables.invoices.version} + 1`,
    })
    .where(and(eq(tables.invoices.practiceId, input.practiceId), eq(tables.invoices.id, claim.invoiceId)))
    .returning();
  if (!invoice) return;
  const insuranceDue = invoice.insuranceCents - invoice.insurancePaidCents - invoice.adjustmentCents;
  const clientDue = invoice.clientCents - invoice.clientPaidCents;
  const anyPaid = invoice.insurancePaidCents + invoice.clientPaidCents + invoice.adjustmentCents !== 0;
  const status =
    insuranceDue <= 0 && clientDue <= 0
      ? "paid"
      : anyPaid || invoice.clientCents > 0
        ? "partially_paid"
        : "processed";
  if (status !== invoice.status && invoice.status !== "void") {
    await tx.update(tables.invoices).set({ status }).where(eq(tables.invoices.id, invoice.id));
    await tx.insert(tables.invoiceStatusHistory).values({
      id: newId(now.getTime()),
      practiceId: input.practiceId,
      invoiceId: invoice.id,
      fromStatus: invoice.status,
      toStatus: status,
      at: now,
      actor: input.actor,
      cause: `remittance posting (claim ${claim.patientControlNumber})`,
    });
  }
  await recordAudit(
    tx,
    systemActor(input.practiceId, "era_posting"),
    "create",
    "posting",
    input.claimId,
    now,
    {
      postings: input.postings.length,
      remittanceClaimId: input.remittanceClaimId,
    },
  );
};
