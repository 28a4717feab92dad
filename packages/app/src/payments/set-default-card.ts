import { notFound } from "@billcycle/core";
import { type Database, tables } from "@billcycle/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { TenantActor } from "../resources/crud";
import { listClientCards } from "./list-client-cards";
import type { ClientCardView } from "./payment-schemas";

/** Makes one card the client's default (the one autopay charges); the previous default stops being it. */
export const setDefaultCard = async (
  database: Database,
  { actor, clientId, cardId, now }: { actor: TenantActor; clientId: string; cardId: string; now: Date },
): Promise<ClientCardView[]> => {
  const practiceId = actor.practiceId;
  const cards = tables.clientCards;
  await database.db.transaction(async (tx) => {
    const [card] = await tx
      .select({ id: cards.id })
      .from(cards)
      .where(and(eq(cards.practiceId, practiceId), eq(cards.clientId, clientId), eq(cards.id, cardId)))
      .for("update");
    if (!card) throw notFound("Card");
    await tx
      .update(cards)
      .set({ isDefault: false, updatedAt: now })
      .where(and(eq(cards.practiceId, practiceId), eq(cards.clientId, clientId), eq(cards.isDefault, true)));
    await tx
      .update(cards)
      .set({ isDefault: true, updatedAt: now })
      .where(and(eq(cards.practiceId, practiceId), eq(cards.id, cardId)));
    await recordAudit(tx, actor, "update", "client_card", cardId, now, { fields: ["isDefault"] });
  });
  return listClientCards(database.db, { practiceId, clientId, now });
};
