import { type Database, tables } from "@billcycle/db";
import { eq } from "drizzle-orm";
import { reconcileUpload } from "../clearinghouse/transport";
import { recordDeliveryOutcome } from "./clearinghouse-file-status-writer";
import { markFileDelivered, RECONCILE_AFTER_MS, releaseFileClaims } from "./deliver-file";
import { loadConnection, type TransportResolverDeps } from "./transport-deps";

export type ReconcileDeliveryResult =
  /** Nothing to do: the file is not (or no longer) unknown after its last attempt. */
  | { status: "settled" }
  | { status: "sent" | "released" }
  /** The server could not tell (unreachable, or a file of another size under that name): look again at `retryAt`. */
  | { status: "unknown"; retryAt: Date; error: string };

/**
 * The janitor of an outbound file whose last delivery attempt ended unknown. It never uploads: it lists the
 * server's outbound folder. Found with the bytes we sent: Sent, its claims Submitted. Absent: Failed, and its
 * claims return to the next submission (re-queued in a new file). Still unknowable: it looks again later, so the
 * claims are never left in flight for good.
 */
export const reconcileDelivery = async (
  database: Database,
  fileId: string,
  now: Date,
  deps: TransportResolverDeps,
): Promise<ReconcileDeliveryResult> => {
  const [file] = await database.db
    .select()
    .from(tables.clearinghouseFiles)
    .where(eq(tables.clearinghouseFiles.id, fileId));
  // Re-checked, not trusted from when the job was queued: a retry may still be scheduled, or someone settled it.
  if (file?.direction !== "outbound" || file.status !== "unknown" || file.nextAttemptAt !== null)
    return { status: "settled" };
  let found: "sent" | "not_sent";
  try {
    const ctx = await loadConnection(database, file.practiceId, file.connectionId, deps);
    try {
      found = await reconcileUpload(
        ctx.transport,
        file.name,
        Buffer.byteLength(file.content ?? "", "latin1"),
      );
    } finally {
      await ctx.transport.close().catch(() => undefined);
    }
  } catch (e) {
    const error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
    await recordDeliveryOutcome(database.db, file.id, "unknown", { lastError: error });
    return { status: "unknown", retryAt: new Date(now.getTime() + RECONCILE_AFTER_MS), error };
  }
  return database.db.transaction(async (tx) => {
    if (found === "sent") {
      await markFileDelivered(tx, file, file.attempts, now);
      return { status: "sent" as const };
    }
    const moved = await recordDeliveryOutcome(tx, file.id, "failed", {
      lastError: "not on the clearinghouse server when reconciled: its claims go into the next submission",
    });
    if (moved > 0) await releaseFileClaims(tx, file.id);
    return { status: "released" as const };
  });
};
