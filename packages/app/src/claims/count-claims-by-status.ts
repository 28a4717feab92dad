import { type ClaimStatus, claimStatuses } from "@billcycle/core";
import { type Executor, tables } from "@billcycle/db";
import { count, eq } from "drizzle-orm";
import { z } from "zod";

export const claimCountsSchema = z
  .strictObject({ counts: z.strictObject(Object.fromEntries(claimStatuses.map((s) => [s, z.int().min(0)]))) })
  .meta({ id: "ClaimCounts" });

/** How many claims the practice has in each status, every status present (zero included). */
export const countClaimsByStatus = async (
  tx: Executor,
  practiceId: string,
): Promise<{ counts: Record<ClaimStatus, number> }> => {
  const rows = await tx
    .select({ status: tables.claims.status, n: count() })
    .from(tables.claims)
    .where(eq(tables.claims.practiceId, practiceId))
    .groupBy(tables.claims.status);
  const counts = Object.fromEntries(claimStatuses.map((s) => [s, 0])) as Record<ClaimStatus, number>;
  for (const r of rows) counts[r.status as ClaimStatus] = Number(r.n);
  return { counts };
};
