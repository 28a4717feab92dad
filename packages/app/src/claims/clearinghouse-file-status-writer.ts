import {
  type InboundFileStatus,
  inboundFileTransitions,
  type OutboundFileStatus,
  outboundFileTransitions,
  sourcesOf,
} from "@billcycle/core";
import { type Executor, type InboundFileOutcome, tables } from "@billcycle/db";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";

/**
 * The one writer of `clearinghouse_files.status`, one table for outbound files and one for inbound. A move updates
 * the file only while its current status allows it (`status IN sourcesOf(table, to)`), so a stale writer changes
 * nothing; the caller learns it from the returned row count.
 */
const files = tables.clearinghouseFiles;
type FileInsert = typeof files.$inferInsert;
/** A file's columns but its status and direction (the writer sets them); values may be SQL (bytea). */
type FileColumns = { [K in Exclude<keyof FileInsert, "status" | "direction">]?: FileInsert[K] | SQL } & Pick<
  FileInsert,
  "id" | "practiceId" | "kind" | "name" | "sha256" | "bytes" | "createdAt"
>;

/** An 837P about to be delivered: Pending. */
export const insertOutboundFile = (tx: Executor, file: FileColumns) =>
  tx.insert(files).values({ ...file, direction: "outbound", status: "pending" });

/** The outcome of a delivery attempt: Sent, Failed (retry) or Unknown (reconcile before sending again). */
export const recordDeliveryOutcome = async (
  tx: Executor,
  fileId: string,
  to: OutboundFileStatus,
  fields: Partial<Pick<FileInsert, "attempts" | "sentAt" | "lastError" | "nextAttemptAt">>,
): Promise<number> => {
  const rows = await tx
    .update(files)
    .set({ ...fields, status: to })
    .where(
      and(
        eq(files.id, fileId),
        eq(files.direction, "outbound"),
        inArray(files.status, sourcesOf(outboundFileTransitions, to)),
      ),
    )
    .returning({ id: files.id });
  return rows.length;
};

/**
 * A file received: Received, unless a file of the same content is already stored (`keyed`: the partial unique index
 * on inbound content); returns the new row's id, or nothing.
 */
export const insertInboundFile = (tx: Executor, file: FileColumns, keyed: SQL) =>
  tx
    .insert(files)
    .values({ ...file, direction: "inbound", status: "received" })
    .onConflictDoNothing({ target: [files.practiceId, files.sha256], where: keyed })
    .returning({ id: files.id });

/** A received file's end: Processed, or Rejected with the refusal's code and message. */
export const finishInboundFile = async (
  tx: Executor,
  fileId: string,
  to: Exclude<InboundFileStatus, "received" | "duplicate">,
  fields: {
    processedAt: Date;
    lastError: string | null;
    rejectCode: string | null;
    outcome?: InboundFileOutcome | null;
  },
): Promise<number> => {
  const rows = await tx
    .update(files)
    .set({ ...fields, status: to })
    .where(
      and(
        eq(files.id, fileId),
        eq(files.direction, "inbound"),
        inArray(files.status, sourcesOf(inboundFileTransitions, to)),
      ),
    )
    .returning({ id: files.id });
  return rows.length;
};

/** The partial unique index on inbound content leaves out copies marked Duplicate (before migration 0006). */
export const keyedInboundFiles = sql`${files.direction} = 'inbound' and ${files.status} <> 'duplicate'`;
