import { DomainError, notFound } from "@billcycle/core";
import { type Database, isUuid, tables } from "@billcycle/db";
import { and, eq } from "drizzle-orm";
import type { TenantActor } from "../resources/crud";
import { type DocumentShareView, shareView } from "./list-document-shares";
import { enqueueShareRetries } from "./schedule-document-share";
import { writeShareStatuses } from "./write-share-status";

/**
 * A person's retry of a share that used up its attempts (failed → scheduled, due now, attempts counted afresh).
 * Only failed shares: a sent one is never sent twice, and a skipped one was decided on its reasons.
 */
export const retryDocumentShare = async (
  database: Database,
  input: { actor: TenantActor; shareId: string; now: Date },
): Promise<DocumentShareView> =>
  database.db.transaction(async (tx) => {
    if (!isUuid(input.shareId)) throw notFound("Share");
    const s = tables.documentShares;
    const where = and(eq(s.practiceId, input.actor.practiceId), eq(s.id, input.shareId));
    const [share] = await tx.select().from(s).where(where).for("update");
    if (!share) throw notFound("Share");
    if (share.status !== "failed") {
      throw new DomainError(
        "ILLEGAL_TRANSITION",
        `Only a failed share can be retried; this one is ${share.status}`,
        {
          from: share.status,
          to: "scheduled",
        },
      );
    }
    await writeShareStatuses(tx, {
      practiceId: input.actor.practiceId,
      changes: [{ id: share.id, from: "failed", path: ["scheduled"], dueAt: input.now, resetAttempts: true }],
      now: input.now,
      actor: input.actor.label,
      userId: input.actor.userId,
    });
    await enqueueShareRetries(tx, {
      practiceId: input.actor.practiceId,
      dueAts: [input.now],
      now: input.now,
    });
    const [updated] = await tx.select().from(s).where(where);
    return shareView(updated!);
  });
