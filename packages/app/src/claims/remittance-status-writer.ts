import {
  DomainError,
  decideRemittanceStatus,
  type PostingStatus,
  postingStatusTransitions,
  remittanceTransitions,
  sourcesOf,
} from "@billcycle/core";
import {
  type BulkColumns,
  bulkInsert,
  type Executor,
  everyRow,
  pgArray,
  runPrepared,
  tables,
} from "@billcycle/db";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";

/**
 * The one writer of `remittances.status` and `remittance_claims.posting_status`. Moves are asserted in SQL: a row is
 * updated only while its current status is one the table lets move to the target (`sourcesOf`).
 */
const remittances = tables.remittances;
const remittanceClaims = tables.remittanceClaims;

/** A remittance registered for posting: Posting. */
export const insertPostingRemittance = (tx: Executor, row: Omit<typeof remittances.$inferInsert, "status">) =>
  tx.insert(remittances).values({ ...row, status: "posting" });

/**
 * Once every batch is in, the remittance's status from its claims' (decideRemittanceStatus); only a remittance still
 * Posting moves, so a resumed import that finds it settled changes nothing.
 */
export const settleRemittance = async (
  tx: Executor,
  remittanceId: string,
  counts: { posted: number; waiting: number },
) => {
  const status = decideRemittanceStatus(counts);
  await runPrepared(
    tx,
    sql`UPDATE ${remittances} SET status = ${status}
      WHERE id = ${remittanceId}::uuid
        AND status = ANY(${pgArray(sourcesOf(remittanceTransitions, status), "text")}::text[])`,
  );
  return status;
};

/** The remittance's claims as read, each Posted or Queued (the states a row starts in). */
export const insertRemittanceClaims = (
  columns: Omit<BulkColumns<typeof remittanceClaims>, "practiceId" | "remittanceId"> & {
    postingStatus: string[];
  },
  practiceId: string,
  remittanceId: string,
): SQL => {
  for (const s of columns.postingStatus) {
    if (s !== "posted" && s !== "queued")
      throw new DomainError("ILLEGAL_TRANSITION", `A remittance claim cannot start as ${s}`);
  }
  return bulkInsert(remittanceClaims, {
    ...columns,
    practiceId: everyRow(practiceId),
    remittanceId: everyRow(remittanceId),
  });
};

const postingMove = (to: PostingStatus) =>
  sql`${remittanceClaims.postingStatus} = ANY(${pgArray(sourcesOf(postingStatusTransitions, to), "text")}::text[])`;

/** A queued claim a person posted (or matched to one of ours and posted): Posted, as a statement for a batch. */
export const markRemittanceClaimPosted = (remittanceClaimId: string, claimId: string | null): SQL =>
  sql`UPDATE ${remittanceClaims} SET posting_status = 'posted', claim_id = ${claimId}::uuid
    WHERE id = ${remittanceClaimId}::uuid AND ${postingMove("posted")}`;

/** A queued claim a person dismissed: Dismissed. */
export const dismissRemittanceClaim = async (tx: Executor, remittanceClaimId: string) => {
  await tx
    .update(remittanceClaims)
    .set({ postingStatus: "dismissed" })
    .where(
      and(
        eq(remittanceClaims.id, remittanceClaimId),
        inArray(remittanceClaims.postingStatus, sourcesOf(postingStatusTransitions, "dismissed")),
      ),
    );
};
