import {
  assertTransition,
  type ClaimAdjudication,
  type ClaimFollowUp,
  type ClaimState,
  type ClaimStatus,
  canTransition,
  claimAdjudicationTransitions,
  claimFollowUpTransitions,
  claimTransitions,
  DomainError,
} from "@billcycle/core";
import {
  bulkInsert,
  type Executor,
  everyRow,
  newId,
  oneStatement,
  pgArray,
  runPrepared,
  tables,
} from "@billcycle/db";
import { and, asc, eq, type SQL, sql } from "drizzle-orm";

export type ClaimCause = {
  kind: "run" | "file" | "acknowledgment" | "remittance" | "user" | "scrub";
  [k: string]: unknown;
};

/**
 * This module is the one writer of a claim's two status columns: `status` (its lifecycle, claimTransitions) and
 * `adjudication` (what the payer decided, claimAdjudicationTransitions). New claims start Awaiting Submission with
 * no decision (the columns' defaults).
 *
 * transitionClaims moves claims through the lifecycle, writing each change and its cause to the claim's history.
 * Claims whose current status does not allow the move are left alone and returned in `refused`. A claim that leaves
 * Adjudicated (a late 277CA acceptance) loses its decision with it.
 */
export type ClaimsTransition = {
  practiceId: string;
  claimIds: readonly string[];
  to: ClaimStatus;
  now: Date;
  /** Who, in the history (a user's label or system:<automation>). */
  actor: string;
  cause: ClaimCause;
  /** Columns written with the status (submittedAt, payerClaimNumber, …). */
  extra?: Partial<typeof tables.claims.$inferInsert>;
};

export const transitionClaims = async (
  tx: Executor,
  { practiceId, claimIds, to, now, actor, cause, extra = {} }: ClaimsTransition,
): Promise<{ moved: string[]; refused: Array<{ id: string; from: string }> }> => {
  if (claimIds.length === 0) return { moved: [], refused: [] };
  // Ids travel as one array parameter (no limit on how many); rows are locked in id order.
  const current = await tx
    .select({
      id: tables.claims.id,
      status: tables.claims.status,
      adjudication: tables.claims.adjudication,
    })
    .from(tables.claims)
    .where(
      and(
        eq(tables.claims.practiceId, practiceId),
        sql`${tables.claims.id} = ANY(${pgArray(claimIds, "uuid")}::uuid[])`,
      ),
    )
    .orderBy(asc(tables.claims.id))
    .for("update");
  const allowed = current.filter(
    (c) => c.status !== to && canTransition(claimTransitions, c.status as ClaimStatus, to),
  );
  const refused = current
    .filter((c) => c.status !== to && !allowed.includes(c))
    .map((c) => ({ id: c.id, from: c.status }));
  if (allowed.length === 0) return { moved: [], refused };
  const movedIds = allowed.map((c) => c.id);
  // The claims' new status and their history rows: one statement.
  const update = tx
    .update(tables.claims)
    .set({
      ...extra,
      status: to,
      ...(to === "adjudicated" ? {} : { adjudication: "none" as const }),
      updatedAt: now,
      version: sql`${tables.claims.version} + 1`,
    })
    .where(sql`${tables.claims.id} = ANY(${pgArray(movedIds, "uuid")}::uuid[])`)
    .getSQL();
  await runPrepared(
    tx,
    oneStatement([
      update,
      bulkInsert(tables.claimStatusHistory, {
        id: allowed.map(() => newId(now.getTime())),
        practiceId: everyRow(practiceId),
        claimId: movedIds,
        fromStatus: allowed.map((c) => c.status),
        toStatus: everyRow(to),
        fromAdjudication: allowed.map((c) => c.adjudication),
        toAdjudication: allowed.map((c) => (to === "adjudicated" ? c.adjudication : "none")),
        at: everyRow(now),
        actor: everyRow(actor),
        cause: everyRow(cause),
      }),
    ]),
  );
  return { moved: allowed.map((c) => c.id), refused };
};

