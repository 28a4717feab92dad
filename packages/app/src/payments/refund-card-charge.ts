import { DomainError, notFound } from "@billcycle/core";
import { type Database, newId, tables } from "@billcycle/db";
import { and, eq, sql } from "drizzle-orm";
import Stripe from "stripe";
import { recordAudit } from "../audit/record-audit";
import { type Actor, systemActor } from "../auth/actor";
import type { CardRefundView } from "./payment-schemas";
import { settleRefund } from "./settle-card-charge";
import { isStripeOutcomeUnknown, type StripeCallOptions, stripeClientFor } from "./stripe-client";
import { loadStripeCredentials } from "./stripe-settings";
import { type CardRefundOutcome, type CardRefundRow, transitionCardRefund } from "./transition-card-refund";

export type RefundCardChargeInput = {
  practiceId: string;
  chargeId: string;
  /** Omitted: whatever of the charge is not refunded yet. */
  amountCents?: number;
  /** One refund per key, ever (a retried request returns the first refund). */
  idempotencyKey: string;
  reason?: string;
  now: Date;
  actor?: Actor;
  stripe?: StripeCallOptions;
};

export const stripeRefundIdempotencyKey = (practiceId: string, idempotencyKey: string): string =>
  `billcycle:refund:${practiceId}:${idempotencyKey}`;

export const toCardRefundView = (row: CardRefundRow): CardRefundView => ({
  id: row.id,
  chargeId: row.chargeId,
  amountCents: row.amountCents,
  idempotencyKey: row.idempotencyKey,
  status: row.status,
  reason: row.reason,
  stripeRefundId: row.stripeRefundId,
  failureMessage: row.failureMessage,
  createdAt: row.createdAt.toISOString(),
  settledAt: row.settledAt?.toISOString() ?? null,
});

const outcomeOfRefund = (refund: Stripe.Refund): CardRefundOutcome =>
  refund.status === "succeeded"
    ? { status: "succeeded", stripeRefundId: refund.id }
    : refund.status === "failed" || refund.status === "canceled"
      ? {
          status: "failed",
          stripeRefundId: refund.id,
          failureMessage: `Stripe ${refund.status === "failed" ? "could not make" : "canceled"} the refund`,
        }
      : {
          status: "unknown",
          stripeRefundId: refund.id,
          failureMessage: `Stripe is still processing the refund (${refund.status})`,
        };

const settle = (
  database: Database,
  row: CardRefundRow,
  outcome: CardRefundOutcome,
  now: Date,
  actor: Actor,
) =>
  database.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(tables.cardRefunds)
      .where(and(eq(tables.cardRefunds.practiceId, row.practiceId), eq(tables.cardRefunds.id, row.id)))
      .for("update");
    if (!current || (current.status !== "pending" && current.status !== "unknown")) return current ?? row;
    if (outcome.status === "succeeded") {
      return (
        await settleRefund(tx, {
          practiceId: row.practiceId,
          id: row.id,
          stripeRefundId: outcome.stripeRefundId,
          settledAt: now,
          actor,
        })
      ).row;
    }
    return (await transitionCardRefund(tx, current, outcome, now, actor)).row;
  });

/** Asks Stripe what became of a refund whose answer was lost (by its id, else by ours in the metadata). */
export const resolveCardRefund = async (
  database: Database,
  row: CardRefundRow,
  { now, stripe: options }: { now: Date; stripe?: StripeCallOptions | undefined },
): Promise<CardRefundRow> => {
  if (row.status !== "pending" && row.status !== "unknown") return row;
  const stripe = stripeClientFor(await loadStripeCredentials(database.db, row.practiceId), options);
  const [charge] = await database.db
    .select()
    .from(tables.cardCharges)
    .where(and(eq(tables.cardCharges.practiceId, row.practiceId), eq(tables.cardCharges.id, row.chargeId)));
  let found: Stripe.Refund | null = null;
  try {
    if (row.stripeRefundId) found = await stripe.refunds.retrieve(row.stripeRefundId);
    else if (charge?.stripePaymentIntentId) {
      for await (const r of stripe.refunds.list({
        payment_intent: charge.stripePaymentIntentId,
        limit: 100,
      })) {
        if (r.metadata?.billcycle_refund_id === row.id) {
          found = r;
          break;
        }
      }
    }
  } catch {
    return row;
  }
  const actor = systemActor(row.practiceId, "stripe");
  if (found) return settle(database, row, outcomeOfRefund(found), now, actor);
  return row;
};

/**
 * Refunds (part of) a succeeded card charge, at most once per idempotency key and never more than was charged: the
 * amount is reserved on the charge (refunded_cents, under a row lock and a check constraint) in the transaction that
 * writes the refund, committed before Stripe is called. A refund Stripe refuses gives its amount back; one whose
 * answer is lost stays unknown and is resolved by asking Stripe.
 */
