import {
  type CardChargePurposeKind,
  DomainError,
  decideCardExpired,
  decidePaymentAllocation,
  notFound,
  type PaymentApplication,
} from "@billcycle/core";
import { type CardChargeApplyTo, type Database, type Executor, newId, tables } from "@billcycle/db";
import { and, eq } from "drizzle-orm";
import Stripe from "stripe";
import { recordAudits } from "../audit/record-audit";
import { type Actor, systemActor } from "../auth/actor";
import { practiceToday } from "../automation/practice-today";
import { loadClientInvoices } from "../ledger/ledger-writes";
import { assertClientInPractice } from "./client-in-practice";
import { findDefaultCard } from "./list-client-cards";
import { outcomeOfPaymentIntent } from "./payment-intent-outcome";
import type { CardChargeView } from "./payment-schemas";
import { resolveCardCharge } from "./resolve-unknown-charges";
import { settleCardChargeAnswers } from "./settle-card-charge";
import { isStripeOutcomeUnknown, type StripeCallOptions, stripeClientFor } from "./stripe-client";
import { loadStripeCredentials } from "./stripe-settings";
import type { CardChargeOutcome, CardChargeRow } from "./transition-card-charge";

export type ChargeCardInput = {
  practiceId: string;
  clientId: string;
  amountCents: number;
  /** Derived from what the charge pays (e.g. `autopay_attempt:<attempt id>`): one charge per key, ever. */
  idempotencyKey: string;
  purpose: { kind: CardChargePurposeKind; id: string };
  /** The invoices a manual charge pays (validated now, applied when it settles); oldest first when omitted. */
  apply?: PaymentApplication | undefined;
  now: Date;
  /** Who asked (a user for a manual charge); the autopay job's system actor by default. */
  actor?: Actor;
  stripe?: StripeCallOptions;
  /**
   * The card to charge, on the client's Stripe customer, when it is not the default card on file: a new card the
   * patient just gave Stripe on the pay page (read back from Stripe by the caller).
   */
  card?: { stripePaymentMethodId: string; brand: string; last4: string; expMonth: number; expYear: number };
};

export type ChargeCardResult = {
  charge: CardChargeView;
  /** True when the key already had a charge: nothing new was sent to Stripe (it may have been resolved). */
  existing: boolean;
};

/** Stripe allows keys up to 255 characters; the practice id scopes ours in case two practices share an account. */
export const stripeChargeIdempotencyKey = (practiceId: string, idempotencyKey: string): string =>
  `billcycle:charge:${practiceId}:${idempotencyKey}`;

export const toCardChargeView = (row: CardChargeRow): CardChargeView => ({
  id: row.id,
  clientId: row.clientId,
  amountCents: row.amountCents,
  currency: row.currency,
  idempotencyKey: row.idempotencyKey,
  purposeKind: row.purposeKind,
  purposeId: row.purposeId,
  status: row.status,
  cardBrand: row.cardBrand,
  cardLast4: row.cardLast4,
  stripePaymentIntentId: row.stripePaymentIntentId,
  declineCode: row.declineCode,
  failureCode: row.failureCode,
  failureMessage: row.failureMessage,
  refundedCents: row.refundedCents,
  applyTo: row.applyTo ?? null,
  createdAt: row.createdAt.toISOString(),
  settledAt: row.settledAt?.toISOString() ?? null,
});