/** What a posting batch changes on one claim: amounts as deltas, and its state from `from` to `to` (maybe equal). */
export type ClaimPostingRow = {
  id: string;
  paidDelta: number;
  patientDelta: number;
  payerClaimNumber: string | null;
  versionDelta: number;
  from: ClaimState;
  to: ClaimState;
};

/**
 * The one statement that writes a posting batch's claims: amounts, payer claim number and both status columns, in
 * one UPDATE … FROM unnest (two updates of one row in one statement would lose one). Each state move is asserted
 * against both tables here (nextClaimState decided it); the database moves a claim's state only while it is still
 * in the state the move starts from.
 */
export const claimPostingUpdate = (rows: readonly ClaimPostingRow[], now: Date): SQL => {
  for (const r of rows) {
    if (r.from.status !== r.to.status)
      assertTransition("Claim", claimTransitions, r.from.status, r.to.status);
    if (r.from.adjudication !== r.to.adjudication)
      assertTransition(
        "Claim adjudication",
        claimAdjudicationTransitions,
        r.from.adjudication as ClaimAdjudication,
        r.to.adjudication,
      );
  }
  const col = <T>(f: (r: ClaimPostingRow) => T) => rows.map(f);
  const stillFrom = sql`c.status = u.from_status AND c.adjudication = u.from_adjudication`;
  return sql`UPDATE ${tables.claims} AS c SET paid_cents = c.paid_cents + u.paid,
      patient_responsibility_cents = c.patient_responsibility_cents + u.patient,
      payer_claim_number = coalesce(u.payer_claim_number, c.payer_claim_number),
      status = CASE WHEN ${stillFrom} THEN u.status ELSE c.status END,
      adjudication = CASE WHEN ${stillFrom} THEN u.adjudication ELSE c.adjudication END,
      version = c.version + u.versions, updated_at = ${now.toISOString()}::timestamptz
    FROM unnest(${pgArray(
      col((r) => r.id),
      "uuid",
    )}::uuid[], ${pgArray(
      col((r) => r.paidDelta),
      "bigint",
    )}::bigint[], ${pgArray(
      col((r) => r.patientDelta),
      "bigint",
    )}::bigint[], ${pgArray(
      col((r) => r.payerClaimNumber),
      "text",
    )}::text[], ${pgArray(
      col((r) => r.versionDelta),
      "integer",
    )}::integer[], ${pgArray(
      col((r) => r.to.status),
      "text",
    )}::text[], ${pgArray(
      col((r) => r.to.adjudication),
      "text",
    )}::text[], ${pgArray(
      col((r) => r.from.status),
      "text",
    )}::text[], ${pgArray(
      col((r) => r.from.adjudication),
      "text",
    )}::text[]) AS u(id, paid, patient, payer_claim_number, versions, status, adjudication, from_status,
      from_adjudication)
    WHERE c.id = u.id`;
};

/**
 * Moves one claim's follow-up (what the biller did after a denial: core claimFollowUpTransitions), on the caller's
 * transaction, only while it is still in the state the caller read (a second action at the same time is refused).
 */
export const transitionClaimFollowUp = async (
  tx: Executor,
  input: { practiceId: string; claimId: string; from: ClaimFollowUp; to: ClaimFollowUp; now: Date },
): Promise<void> => {
  assertTransition("Claim follow-up", claimFollowUpTransitions, input.from, input.to);
  const moved = await tx
    .update(tables.claims)
    .set({ followUp: input.to, updatedAt: input.now, version: sql`${tables.claims.version} + 1` })
    .where(
      and(
        eq(tables.claims.practiceId, input.practiceId),
        eq(tables.claims.id, input.claimId),
        eq(tables.claims.followUp, input.from),
      ),
    )
    .returning({ id: tables.claims.id });
  if (moved.length === 0) {
    throw new DomainError("CONFLICT", "The claim was followed up by someone else meanwhile; reload it", {
      claimId: input.claimId,
    });
  }
};
