import { type Database, type Executor, tables } from "@billcycle/db";
import { and, eq, inArray } from "drizzle-orm";
import { systemActor } from "../auth/actor";
import { insertPendingCharges } from "../payments/charge-card";
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
 * The pending card charges of a chunk of autopay attempts and their audit rows, one transaction of two statements,
 * COMMITTED before any of them is sent (as chargeCard commits its one row), each keyed `autopay:<attempt id>`, with
 * the card and customer the batch already read. An attempt missing from the result already had a charge under its
 * key (a resend: chargeCard returns that one and never charges again).
 */
export const insertAutopayCharges = (
  database: Database,
  input: {
    practiceId: string;
    attempts: ReadonlyArray<{ attempt: AutopayAttemptRow; card: AutopayChargeCard }>;
    now: Date;
  },
): Promise<Map<string, CardChargeRow>> => {
  const { practiceId, attempts, now } = input;
  if (attempts.length === 0) return Promise.resolve(new Map());
  return database.db.transaction(async (tx) => {
    const rows = await insertPendingCharges(
      tx,
      practiceId,
      attempts.map(({ attempt, card }) => ({
        clientId: attempt.clientId,
        amountCents: attempt.amountCents,
        idempotencyKey: autopayChargeKey(attempt.id),
        purpose: { kind: "autopay_attempt" as const, id: attempt.id },
        card,
      })),
      systemActor(practiceId, "autopay"),
      now,
    );
    return new Map(rows.map((r) => [r.purposeId, r]));
  });
};
