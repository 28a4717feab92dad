import {
  claimStatusCodes,
  decideClaimPosting,
  type EraClaim,
  type PostingRule,
  type QueueReason,
} from "@billcycle/core";
import { type Executor, newId, tables } from "@billcycle/db";
import { type Claim835, parse835, type Remittance835 } from "@billcycle/x12";
import { and, asc, eq, inArray } from "drizzle-orm";
import { applyPostings, existingPostings } from "./apply-postings";
import { getClaimsSettings } from "./claims-settings";

export type RemittanceImport = {
  remittanceId: string | null;
  traceNumber: string;
  status: "posted" | "partially_posted" | "needs_review" | "duplicate";
  claims: number;
  posted: number;
  queued: number;
};

/** The 835 claim in the shape the posting decision takes. */
export const toEraClaim = (c: Claim835): EraClaim => ({
  patientControlNumber: c.patientControlNumber,
  statusCode: c.status.code,
  chargeCents: c.chargeCents,
  paidCents: c.paidCents,
  patientResponsibilityCents: c.patientResponsibilityCents ?? 0,
  payerClaimNumber: c.payerClaimControlNumber ?? null,
  adjustments: c.adjustments.map((a) => ({
    group: a.group,
    reasonCode: a.reasonCode,
    amountCents: a.amountCents,
  })),
  lines: c.services.map((s) => ({
    code: s.procedure.code,
    modifiers: [...s.procedure.modifiers],
    originalCode: s.originalProcedure?.code ?? null,
    dateOfService: s.serviceDate ?? s.serviceFrom ?? null,
    chargeCents: s.chargeCents,
    paidCents: s.paidCents,
    lineControlNumber: s.lineControlNumber ?? null,
    adjustments: s.adjustments.map((a) => ({
      group: a.group,
      reasonCode: a.reasonCode,
      amountCents: a.amountCents,
    })),
  })),
  crossoverPayer: c.crossoverCarrier ? c.crossoverCarrier.lastName : null,
});

export const loadPostingRules = async (tx: Executor, practiceId: string): Promise<PostingRule[]> =>
  tx
    .select({
      payerId: tables.postingRules.payerId,
      groupCode: tables.postingRules.groupCode,
      reasonCode: tables.postingRules.reasonCode,
      action: tables.postingRules.action,
    })
    .from(tables.postingRules)
    .where(eq(tables.postingRules.practiceId, practiceId));

type PostContext = {
  practiceId: string;
  rules: PostingRule[];
  unknownCodeAction: "block" | "deny";
  now: Date;
  actor: string;
};

/**
 * Posts one remittance claim if it can be posted with certainty; otherwise returns why it waits for a person.
 * Used by the import and by the work queue's "post" and "match" actions.
 */
export const postRemittanceClaim = async (
  tx: Executor,
  ctx: PostContext,
  remittanceClaimId: string,
  era: EraClaim,
  claimId: string | null,
): Promise<
  | { posted: true }
  | {
      posted: false;
      queue: QueueReason | { kind: "unmatched_claim"; reason: string; details: Record<string, unknown> };
    }
> => {
  const [claim] = claimId
    ? await tx
        .select()
        .from(tables.claims)
        .where(and(eq(tables.claims.practiceId, ctx.practiceId), eq(tables.claims.id, claimId)))
    : [];
  if (!claim) {
    return {
      posted: false,
      queue: {
        kind: "unmatched_claim",
        reason: `No claim with patient control number ${era.patientControlNumber}`,
        details: { patientControlNumber: era.patientControlNumber },
      },
    };
  }
  const lines = await tx
    .select()
    .from(tables.claimLines)
    .where(eq(tables.claimLines.claimId, claim.id))
    .orderBy(asc(tables.claimLines.lineNumber));
  const plan = decideClaimPosting(
    era,
    { id: claim.id, payerId: claim.payerId, lines },
    ctx.rules,
    ctx.unknownCodeAction,
    await existingPostings(tx, claim.id),
  );
  if (!plan.post) return { posted: false, queue: plan.queue };
  await applyPostings(
    tx,
    {
      practiceId: ctx.practiceId,
      claimId: claim.id,
      remittanceClaimId,
      postings: plan.postings,
      claimOutcome: plan.outcome,
      payerClaimNumber: plan.payerClaimNumber,
      cause: {
        kind: "remittance",
        remittanceClaimId,
        statusCode: era.statusCode,
        status: claimStatusCodes[era.statusCode] ?? era.statusCode,
      },
      actor: ctx.actor,
    },
    ctx.now,
  );
  await tx
    .update(tables.remittanceClaims)
    .set({ postingStatus: "posted", claimId: claim.id })
    .where(eq(tables.remittanceClaims.id, remittanceClaimId));
  return { posted: true };
};

/**
 * Imports the remittances of an 835 file for a practice. Each transaction set is one remittance, unique per
 * (payer, TRN02): importing the same one again posts nothing. A remittance that does not balance is not
 * auto-posted; it waits in the work queue with its imbalances. Unmatched claims and lines, and adjustment
 * codes the rules block, wait there too; everything else posts in the same transaction.
 */
