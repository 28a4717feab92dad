import { assertTransition, type WorkItemStatus, workItemTransitions } from "@billcycle/core";
import { type Executor, tables } from "@billcycle/db";
import { and, eq } from "drizzle-orm";

/**
 * The one writer of `work_queue_items.status`: an item is created Open (the column's default) and a person closes
 * it. The move is asserted against the table, and the update applies only while the item is still in `from`.
 */
export const closeWorkItem = async (
  tx: Executor,
  item: { id: string; status: WorkItemStatus },
  to: Exclude<WorkItemStatus, "open">,
  fields: { resolution: string; resolvedAt: Date; resolvedBy: string },
) => {
  assertTransition("Work-queue item", workItemTransitions, item.status, to);
  await tx
    .update(tables.workQueueItems)
    .set({ ...fields, status: to })
    .where(and(eq(tables.workQueueItems.id, item.id), eq(tables.workQueueItems.status, item.status)));
};
