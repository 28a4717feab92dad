import { type Database, type Executor, pgArray, tables } from "@billcycle/db";
import { and, eq, inArray, sql } from "drizzle-orm";
import { isTransportError, reconcileUpload } from "../clearinghouse/transport";
import { deliverFileJob } from "../jobs/deliver-file-job";
import { enqueue } from "../jobs/job-contract";
import { reconcileDeliveryJob } from "../jobs/reconcile-delivery-job";
import { recordDeliveryOutcome } from "./clearinghouse-file-status-writer";
import { transitionClaims } from "./transition-claims";
import { type ClearinghouseContext, loadConnection, type TransportResolverDeps } from "./transport-deps";

export const MAX_DELIVERY_ATTEMPTS = 5;

export type DeliveryResult = {
  status: "sent" | "failed" | "retrying" | "unknown";
  attempts: number;
  error?: string;
};

/** After the last attempt ended unknown, the janitor's first look (and its pause between looks). */
export const RECONCILE_AFTER_MS = 60 * 60_000;

/** 2 min, 4 min, 8 min, 16 min between attempts. */
const backoffMs = (attempt: number) => 2 ** attempt * 60_000;

/**
 * Delivers a stored outbound file. Only a delivered file marks its claims Submitted. A failed upload is retried
 * later (backoff); an upload whose outcome is unknown is reconciled by listing the remote folder — found means
 * sent, absent means not sent — and is never uploaded a second time without that check. After the last attempt
 * the claims are released to the next submission run; if it ended unknown, the reconcile-delivery janitor finds
 * out (`reconcile-delivery.ts`).
 */
export const deliverFile = async (
  database: Database,
  fileId: string,
  now: Date,
  deps: TransportResolverDeps,
): Promise<DeliveryResult> => {
  const [file] = await database.db
    .select()
    .from(tables.clearinghouseFiles)
    .where(eq(tables.clearinghouseFiles.id, fileId));
  if (file?.direction !== "outbound")
    return { status: "failed", attempts: 0, error: "no such outbound file" };
  if (file.status === "sent") return { status: "sent", attempts: file.attempts };
  const ctx: ClearinghouseContext = await loadConnection(database, file.practiceId, file.connectionId, deps);
  // The writer produces ASCII, for which Latin-1 and UTF-8 give the same bytes; Latin-1 keeps files stored before it
  // did (which could hold Latin-1 characters) delivered, and reconciled, as they were first sent.
  const content = Buffer.from(file.content ?? "", "latin1");
  const attempts = file.attempts + 1;
  let outcome: "sent" | "failed" | "unknown";
  let error: string | undefined;
  // A previous attempt ended unknown: look before sending again. Until the look succeeds it stays unknown, even
  // if this attempt fails to connect: the next one must look too, never upload blindly.
  let looked = file.status !== "unknown";
  try {
    if (!looked && (await reconcileUpload(ctx.transport, file.name, content.length)) === "sent")
      outcome = "sent";
    else {
      looked = true;
      await ctx.transport.upload(file.name, content);
      outcome = "sent";
    }
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
    outcome = !looked || (isTransportError(e) && e.outcome === "unknown") ? "unknown" : "failed";
    if (outcome === "unknown") {
      try {
        outcome =
          (await reconcileUpload(ctx.transport, file.name, content.length)) === "sent" ? "sent" : "failed";
      } catch {
        // Still unknown: the next attempt reconciles first.
      }
    }
  } finally {
    await ctx.transport.close().catch(() => undefined);
  }

  return database.db.transaction(async (tx) => {
    if (outcome === "sent") {
      await markFileDelivered(tx, file, attempts, now);
      return { status: "sent" as const, attempts };
    }
    const final = attempts >= MAX_DELIVERY_ATTEMPTS;
    const status = outcome === "unknown" ? "unknown" : "failed";
    await recordDeliveryOutcome(tx, file.id, status, {
      attempts,
      lastError: (error ?? "").slice(0, 500),
      nextAttemptAt: final ? null : new Date(now.getTime() + backoffMs(attempts)),
    });
    if (final && status === "failed") {
      await releaseFileClaims(tx, file.id);
      return { status: "failed" as const, attempts, ...(error ? { error } : {}) };
    }
    if (final) {
      // Maybe delivered, and out of attempts: the janitor looks on the server until it knows (never re-sends).
      await enqueue(
        tx,
        reconcileDeliveryJob,
        { fileId: file.id },
        { singletonKey: `reconcile:${file.id}`, runAt: new Date(now.getTime() + RECONCILE_AFTER_MS) },
        now,
      );
    }
    if (!final) {
      await enqueue(
        tx,
        deliverFileJob,
        { fileId: file.id },
        {
          singletonKey: `deliver:${file.id}:${attempts}`,
          runAt: new Date(now.getTime() + backoffMs(attempts)),
        },
        now,
      );
    }
    return {
      status: status === "unknown" ? ("unknown" as const) : ("retrying" as const),
      attempts,
      ...(error ? { error } : {}),
    };
  });
};

/** The file is on the server: Sent, and its claims Submitted. */
export const markFileDelivered = async (
  tx: Executor,
  file: { id: string; practiceId: string; name: string },
  attempts: number,
  now: Date,
): Promise<void> => {
  const moved = await recordDeliveryOutcome(tx, file.id, "sent", {
    attempts,
    sentAt: now,
    lastError: null,
    nextAttemptAt: null,
  });
  // Already Sent by another attempt, which submitted the claims.
  if (moved === 0) return;
  const claimIds = (
    await tx
      .select({ id: tables.claimSubmissions.claimId })
      .from(tables.claimSubmissions)
      .where(eq(tables.claimSubmissions.fileId, file.id))
  ).map((r) => r.id);
  await transitionClaims(tx, {
    practiceId: file.practiceId,
    claimIds,
    to: "submitted",
    now,
    actor: "system:claims_submission",
    cause: { kind: "file", fileId: file.id, name: file.name },
    extra: { submittedAt: now },
  });
};

/** Certainly not delivered, and no attempt left: the claims go into the next submission's file. */
export const releaseFileClaims = async (tx: Executor, fileId: string): Promise<void> => {
  await tx.delete(tables.claimSubmissions).where(eq(tables.claimSubmissions.fileId, fileId));
};

/** Outbound files still on their way: their claims must not be put in another file. */
export const IN_FLIGHT = ["pending", "failed", "unknown"] as const;

export const claimsInFlight = async (
  database: Database,
  practiceId: string,
  claimIds: readonly string[],
): Promise<Set<string>> => {
  if (claimIds.length === 0) return new Set();
  const rows = await database.db
    .select({ claimId: tables.claimSubmissions.claimId })
    .from(tables.claimSubmissions)
    .innerJoin(tables.clearinghouseFiles, eq(tables.clearinghouseFiles.id, tables.claimSubmissions.fileId))
    .where(
      and(
        eq(tables.claimSubmissions.practiceId, practiceId),
        // One array parameter, however many claims: a parameter each stops at 65,535 (08P01).
        sql`${tables.claimSubmissions.claimId} = ANY(${pgArray(claimIds, "uuid")}::uuid[])`,
        inArray(tables.clearinghouseFiles.status, [...IN_FLIGHT]),
      ),
    );
  return new Set(rows.map((r) => r.claimId));
};
