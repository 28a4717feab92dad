import { isBlocked, type ScrubEdit, type ScrubInput, scrubClaim } from "@billcycle/core";
import {
  bulkInsert,
  type Executor,
  everyRow,
  newId,
  pgArray,
  rowsOf,
  runPrepared,
  tables,
} from "@billcycle/db";
import { sql } from "drizzle-orm";
import { getClaimsSettings } from "./claims-settings";
import { type ClaimDetails, loadClaimDetails } from "./load-claim-details";
import { toScrubInput } from "./map-claim";
import { transitionClaims } from "./transition-claims";

export type ScrubResult = {
  claimId: string;
  patientControlNumber: string;
  edits: ScrubEdit[];
  blocked: boolean;
};

/** Earlier live claims for the same client, provider, procedure and date of service (the duplicate edit). */
const findDuplicates = async (tx: Executor, practiceId: string, claimIds: readonly string[]) => {
  // A small batch (PGlite scrubs 50 claims per transaction) looks each line up among its client's own claims
  // (claims_client_idx; OFFSET 0 keeps the planner from joining with every claim line of the practice, which it did
  // on PGlite's stale statistics): its cost stays that of the batch however many claims the practice has. A large
  // one (PostgreSQL scrubs a night at once) is left to the planner, which hashes the practice's lines once.
  const perLine = claimIds.length <= 1000;
  const rows = rowsOf<{ claim_id: string; other_pcn: string; date_of_service: string; code: string }>(
    await tx.execute(sql`
      SELECT DISTINCT mine.claim_id, other.other_pcn, mine.date_of_service::text AS date_of_service, mine.code
      FROM claims mine_claim
      JOIN claim_lines mine ON mine.claim_id = mine_claim.id
      JOIN invoice_lines mine_il ON mine_il.id = mine.invoice_line_id
      JOIN appointments mine_appt ON mine_appt.id = mine_il.appointment_id
      JOIN LATERAL (
        SELECT other_claim.patient_control_number AS other_pcn
        FROM claims other_claim
        JOIN claim_lines other ON other.claim_id = other_claim.id AND other.code = mine.code
          AND other.date_of_service = mine.date_of_service
        JOIN invoice_lines other_il ON other_il.id = other.invoice_line_id
        JOIN appointments other_appt ON other_appt.id = other_il.appointment_id AND other_appt.provider_id = mine_appt.provider_id
        WHERE other_claim.practice_id = mine_claim.practice_id AND other_claim.client_id = mine_claim.client_id
          AND other.claim_id <> mine.claim_id AND other_claim.status <> 'void' AND other_claim.frequency_code = '1'
          AND other_claim.created_at <= mine_claim.created_at AND other_claim.invoice_id <> mine_claim.invoice_id
        ${perLine ? sql`OFFSET 0` : sql``}
      ) other ON true
      WHERE mine_claim.practice_id = ${practiceId} AND mine_claim.id = ANY(${pgArray(claimIds, "uuid")}::uuid[])`),
  );
  const by = new Map<string, ScrubInput["duplicates"]>();
  for (const r of rows) {
    const list = by.get(r.claim_id) ?? [];
    list.push({ patientControlNumber: r.other_pcn, dateOfService: r.date_of_service, code: r.code });
    by.set(r.claim_id, list);
  }
  return by;
};

/**
 * Scrubs claims and records the result. Blocking edits move a claim to Scrubber Rejected; a rejected claim that
 * now passes (its data was fixed) goes back to Awaiting Submission.
 */
export type ScrubRequest = {
  practiceId: string;
  claimIds: readonly string[];
  /** The practice's local date (timely filing is counted to it). */
  today: string;
  now: Date;
  actor: string;
  /** false: decide only, write nothing (a dry run). */
  persist?: boolean;
};

export const scrubClaims = async (tx: Executor, request: ScrubRequest): Promise<ScrubResult[]> =>
  (await scrubClaimsWithDetails(tx, request)).results;

/**
 * `scrubClaims`, also returning the details the claims were scrubbed with (in the results' order), so the caller
 * writes the 837P from exactly what was scrubbed without loading it again.
 */
export const scrubClaimsWithDetails = async (
  tx: Executor,
  request: ScrubRequest,
  /** Told the decisions as soon as they are made, before they are written (to use them meanwhile). */
  onDecided?: (decided: { results: ScrubResult[]; details: ClaimDetails[] }) => void,
): Promise<{ results: ScrubResult[]; details: ClaimDetails[] }> => {
  const { practiceId, claimIds, today, now, actor, persist } = request;
  if (claimIds.length === 0) {
    onDecided?.({ results: [], details: [] });
    return { results: [], details: [] };
  }
  const { settings } = await getClaimsSettings(tx, practiceId);
  // One after another: `tx` may be a transaction (one session).
  const details = await loadClaimDetails(tx, practiceId, claimIds);
  const duplicates = await findDuplicates(tx, practiceId, claimIds);
  const results: ScrubResult[] = details.map((d) => {
    const edits = scrubClaim(
      toScrubInput(d, duplicates.get(d.claim.id) ?? [], today),
      settings.disabledWarnings,
    );
    return {
      claimId: d.claim.id,
      patientControlNumber: d.claim.patientControlNumber,
      edits,
      blocked: isBlocked(edits),
    };
  });
  onDecided?.({ results, details });
  if (persist === false) return { results, details };
  // Scrub rows: one INSERT … SELECT FROM unnest, however many claims.
  await runPrepared(
    tx,
    bulkInsert(tables.claimScrubs, {
      id: results.map(() => newId(now.getTime())),
      practiceId: everyRow(practiceId),
      claimId: results.map((r) => r.claimId),
      at: everyRow(now),
      blocking: results.map((r) => r.blocked),
      edits: results.map((r) => r.edits),
    }),
  );
  const rejected = results.filter((r) => r.blocked).map((r) => r.claimId);
  const passedAfterFix = results
    .filter((r, i) => !r.blocked && details[i]!.claim.status === "scrubber_rejected")
    .map((r) => r.claimId);
  await transitionClaims(tx, {
    practiceId,
    claimIds: rejected,
    to: "scrubber_rejected",
    now,
    actor,
    cause: {
      kind: "scrub",
      codes: [
        ...new Set(
          results
            .filter((r) => r.blocked)
            .flatMap((r) => r.edits.filter((e) => e.severity === "blocking").map((e) => e.code)),
        ),
      ],
    },
  });
  await transitionClaims(tx, {
    practiceId,
    claimIds: passedAfterFix,
    to: "awaiting_submission",
    now,
    actor,
    cause: { kind: "scrub", passed: true },
  });
  return { results, details };
};
