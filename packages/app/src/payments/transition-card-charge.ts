import { assertTransition, type CardChargeStatus, cardChargeTransitions, notFound } from "@billcycle/core";
import { type Executor, tables } from "@billcycle/db";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import { type Actor, systemActor } from "../auth/actor";

export type CardChargeRow = typeof tables.cardCharges.$inferSelect;

/** What Stripe said (or did not say) about a charge: the fields each outcome sets. */
export type CardChargeOutcome =
  | { status: "succeeded"; stripePaymentIntentId: string; stripeChargeId: string | null }
  | {
      status: "declined";
      stripePaymentIntentId: string | null;
      stripeChargeId: string | null;
      declineCode: string | null;
      failureCode: string | null;
      failureMessage: string;
    }
  | {
      status: "failed";
      stripePaymentIntentId: string | null;
      failureCode: string | null;
      failureMessage: string;
    }
  | { status: "unknown"; stripePaymentIntentId: string | null; failureMessage: string };

/**
 * The one writer of card_charges.status. Locks the row; an outcome equal to the current status changes nothing
 * (the synchronous answer and the webhook may both report one success); any other move must be in
 * cardChargeTransitions. Audited in the caller's transaction. Use settleSucceededCharge for a success: it is the
 * seam where the payment reaches the ledger.
 */
export const transitionCardCharge = async (
  tx: Executor,
  charge: { practiceId: string; id: string },
  outcome: CardChargeOutcome,
  now: Date,
  actor: Actor = systemActor(charge.practiceId, "stripe"),
): Promise<{ row: CardChargeRow; changed: boolean }> => {
  const table = tables.cardCharges;
  const where = and(eq(table.practiceId, charge.practiceId), eq(table.id, charge.id));
  const [current] = await tx.select().from(table).where(where).for("update");
  if (!current) throw notFound("Card charge");
  if (current.status === outcome.status) return { row: current, changed: false };
  assertTransition<CardChargeStatus>("Card charge", cardChargeTransitions, current.status, outcome.status);
  const settled = outcome.status !== "unknown";
  const [row] = await tx
    .update(table)
    .set({
      status: outcome.status,
      stripePaymentIntentId: outcome.stripePaymentIntentId ?? current.stripePaymentIntentId,
      ...(outcome.status === "succeeded" || outcome.status === "declined"
        ? { stripeChargeId: outcome.stripeChargeId ?? current.stripeChargeId }
        : {}),
      ...(outcome.status === "declined"
        ? {
            declineCode: outcome.declineCode,
            failureCode: outcome.failureCode,
            failureMessage: outcome.failureMessage,
          }
        : {}),
      ...(outcome.status === "failed"
        ? { failureCode: outcome.failureCode, failureMessage: outcome.failureMessage }
        : {}),
      ...(outcome.status === "unknown" ? { failureMessage: outcome.failureMessage } : {}),
      ...(outcome.status === "succeeded" ? { failureMessage: null } : {}),
      settledAt: settled ? now : null,
      version: sql`${table.version} + 1`,
      updatedAt: now,
    })
    .where(where)
    .returning();
  await recordAudit(tx, actor, "transition", "card_charge", charge.id, now, {
    from: current.status,
    to: outcome.status,
  });
  return { row: row as CardChargeRow, changed: true };
};
