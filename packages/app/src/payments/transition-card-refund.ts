import { assertTransition, type CardRefundStatus, cardRefundTransitions, notFound } from "@billcycle/core";
import { type Executor, tables } from "@billcycle/db";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import { type Actor, systemActor } from "../auth/actor";

export type CardRefundRow = typeof tables.cardRefunds.$inferSelect;

export type CardRefundOutcome =
  | { status: "succeeded"; stripeRefundId: string }
  | { status: "failed"; stripeRefundId: string | null; failureMessage: string }
  | { status: "unknown"; stripeRefundId: string | null; failureMessage: string };

/**
 * The one writer of card_refunds.status. A failed refund gives its amount back to the charge (refunded_cents
 * holds every refund not failed, so a refund can never exceed what was charged, even while one is in flight).
 */
export const transitionCardRefund = async (
  tx: Executor,
  refund: { practiceId: string; id: string },
  outcome: CardRefundOutcome,
  now: Date,
  actor: Actor = systemActor(refund.practiceId, "stripe"),
): Promise<{ row: CardRefundRow; changed: boolean }> => {
  const table = tables.cardRefunds;
  const where = and(eq(table.practiceId, refund.practiceId), eq(table.id, refund.id));
  const [current] = await tx.select().from(table).where(where).for("update");
  if (!current) throw notFound("Card refund");
  if (current.status === outcome.status) return { row: current, changed: false };
  assertTransition<CardRefundStatus>("Card refund", cardRefundTransitions, current.status, outcome.status);
  const [row] = await tx
    .update(table)
    .set({
      status: outcome.status,
      stripeRefundId: outcome.stripeRefundId ?? current.stripeRefundId,
      failureMessage: outcome.status === "succeeded" ? null : outcome.failureMessage,
      settledAt: outcome.status === "unknown" ? null : now,
      version: sql`${table.version} + 1`,
      updatedAt: now,
    })
    .where(where)
    .returning();
  if (outcome.status === "failed") {
    const charges = tables.cardCharges;
    await tx
      .update(charges)
      .set({ refundedCents: sql`${charges.refundedCents} - ${current.amountCents}`, updatedAt: now })
      .where(and(eq(charges.practiceId, refund.practiceId), eq(charges.id, current.chargeId)));
  }
  await recordAudit(tx, actor, "transition", "card_refund", refund.id, now, {
    from: current.status,
    to: outcome.status,
  });
  return { row: row as CardRefundRow, changed: true };
};
