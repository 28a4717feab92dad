import { DomainError, isValidIcd10, isValidModifier, isValidProcedureCode } from "@billcycle/core";
import { type Executor, newId, tables } from "@billcycle/db";
import { and, asc, eq } from "drizzle-orm";
import { allocateNumbers } from "../../billing/allocate-numbers";
import type { TenantActor } from "../../resources/crud";
import { lockDeniedClaim, recordFollowUp } from "./denied-claim";

/** What a biller may correct on a replacement: the diagnoses and, per line, its code, modifiers and units. */
export type ClaimCorrections = {
  diagnosisCodes?: string[] | undefined;
  lines?:
    | Array<{
        lineNumber: number;
        code?: string | undefined;
        modifiers?: string[] | undefined;
        units?: number | undefined;
      }>
    | undefined;
};

const invalid = (
  code: "INVALID_ICD10" | "INVALID_CPT" | "INVALID_MODIFIER" | "VALIDATION_FAILED",
  message: string,
) => new DomainError(code, message);

/**
 * Replaces a denied claim (frequency 7: corrected) or voids it at the payer (frequency 8) with a new claim of the
 * same invoice, payer and lines, naming the payer's number for the original (REF*F8). The new claim waits for
 * Claims Submission like any other (scrubbed, written by the pipeline's 837P writer); the original's follow-up
 * records what became of it. Refused with PAYER_CLAIM_NUMBER_MISSING when the payer never numbered the original.
 */
export const replaceDeniedClaim = async (
  tx: Executor,
  input: {
    actor: TenantActor;
    claimId: string;
    action: "replace" | "void_at_payer";
    reason: string;
    corrections?: ClaimCorrections | undefined;
    now: Date;
  },
): Promise<{ newClaimId: string; patientControlNumber: string }> => {
  const { actor, now } = input;
  const { claim, decision } = await lockDeniedClaim(tx, actor.practiceId, input.claimId, input.action);
  const lines = await tx
    .select()
    .from(tables.claimLines)
    .where(and(eq(tables.claimLines.practiceId, actor.practiceId), eq(tables.claimLines.claimId, claim.id)))
    .orderBy(asc(tables.claimLines.lineNumber));
  const corrections = input.action === "replace" ? input.corrections : undefined;
  const diagnosisCodes = corrections?.diagnosisCodes ?? claim.diagnosisCodes;
  if (diagnosisCodes.length === 0 || diagnosisCodes.length > 12)
    throw invalid("VALIDATION_FAILED", "A claim has 1 to 12 diagnoses");
  for (const d of diagnosisCodes)
    if (!isValidIcd10(d)) throw invalid("INVALID_ICD10", `${d} is not an ICD-10-CM code`);
  const byNumber = new Map((corrections?.lines ?? []).map((l) => [l.lineNumber, l]));
  for (const n of byNumber.keys())
    if (!lines.some((l) => l.lineNumber === n))
      throw invalid("VALIDATION_FAILED", `The claim has no line ${n}`);
  const newLines = lines.map((l) => {
    const fix = byNumber.get(l.lineNumber);
    const code = fix?.code ?? l.code;
    const modifiers = fix?.modifiers ?? l.modifiers;
    const units = fix?.units ?? l.units;
    if (!isValidProcedureCode(code)) throw invalid("INVALID_CPT", `${code} is not a CPT or HCPCS code`);
    for (const m of modifiers)
      if (!isValidModifier(m)) throw invalid("INVALID_MODIFIER", `${m} is not a procedure modifier`);
    if (modifiers.length > 4) throw invalid("INVALID_MODIFIER", "A line has at most 4 modifiers");
    if (!Number.isInteger(units) || units < 1 || units > 999)
      throw invalid("VALIDATION_FAILED", "Units are a whole number from 1 to 999");
    const pointers = l.diagnosisPointers.filter((p) => p <= diagnosisCodes.length);
    return { ...l, code, modifiers, units, diagnosisPointers: pointers.length ? pointers : [1] };
  });
  const number = await allocateNumbers(tx, actor.practiceId, "claim", 1, 100000);
  const pcn = `BC${number}`;
  const newClaimId = newId(now.getTime());
  await tx.insert(tables.claims).values({
    id: newClaimId,
    practiceId: actor.practiceId,
    createdAt: now,
    updatedAt: now,
    invoiceId: claim.invoiceId,
    clientId: claim.clientId,
    payerId: claim.payerId,
    policyId: claim.policyId,
    payerRank: claim.payerRank,
    frequencyCode: decision.newClaimFrequency!,
    patientControlNumber: pcn,
    replacesClaimId: claim.id,
    replacesPayerClaimNumber: claim.payerClaimNumber,
    totalCents: claim.totalCents,
    diagnosisCodes,
  });
  await tx.insert(tables.claimLines).values(
    newLines.map((l, i) => ({
      id: newId(now.getTime()),
      practiceId: actor.practiceId,
      claimId: newClaimId,
      invoiceLineId: l.invoiceLineId,
      lineNumber: i + 1,
      controlNumber: `${pcn}-${i + 1}`,
      code: l.code,
      modifiers: l.modifiers,
      units: l.units,
      chargeCents: l.chargeCents,
      dateOfService: l.dateOfService,
      diagnosisPointers: l.diagnosisPointers,
    })),
  );
  await tx.insert(tables.claimStatusHistory).values({
    id: newId(now.getTime()),
    practiceId: actor.practiceId,
    claimId: newClaimId,
    fromStatus: null,
    toStatus: "awaiting_submission",
    at: now,
    actor: actor.label,
    cause: { kind: "user", action: input.action, replacesClaimId: claim.id },
  });
  await recordFollowUp(tx, {
    actor,
    claim,
    decision,
    action: input.action,
    reason: input.reason,
    newClaimId,
    now,
  });
  return { newClaimId, patientControlNumber: pcn };
};
