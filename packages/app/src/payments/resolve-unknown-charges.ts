import { type Database, tables } from "@billcycle/db";
import { and, asc, eq, lte, or } from "drizzle-orm";
import type Stripe from "stripe";
import { outcomeOfPaymentIntent } from "./payment-intent-outcome";
import { settleSucceededCharge } from "./settle-card-charge";
import { type StripeCallOptions, stripeClientFor } from "./stripe-client";
import { loadStripeCredentials } from "./stripe-settings";
import { type CardChargeOutcome, type CardChargeRow, transitionCardCharge } from "./transition-card-charge";

/** A pending charge this old was left by a crash between the commit and Stripe's answer (the call times out first). */
export const DEFAULT_PENDING_AFTER_MS = 5 * 60_000;
/**
 * A charge Stripe has no PaymentIntent for, this long after it was attempted, was never charged: the request did
 * not reach Stripe or Stripe refused it before charging (a 500 with no work done). Well beyond the call's timeout.
 */
export const DEFAULT_GIVE_UP_AFTER_MS = 10 * 60_000;

export type ResolveOptions = {
  now: Date;
  stripe?: StripeCallOptions | undefined;
  giveUpAfterMs?: number;
};

export type ResolveUnknownChargesResult = {
  checked: number;
  succeeded: number;
  declined: number;
  failed: number;
  stillUnknown: number;
};

/** The PaymentIntent made for this charge: by its stored id, else among the customer's by our charge id. */
const findPaymentIntent = async (
  stripe: Stripe,
  row: CardChargeRow,
): Promise<Stripe.PaymentIntent | null> => {
  if (row.stripePaymentIntentId) return stripe.paymentIntents.retrieve(row.stripePaymentIntentId);
  // List (not search): listing is consistent at once, search can lag by a minute and miss a fresh PaymentIntent.
  const since = Math.floor(row.createdAt.getTime() / 1000) - 24 * 3600;
  for await (const pi of stripe.paymentIntents.list({
    customer: row.stripeCustomerId,
    created: { gte: since },
    limit: 100,
  })) {
    if (pi.metadata?.billcycle_charge_id === row.id) return pi;
  }
  return null;
};

/**
 * Asks Stripe what became of one pending or unknown charge and records it. Never creates a PaymentIntent: a
 * charge Stripe never made stays unknown until `giveUpAfterMs` has passed, then is failed (nothing was charged).
 * Stripe unreachable: the row is left as it is for the next try.
 */
export const resolveCardCharge = async (
  database: Database,
  row: CardChargeRow,
  options: ResolveOptions,
): Promise<CardChargeRow> => {
  if (row.status !== "pending" && row.status !== "unknown") return row;
  const stripe = stripeClientFor(await loadStripeCredentials(database.db, row.practiceId), options.stripe);
  let pi: Stripe.PaymentIntent | null;
  try {
    pi = await findPaymentIntent(stripe, row);
  } catch {
    return row;
  }
  const giveUpAfterMs = options.giveUpAfterMs ?? DEFAULT_GIVE_UP_AFTER_MS;
  let outcome: CardChargeOutcome | null = pi ? outcomeOfPaymentIntent(pi) : null;
  if (!outcome && !pi && options.now.getTime() - row.createdAt.getTime() >= giveUpAfterMs) {
    outcome = {
      status: "failed",
      stripePaymentIntentId: null,
      failureCode: "no_payment_intent",
      failureMessage: "Stripe made no payment for this charge: the card was not charged",
    };
  }
  const settled: CardChargeOutcome = outcome ?? {
    status: "unknown",
    stripePaymentIntentId: pi?.id ?? null,
    failureMessage: pi
      ? `Stripe has not finished the payment (${pi.status})`
      : "Stripe has no payment for this charge yet; it will be asked again",
  };
  return database.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(tables.cardCharges)
      .where(and(eq(tables.cardCharges.practiceId, row.practiceId), eq(tables.cardCharges.id, row.id)))
      .for("update");
    if (!current || (current.status !== "pending" && current.status !== "unknown")) return current ?? row;
    if (settled.status === "succeeded") {
      return (
        await settleSucceededCharge(tx, {
          practiceId: row.practiceId,
          id: row.id,
          stripePaymentIntentId: settled.stripePaymentIntentId,
          stripeChargeId: settled.stripeChargeId,
          settledAt: options.now,
        })
      ).row;
    }
    return (await transitionCardCharge(tx, current, settled, options.now)).row;
  });
};

/**
 * The janitor for charges whose outcome is not known: every `unknown` charge, and every `pending` one older than
 * `pendingAfterMs` (its process died after committing it). Each is resolved by asking Stripe (resolveCardCharge);
 * none is ever charged again. Scoped to one practice when `practiceId` is given.
 */
export const resolveUnknownCharges = async (
  database: Database,
  {
    practiceId,
    now,
    stripe,
    pendingAfterMs = DEFAULT_PENDING_AFTER_MS,
    giveUpAfterMs = DEFAULT_GIVE_UP_AFTER_MS,
    limit = 500,
  }: {
    practiceId?: string;
    now: Date;
    stripe?: StripeCallOptions;
    pendingAfterMs?: number;
    giveUpAfterMs?: number;
    limit?: number;
  },
): Promise<ResolveUnknownChargesResult> => {
  const charges = tables.cardCharges;
  const stale = new Date(now.getTime() - pendingAfterMs);
  const rows = await database.db
    .select()
    .from(charges)
    .where(
      and(
        practiceId ? eq(charges.practiceId, practiceId) : undefined,
        or(eq(charges.status, "unknown"), and(eq(charges.status, "pending"), lte(charges.createdAt, stale))),
      ),
    )
    .orderBy(asc(charges.createdAt))
    .limit(limit);
  const result: ResolveUnknownChargesResult = {
    checked: 0,
    succeeded: 0,
    declined: 0,
    failed: 0,
    stillUnknown: 0,
  };
  for (const row of rows) {
    result.checked++;
    const after = await resolveCardCharge(database, row, { now, stripe, giveUpAfterMs });
    if (after.status === "succeeded") result.succeeded++;
    else if (after.status === "declined") result.declined++;
    else if (after.status === "failed") result.failed++;
    else result.stillUnknown++;
  }
  return result;
};
