import { type ClaimStatus, canTransition, claimTransitions, DomainError } from "@billcycle/core";
import { type Executor, newId, tables } from "@billcycle/db";
import { and, asc, eq, sql } from "drizzle-orm";
import { bulkInsert, everyRow, oneStatement, pgArray, runPrepared } from "../billing/bulk-insert";

export type ClaimCause = {
  kind: "run" | "file" | "acknowledgment" | "remittance" | "user" | "scrub";
  [k: string]: unknown;
};

/**
 * Moves claims through the one claim transition table, writing each change and its cause to the claim's history.
 * Claims whose current status does not allow the move are left alone and returned in `refused`.
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
    .select({ id: tables.claims.id, status: tables.claims.status })
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
    .set({ ...extra, status: to, updatedAt: now, version: sql`${tables.claims.version} + 1` })
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
        at: everyRow(now),
        actor: everyRow(actor),
        cause: everyRow(cause),
      }),
    ]),
  );
  return { moved: allowed.map((c) => c.id), refused };
};

export const assertClaimTransition = (from: string, to: ClaimStatus) => {
  if (!canTransition(claimTransitions, from as ClaimStatus, to)) {
    throw new DomainError("ILLEGAL_TRANSITION", `Claim cannot go from ${from} to ${to}`, { from, to });
  }
};
