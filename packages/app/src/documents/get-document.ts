import { notFound } from "@billcycle/core";
import { type Database, tables } from "@billcycle/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { TenantActor } from "../resources/crud";
import { type DocumentHead, documentColumns } from "./document-view";

/** One document of the actor's practice, without its bytes; the read is audited. */
export const getDocument = async (
  database: Database,
  { actor, documentId, now }: { actor: TenantActor; documentId: string; now: Date },
): Promise<DocumentHead> =>
  database.db.transaction(async (tx) => {
    const [row] = await tx
      .select(documentColumns)
      .from(tables.documents)
      .where(and(eq(tables.documents.practiceId, actor.practiceId), eq(tables.documents.id, documentId)));
    if (!row) throw notFound("Document");
    await recordAudit(tx, actor, "read", "document", row.id, now, { kind: row.kind, number: row.number });
    return row;
  });
