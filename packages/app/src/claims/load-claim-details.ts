import { type Executor, tables } from "@billcycle/db";
import { and, asc, eq, inArray } from "drizzle-orm";

export type ClaimDetails = {
  claim: typeof tables.claims.$inferSelect;
  lines: Array<typeof tables.claimLines.$inferSelect>;
  practice: typeof tables.practices.$inferSelect;
  client: typeof tables.clients.$inferSelect;
  policy: typeof tables.insurancePolicies.$inferSelect;
  payer: typeof tables.payers.$inferSelect;
  provider: typeof tables.providers.$inferSelect | null;
  location: typeof tables.locations.$inferSelect | null;
};

/**
 * Everything a claim needs to be scrubbed and written as an 837P, for many claims in a few queries: the claim and
 * lines, its practice (billing provider), client, policy, payer, and the session's provider and location.
 */
export const loadClaimDetails = async (
  tx: Executor,
  practiceId: string,
  claimIds: readonly string[],
): Promise<ClaimDetails[]> => {
  if (claimIds.length === 0) return [];
  const ids = [...claimIds];
  const claims = await tx
    .select()
    .from(tables.claims)
    .where(and(eq(tables.claims.practiceId, practiceId), inArray(tables.claims.id, ids)))
    .orderBy(asc(tables.claims.id));
  const [lines, practice, clients, policies, payers, sessions] = await Promise.all([
    tx
      .select()
      .from(tables.claimLines)
      .where(and(eq(tables.claimLines.practiceId, practiceId), inArray(tables.claimLines.claimId, ids)))
      .orderBy(asc(tables.claimLines.claimId), asc(tables.claimLines.lineNumber)),
    tx.select().from(tables.practices).where(eq(tables.practices.id, practiceId)),
    tx
      .select()
      .from(tables.clients)
      .where(
        and(
          eq(tables.clients.practiceId, practiceId),
          inArray(
            tables.clients.id,
            claims.map((c) => c.clientId),
          ),
        ),
      ),
    tx
      .select()
      .from(tables.insurancePolicies)
      .where(
        and(
          eq(tables.insurancePolicies.practiceId, practiceId),
          inArray(
            tables.insurancePolicies.id,
            claims.map((c) => c.policyId),
          ),
        ),
      ),
    tx.select().from(tables.payers).where(eq(tables.payers.practiceId, practiceId)),
    // The session behind each claim line: its provider and location.
    tx
      .select({
        claimId: tables.claimLines.claimId,
        provider: tables.providers,
        location: tables.locations,
      })
      .from(tables.claimLines)
      .innerJoin(tables.invoiceLines, eq(tables.invoiceLines.id, tables.claimLines.invoiceLineId))
      .innerJoin(tables.appointments, eq(tables.appointments.id, tables.invoiceLines.appointmentId))
      .innerJoin(tables.providers, eq(tables.providers.id, tables.appointments.providerId))
      .innerJoin(tables.locations, eq(tables.locations.id, tables.appointments.locationId))
      .where(and(eq(tables.claimLines.practiceId, practiceId), inArray(tables.claimLines.claimId, ids))),
  ]);
  const p = practice[0];
  if (!p) return [];
  const by = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  const clientsById = by(clients);
  const policiesById = by(policies);
  const payersById = by(payers);
  const sessionByClaim = new Map(sessions.map((s) => [s.claimId, s]));
  return claims.flatMap((claim) => {
    const client = clientsById.get(claim.clientId);
    const policy = policiesById.get(claim.policyId);
    const payer = payersById.get(claim.payerId);
    if (!client || !policy || !payer) return [];
    const session = sessionByClaim.get(claim.id);
    return [
      {
        claim,
        lines: lines.filter((l) => l.claimId === claim.id),
        practice: p,
        client,
        policy,
        payer,
        provider: session?.provider ?? null,
        location: session?.location ?? null,
      },
    ];
  });
};