/** What the answer (or the error) to PaymentIntents.create says. */
const outcomeOfCreate = (result: { pi: Stripe.PaymentIntent } | { error: unknown }): CardChargeOutcome => {
  if ("pi" in result) {
    return (
      outcomeOfPaymentIntent(result.pi) ?? {
        status: "unknown",
        stripePaymentIntentId: result.pi.id,
        failureMessage: `Stripe has not finished the payment (${result.pi.status}); its webhook will settle it`,
      }
    );
  }
  const e = result.error;
  if (e instanceof Stripe.errors.StripeCardError) {
    const pi = e.payment_intent as Stripe.PaymentIntent | undefined;
    return {
      status: "declined",
      stripePaymentIntentId: pi?.id ?? null,
      stripeChargeId: typeof e.charge === "string" ? e.charge : null,
      declineCode: e.decline_code ?? e.code ?? null,
      failureCode: e.code ?? null,
      failureMessage: e.message,
    };
  }
  if (isStripeOutcomeUnknown(e) || !(e instanceof Stripe.errors.StripeError)) {
    return {
      status: "unknown",
      stripePaymentIntentId: null,
      failureMessage: `No answer from Stripe (${e instanceof Error ? e.name : "error"}); Stripe will be asked what happened`,
    };
  }
  // Refused before anything was charged (bad request, wrong key, rate limit): nothing happened at Stripe.
  return {
    status: "failed",
    stripePaymentIntentId: null,
    failureCode: e.code ?? e.type,
    failureMessage: e.message,
  };
};

const applyToOf = (apply: PaymentApplication | undefined): CardChargeApplyTo | null =>
  apply?.kind === "chosen"
    ? apply.invoices.map((i) =>
        i.amountCents === undefined
          ? { invoiceId: i.invoiceId }
          : { invoiceId: i.invoiceId, amountCents: i.amountCents },
      )
    : null;

const sameRequest = (row: CardChargeRow, input: ChargeCardInput): boolean =>
  row.clientId === input.clientId &&
  row.amountCents === input.amountCents &&
  row.purposeKind === input.purpose.kind &&
  row.purposeId === input.purpose.id &&
  JSON.stringify(row.applyTo ?? null) === JSON.stringify(applyToOf(input.apply));

/**
 * Chosen invoices must be this client's, issued, with something open, each amount within what is open and all
 * of them within the charge (decidePaymentAllocation's checks): refused before anything is charged.
 */
const assertChosenInvoices = async (
  tx: Executor,
  input: { practiceId: string; clientId: string; amountCents: number; applyTo: CardChargeApplyTo },
) => {
  const openInvoices = await loadClientInvoices(tx, {
    practiceId: input.practiceId,
    clientId: input.clientId,
    lock: false,
    invoiceIds: input.applyTo.map((i) => i.invoiceId),
  });
  const apply = { kind: "chosen", invoices: input.applyTo } as const;
  decidePaymentAllocation({ amountCents: input.amountCents, openInvoices, apply });
  for (const invoice of openInvoices) {
    if (invoice.openCents <= 0) {
      throw new DomainError("EXCEEDS_OPEN_AMOUNT", `Invoice ${invoice.number} has nothing open to pay`, {
        invoiceId: invoice.invoiceId,
        openCents: invoice.openCents,
      });
    }
  }
};

/**
 * Charges the client's default card off-session, at most once per idempotency key. The charge row is inserted and
 * COMMITTED (pending) before Stripe is called, so a timeout, a 500 or a crash leaves a row that
 * resolveUnknownCharges settles by asking Stripe. Stripe gets an idempotency key derived from the same key, and the
 * charge id in the PaymentIntent's metadata. A key already used returns its charge (resolving it first when its
 * outcome is unknown) and never calls PaymentIntents.create again; the same key with another client, amount or
 * purpose is refused. A decline is a result (status declined, Stripe's decline code and message), not an error.
 */
