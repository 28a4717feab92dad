import {
  cardChargePurposeKinds,
  cardChargeStatuses,
  cardRefundStatuses,
  stripeEventOutcomes,
} from "@billcycle/core";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { clients } from "./clinic";
import { cents, instant, tenantColumns } from "./columns";
import { practices, users } from "./practice";

/**
 * A practice's Stripe account: every key encrypted at rest like clearinghouse secrets (AES-256-GCM bound to the
 * practice). `api_base_url` points the SDK at another host (the local Stripe fake, for the demo and tests only).
 */
export const stripeSettings = pgTable("stripe_settings", {
  practiceId: uuid("practice_id")
    .primaryKey()
    .references(() => practices.id, { onDelete: "cascade" }),
  publishableKeyCiphertext: text("publishable_key_ciphertext").notNull(),
  secretKeyCiphertext: text("secret_key_ciphertext").notNull(),
  webhookSecretCiphertext: text("webhook_secret_ciphertext").notNull(),
  /** From the secret key's prefix (sk_live_ or rk_live_): live keys move real money. */
  livemode: boolean("livemode").notNull(),
  apiBaseUrl: text("api_base_url"),
  version: integer("version").notNull().default(1),
  updatedAt: instant("updated_at").notNull(),
});

/** The Stripe customer of a client, created the first time a card is set up. */
export const stripeCustomers = pgTable(
  "stripe_customers",
  {
    ...tenantColumns(),
    clientId: uuid("client_id").notNull(),
    stripeCustomerId: text("stripe_customer_id").notNull(),
  },
  (t) => [
    unique("stripe_customers_practice_id_id_key").on(t.practiceId, t.id),
    unique("stripe_customers_client_key").on(t.practiceId, t.clientId),
    unique("stripe_customers_stripe_id_key").on(t.practiceId, t.stripeCustomerId),
    foreignKey({ columns: [t.practiceId], foreignColumns: [practices.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }),
  ],
);

/** A card saved at Stripe for a client (a PaymentMethod): what billcycle shows, never the number. */
export const clientCards = pgTable(
  "client_cards",
  {
    ...tenantColumns(),
    clientId: uuid("client_id").notNull(),
    stripePaymentMethodId: text("stripe_payment_method_id").notNull(),
    brand: text("brand").notNull(),
    last4: text("last4").notNull(),
    expMonth: integer("exp_month").notNull(),
    expYear: integer("exp_year").notNull(),
    /** At most one per client (a partial unique index). */
    isDefault: boolean("is_default").notNull().default(false),
  },
  (t) => [
    unique("client_cards_practice_id_id_key").on(t.practiceId, t.id),
    unique("client_cards_payment_method_key").on(t.practiceId, t.stripePaymentMethodId),
    foreignKey({ columns: [t.practiceId], foreignColumns: [practices.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }),
    index("client_cards_client_idx").on(t.practiceId, t.clientId),
    uniqueIndex("client_cards_one_default_idx").on(t.practiceId, t.clientId).where(sql`${t.isDefault}`),
    check("client_cards_last4_check", sql`${t.last4} ~ '^[0-9]{4}$'`),
    check("client_cards_exp_month_check", sql`${t.expMonth} between 1 and 12`),
    check("client_cards_exp_year_check", sql`${t.expYear} between 2000 and 2200`),
  ],
);

/** Chosen invoices of a manual card charge; an invoice without an amount takes what is left, up to its open. */
export type CardChargeApplyTo = Array<{ invoiceId: string; amountCents?: number | undefined }>;

/**
 * One off-session charge of a client's card. Inserted and committed (pending) before Stripe is called, keyed by
 * what it pays (`idempotency_key`, unique per practice), so a retry finds the row instead of charging again.
 */
export const cardCharges = pgTable(
  "card_charges",
  {
    ...tenantColumns(),
    clientId: uuid("client_id").notNull(),
    amountCents: cents("amount_cents").notNull(),
    currency: text("currency").notNull().default("usd"),
    idempotencyKey: text("idempotency_key").notNull(),
    purposeKind: text("purpose_kind", { enum: cardChargePurposeKinds }).notNull(),
    purposeId: text("purpose_id").notNull(),
    status: text("status", { enum: cardChargeStatuses }).notNull(),
    stripeCustomerId: text("stripe_customer_id").notNull(),
    stripePaymentMethodId: text("stripe_payment_method_id").notNull(),
    cardBrand: text("card_brand").notNull(),
    cardLast4: text("card_last4").notNull(),
    stripePaymentIntentId: text("stripe_payment_intent_id"),
    stripeChargeId: text("stripe_charge_id"),
    /** Stripe's reason for a decline (insufficient_funds, expired_card, …) and its message. */
    declineCode: text("decline_code"),
    failureCode: text("failure_code"),
    failureMessage: text("failure_message"),
    /** Refunds not failed (pending, unknown or succeeded): never more than the amount (a check constraint). */
    refundedCents: cents("refunded_cents").notNull().default(0),
    /** The invoices a manual charge pays, as the biller chose them (null: oldest first). */
    applyTo: jsonb("apply_to").$type<CardChargeApplyTo>(),
    settledAt: instant("settled_at"),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    unique("card_charges_practice_id_id_key").on(t.practiceId, t.id),
    unique("card_charges_idempotency_key").on(t.practiceId, t.idempotencyKey),
    unique("card_charges_payment_intent_key").on(t.practiceId, t.stripePaymentIntentId),
    foreignKey({ columns: [t.practiceId], foreignColumns: [practices.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }),
    index("card_charges_client_idx").on(t.practiceId, t.clientId, t.createdAt),
    index("card_charges_purpose_idx").on(t.practiceId, t.purposeKind, t.purposeId),
    index("card_charges_unresolved_idx")
      .on(t.practiceId, t.createdAt)
      .where(sql`${t.status} in ('pending','unknown')`),
    check("card_charges_amount_check", sql`${t.amountCents} > 0`),
    check(
      "card_charges_refunded_check",
      sql`${t.refundedCents} >= 0 and ${t.refundedCents} <= ${t.amountCents}`,
    ),
    check(
      "card_charges_status_check",
      sql`${t.status} in ('pending','succeeded','declined','failed','unknown')`,
    ),
    check("card_charges_purpose_kind_check", sql`${t.purposeKind} in ('autopay_attempt','manual')`),
    check(
      "card_charges_refund_only_succeeded_check",
      sql`${t.refundedCents} = 0 or ${t.status} = 'succeeded'`,
    ),
  ],
);

/** A refund of (part of) a card charge, written before Stripe is called like the charge itself. */
export const cardRefunds = pgTable(
  "card_refunds",
  {
    ...tenantColumns(),
    chargeId: uuid("charge_id").notNull(),
    amountCents: cents("amount_cents").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    status: text("status", { enum: cardRefundStatuses }).notNull(),
    reason: text("reason"),
    stripeRefundId: text("stripe_refund_id"),
    failureMessage: text("failure_message"),
    settledAt: instant("settled_at"),
    createdBy: uuid("created_by").references(() => users.id),
  },
  (t) => [
    unique("card_refunds_practice_id_id_key").on(t.practiceId, t.id),
    unique("card_refunds_idempotency_key").on(t.practiceId, t.idempotencyKey),
    unique("card_refunds_stripe_refund_key").on(t.practiceId, t.stripeRefundId),
    foreignKey({ columns: [t.practiceId], foreignColumns: [practices.id] }).onDelete("cascade"),
    foreignKey({
      columns: [t.practiceId, t.chargeId],
      foreignColumns: [cardCharges.practiceId, cardCharges.id],
    }),
    index("card_refunds_charge_idx").on(t.practiceId, t.chargeId),
    check("card_refunds_amount_check", sql`${t.amountCents} > 0`),
    check("card_refunds_status_check", sql`${t.status} in ('pending','succeeded','failed','unknown')`),
  ],
);

/** Every Stripe webhook event received, once per practice: a second delivery of the same id is ignored. */
export const stripeWebhookEvents = pgTable(
  "stripe_webhook_events",
  {
    ...tenantColumns(),
    eventId: text("event_id").notNull(),
    type: text("type").notNull(),
    outcome: text("outcome", { enum: stripeEventOutcomes }).notNull(),
    /** Why it was ignored (an event type billcycle does not act on), or what it changed. No card data. */
    note: text("note"),
    receivedAt: instant("received_at").notNull(),
  },
  (t) => [
    unique("stripe_webhook_events_practice_id_id_key").on(t.practiceId, t.id),
    unique("stripe_webhook_events_event_key").on(t.practiceId, t.eventId),
    foreignKey({ columns: [t.practiceId], foreignColumns: [practices.id] }).onDelete("cascade"),
    check("stripe_webhook_events_outcome_check", sql`${t.outcome} in ('processed','ignored')`),
  ],
);
