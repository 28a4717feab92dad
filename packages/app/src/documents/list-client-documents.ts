import { type DocumentKind, notFound } from "@billcycle/core";
import { type Database, tables } from "@billcycle/db";
import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { TenantActor } from "../resources/crud";
import { type DocumentHead, documentColumns } from "./document-view";

export type ListClientDocumentsQuery = {
  clientId: string;
  kind?: DocumentKind | undefined;
  limit: number;
  /** The id of the last document of the previous page (ids are time-ordered: newest first). */
  cursor?: string | undefined;
};

/** A client's documents, newest first, every version; the list is audited. */
export const listClientDocuments = async (
  database: Database,
  { actor, query, now }: { actor: TenantActor; query: ListClientDocumentsQuery; now: Date },
): Promise<{ data: DocumentHead[]; nextCursor: string | null }> =>
  database.db.transaction(async (tx) => {
    const [client] = await tx
      .select({ id: tables.clients.id })
      .from(tables.clients)
      .where(and(eq(tables.clients.practiceId, actor.practiceId), eq(tables.clients.id, query.clientId)));
    if (!client) throw notFound("Client");
    const filters: SQL[] = [
      eq(tables.documents.practiceId, actor.practiceId),
      eq(tables.documents.clientId, query.clientId),
    ];
    if (query.kind) filters.push(eq(tables.documents.kind, query.kind));
    if (query.cursor) filters.push(lt(tables.documents.id, query.cursor));
    const rows = await tx
      .select(documentColumns)
      .from(tables.documents)
      .where(and(...filters))
      .orderBy(desc(tables.documents.id))
      .limit(query.limit + 1);
    const data = rows.slice(0, query.limit);
    await recordAudit(tx, actor, "list", "document", null, now, {
      clientId: query.clientId,
      count: data.length,
    });
    return { data, nextCursor: rows.length > query.limit ? (data.at(-1)?.id ?? null) : null };
  });