export const chargeCard = async (database: Database, input: ChargeCardInput): Promise<ChargeCardResult> => {
  const { practiceId, clientId, amountCents, idempotencyKey, purpose, now } = input;
  const applyTo = applyToOf(input.apply);
  if (applyTo && purpose.kind !== "manual") {
    throw new DomainError("VALIDATION_FAILED", "Only a manual charge names the invoices it pays", {
      field: "apply",
    });
  }
  const actor =
    input.actor ?? systemActor(practiceId, purpose.kind === "autopay_attempt" ? "autopay" : "charge");
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) {
    throw new DomainError("INVALID_MONEY", "A charge is a whole, positive number of cents");
  }
  if (idempotencyKey.length < 1 || idempotencyKey.length > 200) {
    throw new DomainError("VALIDATION_FAILED", "idempotencyKey must be 1 to 200 characters");
  }
  const charges = tables.cardCharges;
  const byKey = and(eq(charges.practiceId, practiceId), eq(charges.idempotencyKey, idempotencyKey));
  const existingFor = async (row: CardChargeRow): Promise<ChargeCardResult> => {
    if (!sameRequest(row, input)) {
      throw new DomainError(
        "CONFLICT",
        "This idempotency key was already used for another charge (client, amount or purpose differ)",
        { reason: "IDEMPOTENCY_KEY_REUSED", chargeId: row.id },
      );
    }
    const resolved =
      row.status === "unknown" ? await resolveCardCharge(database, row, { now, stripe: input.stripe }) : row;
    return { charge: toCardChargeView(resolved), existing: true };
  };

  await assertClientInPractice(database.db, practiceId, clientId);
  const [already] = await database.db.select().from(charges).where(byKey);
  if (already) return existingFor(already);

  const credentials = await loadStripeCredentials(database.db, practiceId);
  const stripe = stripeClientFor(credentials, input.stripe);

  const inserted = await database.db.transaction(async (tx) => {
    const [client] = await tx
      .select({ id: tables.clients.id })
      .from(tables.clients)
      .where(and(eq(tables.clients.practiceId, practiceId), eq(tables.clients.id, clientId)));
    if (!client) throw notFound("Client");
    const card = input.card ?? (await findDefaultCard(tx, practiceId, clientId));
    if (!card) {
      throw new DomainError("CONFLICT", "The client has no default card to charge", {
        reason: "NO_DEFAULT_CARD",
      });
    }
    const { today } = await practiceToday(tx, practiceId, now);
    if (decideCardExpired(card, today)) {
      throw new DomainError(
        "CONFLICT",
        `The ${input.card ? "" : "client's default "}card expired at the end of ${String(card.expMonth).padStart(2, "0")}/${card.expYear}`,
        { reason: "CARD_EXPIRED" },
      );
    }
    if (applyTo) await assertChosenInvoices(tx, { practiceId, clientId, amountCents, applyTo });
    const [customer] = await tx
      .select({ id: tables.stripeCustomers.stripeCustomerId })
      .from(tables.stripeCustomers)
      .where(
        and(eq(tables.stripeCustomers.practiceId, practiceId), eq(tables.stripeCustomers.clientId, clientId)),
      );
    if (!customer) {
      throw new DomainError("CONFLICT", "The client has no Stripe customer", { reason: "NO_DEFAULT_CARD" });
    }
    return insertPendingCharge(tx, {
      practiceId,
      clientId,
      amountCents,
      idempotencyKey,
      purpose,
      card: { ...card, stripeCustomerId: customer.id },
      applyTo,
      actor,
      now,
    });
  });
  if (!inserted) {
    // Another caller inserted this key first (and calls Stripe itself): return its row, never charge again.
    const [winner] = await database.db.select().from(charges).where(byKey);
    if (!winner) throw new DomainError("INTERNAL", "A charge key conflicted but no charge holds it");
    return existingFor(winner);
  }

  const row = await sendCardCharge(database, { row: inserted, stripe, actor, now });
  return { charge: toCardChargeView(row), existing: false };
};

export type PendingChargeInput = {
  practiceId: string;
  clientId: string;
  amountCents: number;
  idempotencyKey: string;
  purpose: { kind: CardChargeRow["purposeKind"]; id: string };
  card: { stripeCustomerId: string; stripePaymentMethodId: string; brand: string; last4: string };
  applyTo?: CardChargeApplyTo | null | undefined;
  actor: Actor;
  now: Date;
};

/**
 * The charge row, Pending, and its audit row, before Stripe is asked: null when the idempotency key already has a
 * charge (its sender charges, never this caller). chargeCard and autopay's batch both create charges here.
 */
