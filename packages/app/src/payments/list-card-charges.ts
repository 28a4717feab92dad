import { type Executor, tables } from "@billcycle/db";
import { and, desc, eq } from "drizzle-orm";
import { toCardChargeView } from "./charge-card";
import { assertClientInPractice } from "./client-in-practice";
import type { CardChargeView } from "./payment-schemas";

/** A client's card charges, newest first (at most `limit`). */
export const listCardCharges = async (
  tx: Executor,
  { practiceId, clientId, limit = 100 }: { practiceId: string; clientId: string; limit?: number },
): Promise<CardChargeView[]> => {
  await assertClientInPractice(tx, practiceId, clientId);
  const rows = await tx
    .select()
    .from(tables.cardCharges)
    .where(and(eq(tables.cardCharges.practiceId, practiceId), eq(tables.cardCharges.clientId, clientId)))
    .orderBy(desc(tables.cardCharges.id))
    .limit(limit);
  return rows.map(toCardChargeView);
};
