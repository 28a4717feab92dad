import {
  type AutopayAttemptStatus,
  assertTransition,
  autopayAttemptTransitions,
  notFound,
} from "@billcycle/core";
import { type Executor, tables } from "@billcycle/db";
import { and, eq, sql } from "drizzle-orm";

export type AutopayAttemptRow = typeof tables.autopayAttempts.$inferSelect;

/** What the attempt's charge came to (or why no charge was made). */
export type AutopayAttemptOutcome = {
  status: AutopayAttemptStatus;
  cardChargeId: string | null;
  declineCode?: string | null;
  declineMessage?: string | null;
};

/**
 * The one writer of autopay_attempts.status. Locks the row; the same status changes nothing (two paths may report
 * one outcome); any other move must be in autopayAttemptTransitions.
 */
export const transitionAutopayAttempt = async (
  tx: Executor,
  attempt: { practiceId: string; id: string },
  outcome: AutopayAttemptOutcome,
  now: Date,
): Promise<{ row: AutopayAttemptRow; changed: boolean }> => {
  const a = tables.autopayAttempts;
  const where = and(eq(a.practiceId, attempt.practiceId), eq(a.id, attempt.id));
  const [current] = await tx.select().from(a).where(where).for("update");
  if (!current) throw notFound("Autopay attempt");
  if (
    current.status === outcome.status &&
    current.cardChargeId === (outcome.cardChargeId ?? current.cardChargeId)
  ) {
    return { row: current, changed: false };
  }
  if (current.status !== outcome.status) {
    assertTransition("autopay attempt", autopayAttemptTransitions, current.status, outcome.status);
  }
  const final = outcome.status !== "pending" && outcome.status !== "unknown";
  const [row] = await tx
    .update(a)
    .set({
      status: outcome.status,
      cardChargeId: outcome.cardChargeId ?? current.cardChargeId,
      declineCode: outcome.declineCode ?? null,
      declineMessage: outcome.declineMessage ?? null,
      settledAt: final ? now : null,
      updatedAt: now,
      version: sql`${a.version} + 1`,
    })
    .where(where)
    .returning();
  return { row: row!, changed: true };
};
