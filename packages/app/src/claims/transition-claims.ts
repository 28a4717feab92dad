import { type ClaimStatus, canTransition, claimTransitions, DomainError } from "@billcycle/core";
import { type Executor, newId, tables } from "@billcycle/db";
import { and, eq, inArray, sql } from "drizzle-orm";

export type ClaimCause = {
  kind: "run" | "file" | "acknowledgment" | "remittance" | "user" | "scrub";
  [k: string]: unknown;
};

/**
 * Moves claims through the one claim transition table, writing each change and its cause to the claim's history.
 * Claims whose current status does not allow the move are left alone and returned in `refused`.
 */
export const transitionClaims = async (
  tx: Executor,
  practiceId: string,
  claimIds: readonly string[],
  to: ClaimStatus,
  now: Date,
  actor: string,
  cause: ClaimCause,
  extra: Partial<typeof tables.claims.$inferInsert> = {},
): Promise<{ moved: string[]; refused: Array<{ id: string; from: string }> }> => {
  if (claimIds.length === 0) return { moved: [], refused: [] };
  const current = await tx
    .select({ id: tables.claims.id, status: tables.claims.status })
    .from(tables.claims)
    .where(and(eq(tables.claims.practiceId, practiceId), inArray(tables.claims.id, [...claimIds])))
    .for("update");
  const allowed = current.filter(
    (c) => c.status !== to && canTransition(claimTransitions, c.status as ClaimStatus, to),
  );
  const refused = current
    .filter((c) => c.status !== to && !allowed.includes(c))
    .map((c) => ({ id: c.id, from: c.status }));
  if (allowed.length === 0) return { moved: [], refused };
  await tx
    .update(tables.claims)
    .set({ ...extra, status: to, updatedAt: now, version: sql`${tables.claims.version} + 1` })
    .where(
      inArray(
        tables.claims.id,
        allowed.map((c) => c.id),
      ),
    );
  await tx.insert(tables.claimStatusHistory).values(
    allowed.map((c) => ({
      id: newId(now.getTime()),
      practiceId,
      claimId: c.id,
      fromStatus: c.status,
      toStatus: to,
      at: now,
      actor,
      cause,
    })),
  );
  return { moved: allowed.map((c) => c.id), refused };
};

export const assertClaimTransition = (from: string, to: ClaimStatus) => {
  if (!canTransition(claimTransitions, from as ClaimStatus, to)) {
    throw new DomainError("ILLEGAL_TRANSITION", `Claim cannot go from ${from} to ${to}`, { from, to });
  }
};
