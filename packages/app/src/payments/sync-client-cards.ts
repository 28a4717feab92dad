import { type Database, newId, tables } from "@billcycle/db";
import { and, desc, eq, inArray, notInArray } from "drizzle-orm";
import type Stripe from "stripe";
import { recordAudit } from "../audit/record-audit";
import type { TenantActor } from "../resources/crud";
import { assertClientInPractice } from "./client-in-practice";
import { findStripeCustomerId } from "./ensure-stripe-customer";
import { listClientCards } from "./list-client-cards";
import type { ClientCardView } from "./payment-schemas";
import { type StripeCallOptions, stripeFailure, stripeForPractice } from "./stripe-client";

/**
 * Makes the client's saved cards what Stripe holds for its customer: new cards added, expiry updates kept, cards
 * detached at Stripe removed. A client with cards but no default gets its newest card as default, so the first
 * card saved is the one autopay uses.
 */
export const syncClientCards = async (
  database: Database,
  {
    actor,
    clientId,
    now,
    stripe: options,
  }: { actor: TenantActor; clientId: string; now: Date; stripe?: StripeCallOptions },
): Promise<ClientCardView[]> => {
  const practiceId = actor.practiceId;
  await assertClientInPractice(database.db, practiceId, clientId);
  const customerId = await findStripeCustomerId(database, practiceId, clientId);
  if (customerId) {
    const { stripe } = await stripeForPractice(database.db, practiceId, options);
    const methods: Stripe.PaymentMethod[] = [];
    try {
      for await (const pm of stripe.paymentMethods.list({ customer: customerId, type: "card", limit: 100 })) {
        methods.push(pm);
      }
    } catch (e) {
      throw stripeFailure(e, "list the client's cards");
    }
    await storeClientCards(database, { actor, clientId, methods, now });
  }
  return listClientCards(database.db, { practiceId, clientId, now });
};

/** Writes what Stripe said (one transaction, audited); shared by the refresh and the setup_intent.succeeded webhook. */
export const storeClientCards = async (
  database: Database,
  {
    actor,
    clientId,
    methods,
    now,
  }: { actor: TenantActor; clientId: string; methods: Stripe.PaymentMethod[]; now: Date },
): Promise<void> => {
  const practiceId = actor.practiceId;
  const cards = methods.filter((m) => m.type === "card" && m.card);
  const cardsTable = tables.clientCards;
  await database.db.transaction(async (tx) => {
    const ofClient = and(eq(cardsTable.practiceId, practiceId), eq(cardsTable.clientId, clientId));
    // Serializes syncs of one client (the webhook and a refresh may run together).
    await tx
      .select({ id: tables.clients.id })
      .from(tables.clients)
      .where(and(eq(tables.clients.practiceId, practiceId), eq(tables.clients.id, clientId)))
      .for("update");
    const ids = cards.map((c) => c.id);
    const removed = await tx
      .delete(cardsTable)
      .where(ids.length ? and(ofClient, notInArray(cardsTable.stripePaymentMethodId, ids)) : ofClient)
      .returning({ id: cardsTable.id });
    for (const pm of cards) {
      const card = pm.card as Stripe.PaymentMethod.Card;
      await tx
        .insert(cardsTable)
        .values({
          id: newId(),
          practiceId,
          clientId,
          stripePaymentMethodId: pm.id,
          brand: card.brand,
          last4: card.last4,
          expMonth: card.exp_month,
          expYear: card.exp_year,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoUpdate({
          target: [cardsTable.practiceId, cardsTable.stripePaymentMethodId],
          set: {
            brand: card.brand,
            last4: card.last4,
            expMonth: card.exp_month,
            expYear: card.exp_year,
            updatedAt: now,
          },
        });
    }
    const [hasDefault] = await tx
      .select({ id: cardsTable.id })
      .from(cardsTable)
      .where(and(ofClient, eq(cardsTable.isDefault, true)));
    if (!hasDefault && ids.length) {
      const [newest] = await tx
        .select({ id: cardsTable.id })
        .from(cardsTable)
        .where(and(ofClient, inArray(cardsTable.stripePaymentMethodId, ids)))
        .orderBy(desc(cardsTable.id))
        .limit(1);
      if (newest) {
        await tx
          .update(cardsTable)
          .set({ isDefault: true, updatedAt: now })
          .where(and(eq(cardsTable.practiceId, practiceId), eq(cardsTable.id, newest.id)));
      }
    }
    await recordAudit(tx, actor, "update", "client_cards", clientId, now, {
      synced: cards.length,
      removed: removed.length,
    });
  });
};
