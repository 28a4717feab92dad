import { X12Error } from "../../errors.js";
import type { Claim837P } from "../../model/837p.js";

/** Names the parts of a split claim; default `PCN-1`, `PCN-2`, … */
export type SplitSuffix = (patientControlNumber: string, part: number, parts: number) => string;

/** The default {@link SplitSuffix}: `PCN-1`, `PCN-2`, … */
export const defaultSplitSuffix: SplitSuffix = (pcn, part) => `${pcn}-${part}`;

/**
 * Splits a claim with more lines than the guide allows (50 per claim) into several claims, each with
 * its own patient control number. Every part keeps all diagnosis codes (so line pointers stay valid);
 * the patient paid amount stays on the first part only; each part's total is its own lines' sum.
 * `path` locates the claim in the batch for errors (e.g. `transactions[0].claims[3]`).
 */
export function splitClaim(
  claim: Claim837P,
  maxLines: number,
  suffix: SplitSuffix,
  maxPcnLength: number,
  path?: string,
): Claim837P[] {
  const lines = claim.lines;
  if (lines.length <= maxLines) return [claim];
  const parts = Math.ceil(lines.length / maxLines);
  const out: Claim837P[] = [];
  for (let i = 0; i < parts; i++) {
    const pcn: unknown = suffix(claim.patientControlNumber, i + 1, parts);
    const at = path === undefined ? "patientControlNumber" : `${path}.patientControlNumber`;
    if (typeof pcn !== "string" || pcn.trim() === "") {
      throw new X12Error("INVALID_MODEL", "splitSuffix returned no patient control number", {
        path: at,
        expected: "a non-empty string",
        found: String(pcn),
      });
    }
    if (pcn.length > maxPcnLength) {
      throw new X12Error("INVALID_MODEL", "the patient control number of a split claim part is too long", {
        path: at,
        expected: `at most ${maxPcnLength} characters (shorten CLM01 or pass splitSuffix)`,
        found: pcn,
      });
    }
    const part: Claim837P = {
      ...claim,
      patientControlNumber: pcn,
      lines: lines.slice(i * maxLines, (i + 1) * maxLines),
      totalChargeCents: undefined,
    };
    if (i > 0) part.patientPaidCents = undefined;
    out.push(part);
  }
  return out;
}
