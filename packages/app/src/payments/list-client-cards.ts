import { decideCardExpired, type LocalDate } from "@billcycle/core";
import { type Executor, tables } from "@billcycle/db";
import { and, asc, eq } from "drizzle-orm";
import { practiceToday } from "../automation/practice-today";
import { assertClientInPractice } from "./client-in-practice";
import type { ClientCardView } from "./payment-schemas";

type CardRow = typeof tables.clientCards.$inferSelect;

export const toCardView = (row: CardRow, today: LocalDate): ClientCardView => ({
  id: row.id,
  clientId: row.clientId,
  brand: row.brand,
  last4: row.last4,
  expMonth: row.expMonth,
  expYear: row.expYear,
  isDefault: row.isDefault,
  expired: decideCardExpired(row, today),
  createdAt: row.createdAt.toISOString(),
});

/** A client's saved cards, oldest first, each marked expired or not by the practice's local date at `now`. */
export const listClientCards = async (
  tx: Executor,
  { practiceId, clientId, now }: { practiceId: string; clientId: string; now: Date },
): Promise<ClientCardView[]> => {
  await assertClientInPractice(tx, practiceId, clientId);
  const { today } = await practiceToday(tx, practiceId, now);
  const rows = await tx
    .select()
    .from(tables.clientCards)
    .where(and(eq(tables.clientCards.practiceId, practiceId), eq(tables.clientCards.clientId, clientId)))
    .orderBy(asc(tables.clientCards.id));
  return rows.map((r) => toCardView(r, today));
};

/** The client's default card, or null. */
export const findDefaultCard = async (
  tx: Executor,
  practiceId: string,
  clientId: string,
): Promise<CardRow | null> => {
  const [row] = await tx
    .select()
    .from(tables.clientCards)
    .where(
      and(
        eq(tables.clientCards.practiceId, practiceId),
        eq(tables.clientCards.clientId, clientId),
        eq(tables.clientCards.isDefault, true),
      ),
    );
  return row ?? null;
};
