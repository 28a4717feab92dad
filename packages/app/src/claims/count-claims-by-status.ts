import {
  type ClaimAdjudication,
  type ClaimStage,
  type ClaimStatus,
  claimStageOf,
  claimStages,
} from "@billcycle/core";
import { type Executor, tables } from "@billcycle/db";
import { count, eq } from "drizzle-orm";
import { z } from "zod";

export const claimCountsSchema = z
  .strictObject({ counts: z.strictObject(Object.fromEntries(claimStages.map((s) => [s, z.int().min(0)]))) })
  .meta({ id: "ClaimCounts" });

/** How many claims the practice has at each stage a biller sees (claimStageOf), every stage present. */
export const countClaimsByStatus = async (
  tx: Executor,
  practiceId: string,
): Promise<{ counts: Record<ClaimStage, number> }> => {
  const rows = await tx
    .select({ status: tables.claims.status, adjudication: tables.claims.adjudication, n: count() })
    .from(tables.claims)
    .where(eq(tables.claims.practiceId, practiceId))
    .groupBy(tables.claims.status, tables.claims.adjudication);
  const counts = Object.fromEntries(claimStages.map((s) => [s, 0])) as Record<ClaimStage, number>;
  for (const r of rows)
    counts[claimStageOf(r.status as ClaimStatus, r.adjudication as ClaimAdjudication)] += Number(r.n);
  return { counts };
};
