import { DomainError, isDomainError, type StripeEventOutcome } from "@billcycle/core";
import { type Database, type Executor, newId, tables } from "@billcycle/db";
import { and, eq, or } from "drizzle-orm";
import Stripe from "stripe";
import { recordAudit } from "../audit/record-audit";
import { systemActor } from "../auth/actor";
import { PAY_LINK_SETUP_SOURCE } from "../outreach/start-pay-link-card-setup";
import { outcomeOfPaymentIntent } from "./payment-intent-outcome";
import { settleRefund, settleSucceededCharge } from "./settle-card-charge";
import { type StripeCallOptions, stripeClientFor } from "./stripe-client";
import { loadStripeCredentials, type StripeCredentials } from "./stripe-settings";
import { writeClientCards } from "./sync-client-cards";
import { transitionCardCharge } from "./transition-card-charge";
import { transitionCardRefund } from "./transition-card-refund";

/** Stripe's default: a signature older than 5 minutes is refused, so a captured request cannot be replayed later. */
export const STRIPE_WEBHOOK_TOLERANCE_SECONDS = 300;

export type StripeWebhookResult = {
  eventId: string;
  type: string;
  /** A delivery of an event already received: acknowledged, nothing done. */
  duplicate: boolean;
  outcome: StripeEventOutcome;
  note: string | null;
};

const badSignature = (why: string): DomainError =>
  new DomainError("INVALID_SIGNATURE", `The Stripe-Signature header does not verify: ${why}`);

/** Verifies with the practice's signing secret (the SDK's constructEvent), at the server's clock. */
const verify = (
  credentials: StripeCredentials,
  payload: string,
  signature: string,
  now: Date,
): Stripe.Event => {
  try {
    return Stripe.webhooks.constructEvent(
      payload,
      signature,
      credentials.webhookSecret,
      STRIPE_WEBHOOK_TOLERANCE_SECONDS,
      undefined,
      now.getTime(),
    );
  } catch (e) {
    if (e instanceof Stripe.errors.StripeSignatureVerificationError) {
      throw badSignature(
        /tolerance/i.test(e.message) ? "its timestamp is too old (replayed?)" : "wrong signature",
      );
    }
    throw badSignature("malformed event");
  }
};

type Applied = { outcome: StripeEventOutcome; note: string | null };
/** What must be read from Stripe before the transaction (no network calls while holding row locks). */
type Prefetched = { methods?: Stripe.PaymentMethod[]; refunds?: Stripe.Refund[] };

const chargeFor = async (tx: Executor, practiceId: string, pi: Stripe.PaymentIntent) => {
  const charges = tables.cardCharges;
  const ourId = pi.metadata?.billcycle_charge_id;
  const [row] = await tx
    .select()
    .from(charges)
    .where(
      and(
        eq(charges.practiceId, practiceId),
        ourId && /^[0-9a-f-]{36}$/i.test(ourId)
          ? or(eq(charges.id, ourId), eq(charges.stripePaymentIntentId, pi.id))
          : eq(charges.stripePaymentIntentId, pi.id),
      ),
    )
    .for("update");
  return row ?? null;
};

const applyPaymentIntent = async (
  tx: Executor,
  practiceId: string,
  pi: Stripe.PaymentIntent,
  now: Date,
): Promise<Applied> => {
  const charge = await chargeFor(tx, practiceId, pi);
  if (!charge) return { outcome: "ignored", note: "no billcycle charge has this PaymentIntent" };
  const outcome = outcomeOfPaymentIntent(pi);
  if (!outcome) return { outcome: "ignored", note: `PaymentIntent is ${pi.status}: nothing to settle` };
  if (charge.status === outcome.status)
    return { outcome: "processed", note: `charge already ${charge.status}` };
  if (charge.status !== "pending" && charge.status !== "unknown") {
    // Never overwrite a recorded outcome; a person must look (this should not happen: one PaymentIntent per charge).
    return {
      outcome: "processed",
      note: `ATTENTION: Stripe reports ${outcome.status} for charge ${charge.id} recorded as ${charge.status}`,
    };
  }
  const actor = systemActor(practiceId, "stripe-webhook");
  if (outcome.status === "succeeded") {
    await settleSucceededCharge(tx, {
      practiceId,
      id: charge.id,
      stripePaymentIntentId: outcome.stripePaymentIntentId,
      stripeChargeId: outcome.stripeChargeId,
      settledAt: now,
      actor,
    });
  } else await transitionCardCharge(tx, charge, outcome, now, actor);
  return { outcome: "processed", note: `charge ${charge.id} ${outcome.status}` };
};