export const refundCardCharge = async (
  database: Database,
  input: RefundCardChargeInput,
): Promise<CardRefundView> => {
  const { practiceId, chargeId, idempotencyKey, now } = input;
  const actor = input.actor ?? systemActor(practiceId, "refund");
  if (
    input.amountCents !== undefined &&
    (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0)
  ) {
    throw new DomainError("INVALID_MONEY", "A refund is a whole, positive number of cents");
  }
  if (idempotencyKey.length < 1 || idempotencyKey.length > 200) {
    throw new DomainError("VALIDATION_FAILED", "idempotencyKey must be 1 to 200 characters");
  }
  const refunds = tables.cardRefunds;
  const charges = tables.cardCharges;
  const byKey = and(eq(refunds.practiceId, practiceId), eq(refunds.idempotencyKey, idempotencyKey));
  const existingFor = async (row: CardRefundRow): Promise<CardRefundView> => {
    if (
      row.chargeId !== chargeId ||
      (input.amountCents !== undefined && row.amountCents !== input.amountCents)
    ) {
      throw new DomainError("CONFLICT", "This idempotency key was already used for another refund", {
        reason: "IDEMPOTENCY_KEY_REUSED",
        refundId: row.id,
      });
    }
    return toCardRefundView(await resolveCardRefund(database, row, { now, stripe: input.stripe }));
  };
  const [known] = await database.db
    .select({ id: charges.id })
    .from(charges)
    .where(and(eq(charges.practiceId, practiceId), eq(charges.id, chargeId)));
  if (!known) throw notFound("Card charge");
  const [already] = await database.db.select().from(refunds).where(byKey);
  if (already) return existingFor(already);
  const stripe = stripeClientFor(await loadStripeCredentials(database.db, practiceId), input.stripe);

  const created = await database.db.transaction(async (tx) => {
    const [charge] = await tx
      .select()
      .from(charges)
      .where(and(eq(charges.practiceId, practiceId), eq(charges.id, chargeId)))
      .for("update");
    if (!charge) throw notFound("Card charge");
    if (charge.status !== "succeeded" || !charge.stripePaymentIntentId) {
      throw new DomainError(
        "CONFLICT",
        `Only a succeeded charge can be refunded; this one is ${charge.status}`,
        {
          reason: "CHARGE_NOT_REFUNDABLE",
        },
      );
    }
    const remaining = charge.amountCents - charge.refundedCents;
    const amountCents = input.amountCents ?? remaining;
    if (remaining <= 0 || amountCents > remaining) {
      throw new DomainError(
        "CONFLICT",
        remaining <= 0
          ? "This charge is already refunded in full"
          : `A refund of ${amountCents} cents is more than the ${remaining} cents of this charge not yet refunded`,
        { reason: "REFUND_EXCEEDS_CHARGE", remainingCents: remaining },
      );
    }
    const [row] = await tx
      .insert(refunds)
      .values({
        id: newId(),
        practiceId,
        chargeId,
        amountCents,
        idempotencyKey,
        status: "pending",
        reason: input.reason ?? null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: [refunds.practiceId, refunds.idempotencyKey] })
      .returning();
    if (!row) return null;
    await tx
      .update(charges)
      .set({ refundedCents: sql`${charges.refundedCents} + ${amountCents}`, updatedAt: now })
      .where(and(eq(charges.practiceId, practiceId), eq(charges.id, chargeId)));
    await recordAudit(tx, actor, "create", "card_refund", row.id, now, { chargeId, amountCents });
    return { row, paymentIntentId: charge.stripePaymentIntentId };
  });
  if (!created) {
    const [winner] = await database.db.select().from(refunds).where(byKey);
    if (!winner) throw new DomainError("INTERNAL", "A refund key conflicted but no refund holds it");
    return existingFor(winner);
  }

  let outcome: CardRefundOutcome;
  try {
    const refund = await stripe.refunds.create(
      {
        payment_intent: created.paymentIntentId,
        amount: created.row.amountCents,
        metadata: { billcycle_refund_id: created.row.id, billcycle_practice_id: practiceId },
      },
      { idempotencyKey: stripeRefundIdempotencyKey(practiceId, idempotencyKey) },
    );
    outcome = outcomeOfRefund(refund);
  } catch (e) {
    outcome =
      isStripeOutcomeUnknown(e) || !(e instanceof Stripe.errors.StripeError)
        ? {
            status: "unknown",
            stripeRefundId: null,
            failureMessage: "No answer from Stripe; it will be asked",
          }
        : { status: "failed", stripeRefundId: null, failureMessage: e.message };
  }
  return toCardRefundView(await settle(database, created.row, outcome, now, actor));
};
