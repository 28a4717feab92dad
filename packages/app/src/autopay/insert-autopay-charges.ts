import { type Database, type Executor, tables } from "@billcycle/db";
import { and, eq, inArray } from "drizzle-orm";
import { systemActor } from "../auth/actor";
import { insertPendingCharge } from "../payments/charge-card";
import type { CardChargeRow } from "../payments/transition-card-charge";
import { autopayChargeKey } from "./load-autopay-facts";
import type { AutopayAttemptRow } from "./transition-autopay-attempt";

export type AutopayChargeCard = {
  stripePaymentMethodId: string;
  brand: string;
  last4: string;
  stripeCustomerId: string;
};

/** Each client's default card with its Stripe customer, in one query for a batch of clients. */
export const loadChargeCards = async (
  tx: Executor,
  practiceId: string,
  clientIds: readonly string[],
): Promise<Map<string, AutopayChargeCard>> => {
  if (clientIds.length === 0) return new Map();
  const cards = tables.clientCards;
  const customers = tables.stripeCustomers;
  const found = await tx
    .select({
      clientId: cards.clientId,
      stripePaymentMethodId: cards.stripePaymentMethodId,
      brand: cards.brand,
      last4: cards.last4,
      stripeCustomerId: customers.stripeCustomerId,
    })
    .from(cards)
    .innerJoin(
      customers,
      and(eq(customers.practiceId, cards.practiceId), eq(customers.clientId, cards.clientId)),
    )
    .where(
      and(
        eq(cards.practiceId, practiceId),
        inArray(cards.clientId, [...clientIds]),
        eq(cards.isDefault, true),
      ),
    );
  return new Map(found.map(({ clientId, ...card }) => [clientId, card]));
};

/**
 * The pending card charge of one autopay attempt and its audit row, committed just before it is sent (as
 * chargeCard does, keyed `autopay:<attempt id>`), but with the card and customer the batch already read instead of
 * chargeCard's lookups per charge. Null when the key already has a charge (a resend: chargeCard returns that one).
 */
export const insertAutopayCharge = (
  database: Database,
  input: { practiceId: string; attempt: AutopayAttemptRow; card: AutopayChargeCard; now: Date },
): Promise<CardChargeRow | null> => {
  const { practiceId, attempt, card, now } = input;
  return database.db.transaction((tx) =>
    insertPendingCharge(tx, {
      practiceId,
      clientId: attempt.clientId,
      amountCents: attempt.amountCents,
      idempotencyKey: autopayChargeKey(attempt.id),
      purpose: { kind: "autopay_attempt", id: attempt.id },
      card,
      actor: systemActor(practiceId, "autopay"),
      now,
    }),
  );
};