/**
 * charge.refunded: every refund Stripe lists for the charge is settled here; one made outside billcycle (the
 * Stripe dashboard) is recorded as a refund of its own, so the ledger hears of every refund.
 */
const applyRefunds = async (
  tx: Executor,
  practiceId: string,
  stripeCharge: Stripe.Charge,
  refunds: Stripe.Refund[],
  now: Date,
): Promise<Applied> => {
  const piId =
    typeof stripeCharge.payment_intent === "string"
      ? stripeCharge.payment_intent
      : stripeCharge.payment_intent?.id;
  if (!piId) return { outcome: "ignored", note: "the charge has no PaymentIntent" };
  const charges = tables.cardCharges;
  const [charge] = await tx
    .select()
    .from(charges)
    .where(and(eq(charges.practiceId, practiceId), eq(charges.stripePaymentIntentId, piId)))
    .for("update");
  if (!charge) return { outcome: "ignored", note: "no billcycle charge has this PaymentIntent" };
  const actor = systemActor(practiceId, "stripe-webhook");
  const ours = await tx
    .select()
    .from(tables.cardRefunds)
    .where(and(eq(tables.cardRefunds.practiceId, practiceId), eq(tables.cardRefunds.chargeId, charge.id)));
  let settled = 0;
  let external = 0;
  for (const refund of refunds) {
    const row =
      ours.find((r) => r.stripeRefundId === refund.id) ??
      ours.find((r) => r.id === refund.metadata?.billcycle_refund_id);
    if (row) {
      if (row.status !== "pending" && row.status !== "unknown") continue;
      if (refund.status === "succeeded") {
        const r = await settleRefund(tx, {
          practiceId,
          id: row.id,
          stripeRefundId: refund.id,
          settledAt: now,
          actor,
        });
        if (r.settled) settled++;
      } else if (refund.status === "failed" || refund.status === "canceled") {
        await transitionCardRefund(
          tx,
          row,
          {
            status: "failed",
            stripeRefundId: refund.id,
            failureMessage: `Stripe ${refund.status} the refund`,
          },
          now,
          actor,
        );
      }
      continue;
    }
    if (refund.status !== "succeeded") continue;
    // Made outside billcycle: recorded (amount reserved on the charge like any refund) and settled.
    const id = newId();
    await tx.insert(tables.cardRefunds).values({
      id,
      practiceId,
      chargeId: charge.id,
      amountCents: refund.amount,
      idempotencyKey: `stripe:${refund.id}`,
      status: "pending",
      reason: "made at Stripe",
      stripeRefundId: refund.id,
      createdAt: now,
      updatedAt: now,
    });
    await tx
      .update(charges)
      .set({ refundedCents: charge.refundedCents + refund.amount, updatedAt: now })
      .where(and(eq(charges.practiceId, practiceId), eq(charges.id, charge.id)));
    charge.refundedCents += refund.amount;
    await recordAudit(tx, actor, "create", "card_refund", id, now, { chargeId: charge.id, external: true });
    await settleRefund(tx, { practiceId, id, stripeRefundId: refund.id, settledAt: now, actor });
    external++;
  }
  return { outcome: "processed", note: `refunds settled: ${settled}, made at Stripe: ${external}` };
};

const applySetupIntent = async (
  tx: Executor,
  practiceId: string,
  si: Stripe.SetupIntent,
  methods: Stripe.PaymentMethod[],
  now: Date,
): Promise<Applied> => {
  const customerId = typeof si.customer === "string" ? si.customer : si.customer?.id;
  if (!customerId) return { outcome: "ignored", note: "the SetupIntent has no customer" };
  if (si.metadata?.billcycle_source === PAY_LINK_SETUP_SOURCE) {
    // A new card on the pay page: saved on file only when the patient ticks "save", by the payment itself.
    return { outcome: "ignored", note: "a pay-link card is saved only when the patient asks" };
  }
  const [customer] = await tx
    .select({ clientId: tables.stripeCustomers.clientId })
    .from(tables.stripeCustomers)
    .where(
      and(
        eq(tables.stripeCustomers.practiceId, practiceId),
        eq(tables.stripeCustomers.stripeCustomerId, customerId),
      ),
    );
  if (!customer) return { outcome: "ignored", note: "no billcycle client has this customer" };
  await writeClientCards(tx, {
    actor: { ...systemActor(practiceId, "stripe-webhook"), practiceId },
    clientId: customer.clientId,
    methods,
    now,
  });
  return { outcome: "processed", note: `cards synced: ${methods.length}` };
};

