import { notFound } from "@billcycle/core";
import { type Executor, tables } from "@billcycle/db";
import { and, eq } from "drizzle-orm";

/** A client of this practice, or NOT_FOUND (another practice's client is not revealed). */
export const assertClientInPractice = async (
  tx: Executor,
  practiceId: string,
  clientId: string,
): Promise<void> => {
  const [row] = await tx
    .select({ id: tables.clients.id })
    .from(tables.clients)
    .where(and(eq(tables.clients.practiceId, practiceId), eq(tables.clients.id, clientId)));
  if (!row) throw notFound("Client");
};