export const importRemittanceFile = async (
  tx: Executor,
  practiceId: string,
  fileId: string,
  content: string,
  now: Date,
  actor: string,
): Promise<RemittanceImport[]> => {
  const remittances = parse835(content);
  const { settings } = await getClaimsSettings(tx, practiceId);
  const ctx: PostContext = {
    practiceId,
    rules: await loadPostingRules(tx, practiceId),
    unknownCodeAction: settings.unknownCodeAction,
    now,
    actor,
  };
  const results: RemittanceImport[] = [];
  for (const r of remittances) results.push(await importOne(tx, ctx, fileId, r));
  return results;
};

const importOne = async (
  tx: Executor,
  ctx: PostContext,
  fileId: string,
  r: Remittance835,
): Promise<RemittanceImport> => {
  const payerIdentifier =
    r.trace.originatorId ?? r.payment.originatingCompanyId ?? r.payer.id ?? r.payer.name;
  const id = newId(ctx.now.getTime());
  const inserted = await tx
    .insert(tables.remittances)
    .values({
      id,
      practiceId: ctx.practiceId,
      fileId,
      payerName: r.payer.name,
      payerIdentifier,
      traceNumber: r.trace.referenceId,
      paymentMethod: r.payment.method.code,
      paymentDate: r.payment.date ?? null,
      totalPaidCents: r.payment.creditDebit === "D" ? -r.payment.amountCents : r.payment.amountCents,
      providerAdjustmentCents: r.summary.providerAdjustmentTotalCents,
      balanced: r.balance.balanced,
      imbalances: r.balance.imbalances.map((i) => ({ ...i })),
      providerAdjustments: r.summary.providerAdjustments.flatMap((p) =>
        p.items.map((item) => ({
          providerId: p.providerId,
          fiscalPeriodDate: p.fiscalPeriodDate,
          reason: item.reason.code,
          reasonText: item.reason.text ?? null,
          referenceId: item.referenceId ?? null,
          amountCents: item.amountCents,
        })),
      ),
      status: "needs_review",
      claimCount: r.claims.length,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .onConflictDoNothing({
      target: [
        tables.remittances.practiceId,
        tables.remittances.payerIdentifier,
        tables.remittances.traceNumber,
      ],
    })
    .returning({ id: tables.remittances.id });
  if (inserted.length === 0) {
    return {
      remittanceId: null,
      traceNumber: r.trace.referenceId,
      status: "duplicate",
      claims: r.claims.length,
      posted: 0,
      queued: 0,
    };
  }
  const pcns = [...new Set(r.claims.map((c) => c.patientControlNumber))];
  const ours = pcns.length
    ? await tx
        .select({ id: tables.claims.id, pcn: tables.claims.patientControlNumber })
        .from(tables.claims)
        .where(
          and(
            eq(tables.claims.practiceId, ctx.practiceId),
            inArray(tables.claims.patientControlNumber, pcns),
          ),
        )
    : [];
  const claimByPcn = new Map(ours.map((c) => [c.pcn, c.id]));
  let posted = 0;
  let queued = 0;
  for (const [position, c] of r.claims.entries()) {
    const era = toEraClaim(c);
    const remittanceClaimId = newId(ctx.now.getTime());
    const claimId = claimByPcn.get(c.patientControlNumber) ?? null;
    await tx.insert(tables.remittanceClaims).values({
      id: remittanceClaimId,
      practiceId: ctx.practiceId,
      remittanceId: id,
      position,
      claimId,
      patientControlNumber: c.patientControlNumber,
      statusCode: c.status.code,
      chargeCents: c.chargeCents,
      paidCents: c.paidCents,
      patientResponsibilityCents: c.patientResponsibilityCents ?? 0,
      payerClaimNumber: c.payerClaimControlNumber ?? null,
      crossoverPayer: era.crossoverPayer,
      postingStatus: "queued",
      data: { era, balance: c.balance },
    });
    if (!r.balance.balanced) {
      queued++;
      continue;
    }
    const result = await postRemittanceClaim(tx, ctx, remittanceClaimId, era, claimId);
    if (result.posted) posted++;
    else {
      queued++;
      await tx.insert(tables.workQueueItems).values({
        id: newId(ctx.now.getTime()),
        practiceId: ctx.practiceId,
        remittanceId: id,
        remittanceClaimId,
        kind: result.queue.kind,
        reason: result.queue.reason,
        details: result.queue.details,
        createdAt: ctx.now,
      });
    }
  }
  if (!r.balance.balanced) {
    await tx.insert(tables.workQueueItems).values({
      id: newId(ctx.now.getTime()),
      practiceId: ctx.practiceId,
      remittanceId: id,
      remittanceClaimId: null,
      kind: "unbalanced",
      reason: `Remittance ${r.trace.referenceId} does not balance: ${r.balance.imbalances.map((i) => i.message).join("; ")}`,
      details: { imbalances: r.balance.imbalances.map((i) => ({ ...i })) },
      createdAt: ctx.now,
    });
  }
  const status = queued === 0 ? "posted" : posted > 0 ? "partially_posted" : "needs_review";
  await tx.update(tables.remittances).set({ status }).where(eq(tables.remittances.id, id));
  return {
    remittanceId: id,
    traceNumber: r.trace.referenceId,
    status,
    claims: r.claims.length,
    posted,
    queued,
  };
};