const handledTypes = [
  "payment_intent.succeeded",
  "payment_intent.payment_failed",
  "charge.refunded",
  "setup_intent.succeeded",
] as const;

/**
 * A Stripe webhook delivery for one practice: verified with its signing secret (tolerance 300 s, so an old
 * delivery replayed is refused), stored once by event id (a second delivery is acknowledged and does nothing),
 * and applied in the same transaction as that record. Types billcycle does not act on are recorded as ignored.
 * A practice without Stripe settings answers like a bad signature (its existence is not revealed).
 */
export const handleStripeWebhook = async (
  database: Database,
  {
    practiceId,
    payload,
    signature,
    now,
    stripe: options,
  }: {
    practiceId: string;
    payload: string;
    signature: string | undefined;
    now: Date;
    stripe?: StripeCallOptions;
  },
): Promise<StripeWebhookResult> => {
  if (!signature) throw badSignature("the Stripe-Signature header is missing");
  let credentials: StripeCredentials;
  try {
    credentials = await loadStripeCredentials(database.db, practiceId);
  } catch (e) {
    if (isDomainError(e) && e.details?.reason === "STRIPE_NOT_CONFIGURED")
      throw badSignature("wrong signature");
    throw e;
  }
  const event = verify(credentials, payload, signature, now);
  const events = tables.stripeWebhookEvents;
  const seen = async (): Promise<StripeWebhookResult | null> => {
    const [row] = await database.db
      .select()
      .from(events)
      .where(and(eq(events.practiceId, practiceId), eq(events.eventId, event.id)));
    return row
      ? { eventId: event.id, type: event.type, duplicate: true, outcome: row.outcome, note: row.note }
      : null;
  };
  const earlier = await seen();
  if (earlier) return earlier;

  const prefetched: Prefetched = {};
  const stripe = stripeClientFor(credentials, options);
  // Stripe is read before the transaction; when it cannot be reached the delivery fails (500) and Stripe retries.
  if (event.type === "setup_intent.succeeded") {
    const si = event.data.object as Stripe.SetupIntent;
    const customer = typeof si.customer === "string" ? si.customer : si.customer?.id;
    if (customer) {
      prefetched.methods = [];
      for await (const pm of stripe.paymentMethods.list({ customer, type: "card", limit: 100 })) {
        prefetched.methods.push(pm);
      }
    }
  } else if (event.type === "charge.refunded") {
    const charge = event.data.object as Stripe.Charge;
    const pi = typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id;
    prefetched.refunds = [];
    if (pi)
      for await (const r of stripe.refunds.list({ payment_intent: pi, limit: 100 }))
        prefetched.refunds.push(r);
  }

  return database.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(events)
      .values({
        id: newId(),
        practiceId,
        eventId: event.id,
        type: event.type,
        outcome: "ignored",
        receivedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: [events.practiceId, events.eventId] })
      .returning({ id: events.id });
    if (!inserted) {
      const [row] = await tx
        .select()
        .from(events)
        .where(and(eq(events.practiceId, practiceId), eq(events.eventId, event.id)));
      return {
        eventId: event.id,
        type: event.type,
        duplicate: true,
        outcome: row?.outcome ?? "ignored",
        note: row?.note ?? null,
      };
    }
    let applied: Applied;
    switch (event.type) {
      case "payment_intent.succeeded":
      case "payment_intent.payment_failed":
        applied = await applyPaymentIntent(tx, practiceId, event.data.object as Stripe.PaymentIntent, now);
        break;
      case "charge.refunded":
        applied = await applyRefunds(
          tx,
          practiceId,
          event.data.object as Stripe.Charge,
          prefetched.refunds ?? [],
          now,
        );
        break;
      case "setup_intent.succeeded":
        applied = await applySetupIntent(
          tx,
          practiceId,
          event.data.object as Stripe.SetupIntent,
          prefetched.methods ?? [],
          now,
        );
        break;
      default:
        applied = {
          outcome: "ignored",
          note: `billcycle does not act on ${event.type} (handles ${handledTypes.join(", ")})`,
        };
    }
    await tx
      .update(events)
      .set({ outcome: applied.outcome, note: applied.note })
      .where(eq(events.id, inserted.id));
    return { eventId: event.id, type: event.type, duplicate: false, ...applied };
  });
};
