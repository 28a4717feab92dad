import { assertTransition, documentTransitions, notFound } from "@billcycle/core";
import { type Database, tables } from "@billcycle/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { TenantActor } from "../resources/crud";
import { type DocumentHead, documentColumns } from "./document-view";

/**
 * Voids a document: the one writer of a document's status (documentTransitions: issued → void, once). The PDF stays
 * as it was; a voided document is never shared. A voided superbill releases its services for the next superbill.
 */
export const voidDocument = async (
  database: Database,
  { actor, documentId, reason, now }: { actor: TenantActor; documentId: string; reason: string; now: Date },
): Promise<DocumentHead> =>
  database.db.transaction(async (tx) => {
    const where = and(eq(tables.documents.practiceId, actor.practiceId), eq(tables.documents.id, documentId));
    const [current] = await tx.select(documentColumns).from(tables.documents).where(where).for("update");
    if (!current) throw notFound("Document");
    assertTransition("document", documentTransitions, current.status, "void");
    const [voided] = await tx
      .update(tables.documents)
      .set({
        status: "void",
        voidedAt: now,
        voidReason: reason,
        updatedAt: now,
      })
      .where(where)
      .returning(documentColumns);
    if (current.kind === "superbill") {
      await tx
        .delete(tables.superbillServices)
        .where(
          and(
            eq(tables.superbillServices.practiceId, actor.practiceId),
            eq(tables.superbillServices.documentId, documentId),
          ),
        );
    }
    await recordAudit(tx, actor, "transition", "document", documentId, now, {
      from: current.status,
      to: "void",
      number: current.number,
      documentVersion: current.version,
    });
    return voided ?? current;
  });
