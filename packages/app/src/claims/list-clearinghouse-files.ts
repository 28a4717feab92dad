import { describeFileProblem } from "@billcycle/core";
import { type Executor, type InboundFileOutcome, tables } from "@billcycle/db";
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

const outcomeSchema = z
  .strictObject({
    acknowledgments: z
      .strictObject({ accepted: z.number().int(), rejected: z.number().int(), unmatched: z.number().int() })
      .optional(),
    remittances: z
      .strictObject({
        count: z.number().int(),
        posted: z.number().int(),
        queued: z.number().int(),
        duplicate: z.number().int(),
      })
      .optional(),
  })
  .nullable();

/** A file in the list: what and when, without its content, and whether a person must look at it and why. */
export const clearinghouseFileSummarySchema = rowSchema(files, { omit: ["raw"] })
  .pick(Object.fromEntries(Object.keys(summaryColumns).map((k) => [k, true])) as Record<string, true>)
  .extend({
    outcome: outcomeSchema.describe("what processing found (inbound files processed since migration 0026)"),
    attention: z
      .strictObject({ text: z.string(), code: z.string().nullable() })
      .nullable()
      .describe(
        "why a person must look at the file, in a biller's words, with the parser's code; null when fine",
      ),
  })
  .meta({ id: "ClearinghouseFileSummary" });

export const clearinghouseFilePageSchema = z
  .strictObject({ data: z.array(clearinghouseFileSummarySchema), nextCursor: z.uuid().nullable() })
  .meta({ id: "ClearinghouseFilePage" });

type Row = {
  direction: "inbound" | "outbound";
  status: string;
  lastError: string | null;
  rejectCode: string | null;
  outcome: InboundFileOutcome | null;
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Whether a file needs a person: refused, not delivered, delivery unknown, or an acknowledgment that matched none
 * (or only some) of our claims — processed, but the claims it speaks of are not found, so nobody learns their fate.
 */
export const fileAttention = (f: Row): { text: string; code: string | null } | null => {
  if (f.status === "rejected") return describeFileProblem(f.rejectCode, f.lastError);
  if (f.direction === "outbound" && f.status === "failed")
    return { text: `Not delivered yet; billcycle tries again. ${f.lastError ?? ""}`.trim(), code: null };
  if (f.direction === "outbound" && f.status === "unknown")
    return {
      text: "The connection dropped while sending: billcycle checks the clearinghouse's folder before sending again.",
      code: null,
    };
  const acks = f.outcome?.acknowledgments;
  if (acks && acks.unmatched > 0)
    return {
      text: `${plural(acks.unmatched, "acknowledgment matches", "acknowledgments match")} none of our claims or files: check that it is this practice's file and which claims it speaks of.`,
      code: "UNMATCHED_ACKNOWLEDGMENT",
    };
  return null;
};

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
    .select({ ...summaryColumns, outcome: files.outcome })
    .from(files)
    .where(and(...where))
    .orderBy(desc(files.id))
    .limit(query.limit + 1);
  const data = rows.slice(0, query.limit).map((r) => ({ ...r, attention: fileAttention(r) }));
  return { data, nextCursor: rows.length > query.limit ? (data.at(-1)?.id ?? null) : null };
};