export const insertPendingCharge = async (
  tx: Executor,
  input: PendingChargeInput,
): Promise<CardChargeRow | null> => {
  const [row] = await insertPendingCharges(tx, input.practiceId, [input], input.actor, input.now);
  return row ?? null;
};

/**
 * Many pending charges of one practice and their audit rows in two statements (autopay's chunk, committed before
 * any of them is sent). A key that already has a charge inserts nothing: only the rows returned may be sent.
 */
export const insertPendingCharges = async (
  tx: Executor,
  practiceId: string,
  inputs: readonly Omit<PendingChargeInput, "practiceId" | "actor" | "now">[],
  actor: Actor,
  now: Date,
): Promise<CardChargeRow[]> => {
  if (inputs.length === 0) return [];
  const charges = tables.cardCharges;
  const rows = await tx
    .insert(charges)
    .values(
      inputs.map((input) => ({
        id: newId(now.getTime()),
        practiceId,
        clientId: input.clientId,
        amountCents: input.amountCents,
        idempotencyKey: input.idempotencyKey,
        purposeKind: input.purpose.kind,
        purposeId: input.purpose.id,
        status: "pending" as const,
        stripeCustomerId: input.card.stripeCustomerId,
        stripePaymentMethodId: input.card.stripePaymentMethodId,
        cardBrand: input.card.brand,
        cardLast4: input.card.last4,
        applyTo: input.applyTo ?? null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflictDoNothing({ target: [charges.practiceId, charges.idempotencyKey] })
    .returning();
  await recordAudits(
    tx,
    actor,
    "create",
    "card_charge",
    now,
    rows.map((row) => ({
      entityId: row.id,
      details: { clientId: row.clientId, purposeKind: row.purposeKind, purposeId: row.purposeId },
    })),
  );
  return rows;
};

/**
 * Sends a committed pending charge to Stripe (its key derived from the row's, so a resend never charges twice)
 * and records the answer in one transaction: a success settles into the ledger (settleSucceededCharge), anything
 * else moves the charge's status. Used by chargeCard and by autopay, which inserts a batch's charges at once.
 */
export const sendCardCharge = async (
  database: Database,
  input: { row: CardChargeRow; stripe: Stripe; actor: Actor; now: Date },
): Promise<CardChargeRow> => {
  const { row: inserted, stripe, actor, now } = input;
  const outcome = await askStripeToCharge(stripe, inserted);
  const settledAt = new Date(now.getTime());
  const [settled] = await database.db.transaction((tx) =>
    settleCardChargeAnswers(tx, inserted.practiceId, [{ row: inserted, outcome }], settledAt, actor),
  );
  return settled!;
};

/**
 * PaymentIntents.create for a committed pending charge, with the Stripe key derived from the row's (a resend never
 * charges twice) and the charge id in its metadata; what the answer or the error says. Records nothing.
 */
export const askStripeToCharge = async (
  stripe: Stripe,
  inserted: CardChargeRow,
): Promise<CardChargeOutcome> => {
  const { practiceId, amountCents } = inserted;
  let result: { pi: Stripe.PaymentIntent } | { error: unknown };
  try {
    const pi = await stripe.paymentIntents.create(
      {
        amount: amountCents,
        currency: inserted.currency,
        customer: inserted.stripeCustomerId,
        payment_method: inserted.stripePaymentMethodId,
        off_session: true,
        confirm: true,
        description: inserted.purposeKind === "autopay_attempt" ? "Autopay" : "Card payment",
        metadata: {
          billcycle_charge_id: inserted.id,
          billcycle_practice_id: practiceId,
          billcycle_purpose: `${inserted.purposeKind}:${inserted.purposeId}`,
        },
      },
      { idempotencyKey: stripeChargeIdempotencyKey(practiceId, inserted.idempotencyKey) },
    );
    result = { pi };
  } catch (error) {
    result = { error };
  }
  return outcomeOfCreate(result);
};
