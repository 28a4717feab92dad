import { type Executor, tables } from "@billcycle/db";
import { and, desc, eq, lt } from "drizzle-orm";
import { z } from "zod";
import { rowSchema } from "../schemas/row-schema";
import { imbalanceSchema } from "./claim-schemas";

const workItemActions = ["post", "match", "dismiss"] as const;
export type WorkItemActionName = (typeof workItemActions)[number];

export const workQueueItemSchema = rowSchema(tables.workQueueItems, {
  // What the item is about, by kind (the claim's control number, the blocked code and amount, …); an
  // unbalanced remittance names its failed equations.
  json: { details: z.object({ imbalances: z.array(imbalanceSchema).optional() }).catchall(z.unknown()) },
})
  .extend({ actions: z.array(z.enum(workItemActions)).describe("what a person may do with the item") })
  .meta({ id: "WorkQueueItem" });

export const workQueueItemPageSchema = z
  .strictObject({ data: z.array(workQueueItemSchema), nextCursor: z.uuid().nullable() })
  .meta({ id: "WorkQueueItemPage" });

/** Work-queue items in one status, newest first, each with the actions that apply to its kind. */
export const listWorkQueueItems = async (
  tx: Executor,
  practiceId: string,
  query: { status: "open" | "resolved" | "dismissed"; limit: number; before?: string | undefined },
) => {
  const items = tables.workQueueItems;
  const where = [eq(items.practiceId, practiceId), eq(items.status, query.status)];
  if (query.before) where.push(lt(items.id, query.before));
  const rows = await tx
    .select()
    .from(items)
    .where(and(...where))
    .orderBy(desc(items.id))
    .limit(query.limit + 1);
  const data = rows.slice(0, query.limit).map((r) => ({
    ...r,
    // An unmatched claim needs a claim of ours first; the others can be posted as they are.
    actions: (r.kind === "unmatched_claim"
      ? ["match", "dismiss"]
      : ["post", "dismiss"]) as WorkItemActionName[],
  }));
  return { data, nextCursor: rows.length > query.limit ? (data.at(-1)?.id ?? null) : null };
};
