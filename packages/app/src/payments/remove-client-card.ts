import { notFound } from "@billcycle/core";
import { type Database, tables } from "@billcycle/db";
import { and, eq } from "drizzle-orm";
import Stripe from "stripe";
import { recordAudit } from "../audit/record-audit";
import type { TenantActor } from "../resources/crud";
import { listClientCards } from "./list-client-cards";
import type { ClientCardView } from "./payment-schemas";
import { type StripeCallOptions, stripeFailure, stripeForPractice } from "./stripe-client";

/**
 * Removes a saved card: detached at Stripe first (so it can never be charged again), then deleted here. A card
 * Stripe no longer has attached is removed here all the same. Removing the default leaves the client without one
 * until a person chooses.
 */
export const removeClientCard = async (
  database: Database,
  {
    actor,
    clientId,
    cardId,
    now,
    stripe: options,
  }: { actor: TenantActor; clientId: string; cardId: string; now: Date; stripe?: StripeCallOptions },
): Promise<ClientCardView[]> => {
  const practiceId = actor.practiceId;
  const cards = tables.clientCards;
  const where = and(eq(cards.practiceId, practiceId), eq(cards.clientId, clientId), eq(cards.id, cardId));
  const [card] = await database.db.select().from(cards).where(where);
  if (!card) throw notFound("Card");
  const { stripe } = await stripeForPractice(database.db, practiceId, options);
  try {
    await stripe.paymentMethods.detach(card.stripePaymentMethodId);
  } catch (e) {
    const gone =
      e instanceof Stripe.errors.StripeInvalidRequestError &&
      (e.code === "resource_missing" || e.code === "payment_method_unexpected_state");
    if (!gone) throw stripeFailure(e, "remove the card");
  }
  await database.db.transaction(async (tx) => {
    await tx.delete(cards).where(where);
    await recordAudit(tx, actor, "delete", "client_card", cardId, now, { wasDefault: card.isDefault });
  });
  return listClientCards(database.db, { practiceId, clientId, now });
};
