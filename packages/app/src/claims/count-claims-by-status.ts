import {
  type ClaimAdjudication,
  type ClaimStage,
  type ClaimStatus,
  claimStageOf,
  claimStages,
} from "@billcycle/core";
import { type Database, type Executor, tables } from "@billcycle/db";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";

export const claimCountsSchema = z
  .strictObject({ counts: z.strictObject(Object.fromEntries(claimStages.map((s) => [s, z.int().min(0)]))) })
  .meta({ id: "ClaimCounts" });

/**
 * How many claims the practice has at each stage a biller sees (claimStageOf), every stage present: the sums of
 * the practice's count changes, which triggers on `claims` append per statement (claims have no status index).
 */
export const countClaimsByStatus = async (
  tx: Executor,
  practiceId: string,
): Promise<{ counts: Record<ClaimStage, number> }> => {
  const t = tables.claimCountChanges;
  const rows = await tx
    .select({ status: t.status, adjudication: t.adjudication, n: sql<string>`sum(${t.delta})` })
    .from(t)
    .where(eq(t.practiceId, practiceId))
    .groupBy(t.status, t.adjudication);
  const counts = Object.fromEntries(claimStages.map((s) => [s, 0])) as Record<ClaimStage, number>;
  for (const r of rows)
    counts[claimStageOf(r.status as ClaimStatus, r.adjudication as ClaimAdjudication)] += Number(r.n);
  return { counts };
};

/**
 * Folds a practice's claim count changes into one row per (status, adjudication), in one statement: a row appended
 * meanwhile is not in this statement's snapshot and stays; a concurrent compaction's rows are deleted once.
 */
export const compactClaimCounts = async (tx: Executor, practiceId: string): Promise<void> => {
  await tx.execute(sql`
    WITH folded AS (
      DELETE FROM claim_count_changes WHERE practice_id = ${practiceId} RETURNING status, adjudication, delta
    )
    INSERT INTO claim_count_changes (practice_id, status, adjudication, delta)
    SELECT ${practiceId}::uuid, status, adjudication, sum(delta) FROM folded
    GROUP BY status, adjudication HAVING sum(delta) <> 0`);
};

/**
 * The scheduler's fold: every practice with more than `threshold` count changes is compacted, one transaction
 * each, so the board's counts stay a sum over a few rows whatever runs in the practice.
 */
export const compactClaimCountsWhereMany = async (
  database: Database,
  threshold = 500,
): Promise<{ compacted: number }> => {
  const t = tables.claimCountChanges;
  const many = await database.db
    .select({ practiceId: t.practiceId })
    .from(t)
    .groupBy(t.practiceId)
    .having(sql`count(*) > ${threshold}`);
  for (const { practiceId } of many) await compactClaimCounts(database.db, practiceId);
  return { compacted: many.length };
};
