import type { EraClaim } from "@billcycle/core";
import type { Claim835, X12Error } from "@billcycle/x12";

/** Why a remittance claim waits for a person, as its work item says. */
export type QueuedReason = { kind: string; reason: string; details: Record<string, unknown> };

/** A claim's reader warnings: the first few kept, and how many more. */
export type ClaimProblems = { kept: X12Error[]; more: number };

/** What became of one CLP of a remittance: posted, held with its whole remittance, or queued with a reason. */
export type RemittanceClaimFate =
  | { kind: "posted" }
  | { kind: "held" }
  | { kind: "malformed"; problems: ClaimProblems }
  | { kind: "queued"; queue: QueuedReason };

export type RemittanceClaimRow = {
  id: string;
  position: number;
  claimId: string | null;
  patientControlNumber: string;
  statusCode: string;
  chargeCents: number;
  paidCents: number;
  patientResponsibilityCents: number;
  payerClaimNumber: string | null;
  crossoverPayer: string | null;
  remarkCodes: string[];
  postingStatus: "posted" | "queued";
  data: Record<string, unknown>;
};

export type WorkItemRow = {
  id: string;
  remittanceClaimId: string;
  kind: string;
  reason: string;
  details: Record<string, unknown>;
};

/** The patient as the payer named them, for a work item no claim of ours matched. */
const patientNameOf = (n: Claim835["patient"]): string | null =>
  n ? [n.firstName, n.middleName, n.lastName].filter(Boolean).join(" ") || null : null;

/** The claim's RARC remark codes: outpatient (MOA), inpatient (MIA) and its lines' LQ*HE, once each. */
const remarkCodesOf = (c: Claim835): string[] => [
  ...new Set([
    ...(c.outpatient?.remarkCodes ?? []),
    ...(c.inpatient?.remarkCodes ?? []),
    ...c.services.flatMap((s) => s.remarks.filter((r) => r.qualifier === "HE").map((r) => r.code)),
  ]),
];

/**
 * The rows one CLP leaves: its remittance claim (posted or queued) and, when a person must act, its work item. The
 * decoded ERA claim is kept only where a person must still act on it (the work queue posts from it); a posted
 * claim's outcome is in its postings, and the file itself is stored.
 */
export const planRemittanceClaim = (input: {
  id: string;
  claim: Claim835;
  era: EraClaim;
  claimId: string | null;
  fate: RemittanceClaimFate;
  newId: () => string;
}): { row: RemittanceClaimRow; workItem: WorkItemRow | null } => {
  const { claim: c, era, fate } = input;
  const queued = queuedReason(c, fate);
  const status = fate.kind === "posted" ? "posted" : "queued";
  return {
    row: {
      id: input.id,
      position: c.index,
      claimId: input.claimId,
      patientControlNumber: c.patientControlNumber,
      statusCode: c.status.code,
      chargeCents: c.chargeCents,
      paidCents: c.paidCents,
      patientResponsibilityCents: c.patientResponsibilityCents ?? 0,
      payerClaimNumber: c.payerClaimControlNumber ?? null,
      crossoverPayer: era.crossoverPayer,
      remarkCodes: remarkCodesOf(c),
      postingStatus: status,
      data: status === "queued" ? { era, balance: c.balance, patientName: patientNameOf(c.patient) } : {},
    },
    workItem: queued ? { id: input.newId(), remittanceClaimId: input.id, ...queued } : null,
  };
};

/** The work item's reason, or null: a posted claim needs none, and a held one's remittance has its own. */
const queuedReason = (c: Claim835, fate: RemittanceClaimFate): QueuedReason | null => {
  if (fate.kind === "queued") return fate.queue;
  if (fate.kind !== "malformed") return null;
  const { kept, more } = fate.problems;
  return {
    kind: "malformed_claim",
    reason:
      `Claim ${c.patientControlNumber} (segment ${c.segmentNumber}) is not written correctly in the file: ` +
      kept.map((w) => w.message).join("; ") +
      (more ? `; and ${more} more` : ""),
    details: {
      problems: kept.map((w) => ({ code: w.code, message: w.message })),
      ...(more ? { moreProblems: more } : {}),
    },
  };
};
