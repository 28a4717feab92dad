import { type Executor, tables } from "@billcycle/db";
import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import { rowSchema } from "../schemas/row-schema";

const files = tables.clearinghouseFiles;
const summaryColumns = {
  id: files.id,
  direction: files.direction,
  kind: files.kind,
  name: files.name,
  status: files.status,
  bytes: files.bytes,
  attempts: files.attempts,
  lastError: files.lastError,
  rejectCode: files.rejectCode,
  createdAt: files.createdAt,
  sentAt: files.sentAt,
  processedAt: files.processedAt,
};

/** A file in the list: what and when, without its content. */
export const clearinghouseFileSummarySchema = rowSchema(files, { omit: ["raw"] })
  .pick(Object.fromEntries(Object.keys(summaryColumns).map((k) => [k, true])) as Record<string, true>)
  .meta({ id: "ClearinghouseFileSummary" });

export const clearinghouseFilePageSchema = z
  .strictObject({ data: z.array(clearinghouseFileSummarySchema), nextCursor: z.uuid().nullable() })
  .meta({ id: "ClearinghouseFilePage" });

/** Files sent (837P) and received (999, 277CA, 835), newest first, a page at a time. */
export const listClearinghouseFiles = async (
  tx: Executor,
  practiceId: string,
  query: { limit: number; before?: string | undefined; direction?: "outbound" | "inbound" | undefined },
) => {
  const where: SQL[] = [eq(files.practiceId, practiceId)];
  if (query.direction) where.push(eq(files.direction, query.direction));
  if (query.before) where.push(lt(files.id, query.before));
  const rows = await tx
    .select(summaryColumns)
    .from(files)
    .where(and(...where))
    .orderBy(desc(files.id))
    .limit(query.limit + 1);
  const data = rows.slice(0, query.limit);
  return { data, nextCursor: rows.length > query.limit ? (data.at(-1)?.id ?? null) : null };
};
