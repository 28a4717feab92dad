import { formatCents } from "../../values/money.js";
import type { Adjustment835, BalanceResult, Claim835, Imbalance, ServiceLine835 } from "./types.js";

function sumAdjustments(adjustments: readonly Adjustment835[]): number {
  let total = 0;
  for (let i = 0; i < adjustments.length; i++) total += (adjustments[i] as Adjustment835).amountCents;
  return total;
}

function money(cents: number): string {
  return formatCents(cents) || "0";
}

/**
 * Line and claim balancing of the 835 guide:
 * - line: SVC02 charge − ΣCAS(line) = SVC03 paid;
 * - claim: CLP03 − ΣCAS(claim) − ΣCAS(all lines) = CLP04.
 */
export function balanceClaim(claim: Claim835): BalanceResult {
  let imbalances: Imbalance[] | undefined;
  let lineAdjustments = 0;
  const services = claim.services;
  for (let i = 0; i < services.length; i++) {
    const line = services[i] as ServiceLine835;
    const adj = sumAdjustments(line.adjustments);
    lineAdjustments += adj;
    const computed = line.chargeCents - adj;
    if (computed !== line.paidCents) {
      imbalances ??= [];
      imbalances.push({
        level: "line",
        patientControlNumber: claim.patientControlNumber,
        claimIndex: claim.index,
        lineNumber: i + 1,
        reportedCents: line.paidCents,
        computedCents: computed,
        differenceCents: line.paidCents - computed,
        message: `claim ${claim.patientControlNumber} line ${i + 1}: SVC02 ${money(line.chargeCents)} − ΣCAS ${money(adj)} = ${money(computed)}, but SVC03 is ${money(line.paidCents)}`,
      });
    }
  }
  const claimAdj = sumAdjustments(claim.adjustments);
  const computed = claim.chargeCents - claimAdj - lineAdjustments;
  if (computed !== claim.paidCents) {
    imbalances ??= [];
    imbalances.push({
      level: "claim",
      patientControlNumber: claim.patientControlNumber,
      claimIndex: claim.index,
      segmentNumber: claim.segmentNumber,
      reportedCents: claim.paidCents,
      computedCents: computed,
      differenceCents: claim.paidCents - computed,
      message: `claim ${claim.patientControlNumber}: CLP03 ${money(claim.chargeCents)} − ΣCAS ${money(claimAdj + lineAdjustments)} = ${money(computed)}, but CLP04 is ${money(claim.paidCents)}`,
    });
  }
  return imbalances === undefined ? BALANCED : { balanced: false, imbalances };
}

/** The result of every balanced claim: one shared frozen object. */
const BALANCED: BalanceResult = Object.freeze({ balanced: true, imbalances: Object.freeze([]) });

/**
 * Transaction balancing: ΣCLP04 − ΣPLB = BPR02. A debit (BPR03 = D) is a negative payment.
 * Returns `undefined` when it balances.
 */
export function balanceTransaction(
  totalPaidCents: number,
  providerAdjustmentTotalCents: number,
  bprAmountCents: number,
  creditDebit: string,
  bprSegmentNumber: number | undefined,
): Imbalance | undefined {
  const reported = creditDebit === "D" ? -bprAmountCents : bprAmountCents;
  const computed = totalPaidCents - providerAdjustmentTotalCents;
  if (computed === reported) return undefined;
  return {
    level: "transaction",
    segmentNumber: bprSegmentNumber,
    reportedCents: reported,
    computedCents: computed,
    differenceCents: reported - computed,
    message: `transaction: ΣCLP04 ${money(totalPaidCents)} − ΣPLB ${money(providerAdjustmentTotalCents)} = ${money(computed)}, but BPR02 is ${money(reported)}`,
  };
}
