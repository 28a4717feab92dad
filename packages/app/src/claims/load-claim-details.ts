import { type Executor, pgArray, tables } from "@billcycle/db";
import { and, asc, eq, sql } from "drizzle-orm";

export type ClaimDetails = {
  claim: typeof tables.claims.$inferSelect;
  /** With the provider of each line's session (null: a line without one). */
  lines: Array<typeof tables.claimLines.$inferSelect & { providerId: string | null }>;
  practice: typeof tables.practices.$inferSelect;
  client: typeof tables.clients.$inferSelect;
  policy: typeof tables.insurancePolicies.$inferSelect;
  payer: typeof tables.payers.$inferSelect;
  provider: typeof tables.providers.$inferSelect | null;
  location: typeof tables.locations.$inferSelect | null;
};

/**
 * Everything a claim needs to be scrubbed and written as an 837P, for many claims in a few queries: the claim and
 * its lines (each with its session's provider), its practice (billing provider), client, policy and payer, and
 * the session's provider and location (of the claim's first line with a session). Claim ids travel as one array
 * parameter, however many there are. Rows shared by many claims (the practice, a client, a policy, payers, providers, locations) are loaded once and shared; claims
 * without their client, policy or payer are left out.
 */
export const loadClaimDetails = async (
  tx: Executor,
  practiceId: string,
  claimIds: readonly string[],
): Promise<ClaimDetails[]> => {
  if (claimIds.length === 0) return [];
  const ids = pgArray(claimIds, "uuid");
  const [practice] = await tx.select().from(tables.practices).where(eq(tables.practices.id, practiceId));
  if (!practice) return [];
  // Queries run one after another: `tx` may be a transaction (one session).
  const claims = await tx
    .select()
    .from(tables.claims)
    .where(and(eq(tables.claims.practiceId, practiceId), sql`${tables.claims.id} = ANY(${ids}::uuid[])`))
    .orderBy(asc(tables.claims.id));
  if (claims.length === 0) return [];
  // Each line with its session's provider and location (a line without a session has neither).
  const lines = await tx
    .select({
      line: tables.claimLines,
      providerId: tables.appointments.providerId,
      locationId: tables.appointments.locationId,
    })
    .from(tables.claimLines)
    .leftJoin(tables.invoiceLines, eq(tables.invoiceLines.id, tables.claimLines.invoiceLineId))
    .leftJoin(tables.appointments, eq(tables.appointments.id, tables.invoiceLines.appointmentId))
    .where(
      and(
        eq(tables.claimLines.practiceId, practiceId),
        sql`${tables.claimLines.claimId} = ANY(${ids}::uuid[])`,
      ),
    )
    .orderBy(asc(tables.claimLines.claimId), asc(tables.claimLines.lineNumber));
  const distinct = (values: string[]) => pgArray([...new Set(values)], "uuid");
  const clients = await tx
    .select()
    .from(tables.clients)
    .where(
      and(
        eq(tables.clients.practiceId, practiceId),
        sql`${tables.clients.id} = ANY(${distinct(claims.map((c) => c.clientId))}::uuid[])`,
      ),
    );
  const policies = await tx
    .select()
    .from(tables.insurancePolicies)
    .where(
      and(
        eq(tables.insurancePolicies.practiceId, practiceId),
        sql`${tables.insurancePolicies.id} = ANY(${distinct(claims.map((c) => c.policyId))}::uuid[])`,
      ),
    );
  const payers = await tx.select().from(tables.payers).where(eq(tables.payers.practiceId, practiceId));
  // The session behind each claim's first line that has one: its provider and location (loaded once each, below).
  const sessions: Array<{ claimId: string; providerId: string; locationId: string }> = [];
  for (const { line, providerId, locationId } of lines) {
    if (providerId === null || locationId === null) continue;
    if (sessions.at(-1)?.claimId !== line.claimId)
      sessions.push({ claimId: line.claimId, providerId, locationId });
  }
  const providers = sessions.length
    ? await tx
        .select()
        .from(tables.providers)
        .where(sql`${tables.providers.id} = ANY(${distinct(sessions.map((s) => s.providerId))}::uuid[])`)
    : [];
  const locations = sessions.length
    ? await tx
        .select()
        .from(tables.locations)
        .where(sql`${tables.locations.id} = ANY(${distinct(sessions.map((s) => s.locationId))}::uuid[])`)
    : [];
  const by = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
  const clientsById = by(clients);
  const policiesById = by(policies);
  const payersById = by(payers);
  const providersById = by(providers);
  const locationsById = by(locations);
  const sessionByClaim = new Map(sessions.map((s) => [s.claimId, s]));
  const linesByClaim = new Map<string, ClaimDetails["lines"]>();
  for (const { line, providerId } of lines) {
    const list = linesByClaim.get(line.claimId);
    if (list) list.push({ ...line, providerId });
    else linesByClaim.set(line.claimId, [{ ...line, providerId }]);
  }
  const out: ClaimDetails[] = [];
  for (const claim of claims) {
    const client = clientsById.get(claim.clientId);
    const policy = policiesById.get(claim.policyId);
    const payer = payersById.get(claim.payerId);
    if (!client || !policy || !payer) continue;
    const session = sessionByClaim.get(claim.id);
    // A session's provider and location are both there or, when the join found nothing, both absent.
    const provider = session ? providersById.get(session.providerId) : undefined;
    const location = session ? locationsById.get(session.locationId) : undefined;
    out.push({
      claim,
      lines: linesByClaim.get(claim.id) ?? [],
      practice,
      client,
      policy,
      payer,
      provider: provider && location ? provider : null,
      location: provider && location ? location : null,
    });
  }
  return out;
};
