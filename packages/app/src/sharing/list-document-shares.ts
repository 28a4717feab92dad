import { type Database, tables } from "@billcycle/db";
import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { TenantActor } from "../resources/crud";

export type DocumentShareRow = typeof tables.documentShares.$inferSelect;
export type DocumentShareView = Omit<DocumentShareRow, "leaseUntil">;

export const shareView = ({ leaseUntil: _lease, ...share }: DocumentShareRow): DocumentShareView => share;

/** The practice's shares, newest first, filtered by client, invoice, document or status; keyset pages by id. */
export const listDocumentShares = async (
  database: Database,
  input: {
    actor: TenantActor;
    query: {
      clientId?: string | undefined;
      invoiceId?: string | undefined;
      documentId?: string | undefined;
      status?: DocumentShareRow["status"] | undefined;
      limit: number;
      cursor?: string | undefined;
    };
  },
): Promise<{ items: DocumentShareView[]; nextCursor: string | null }> => {
  const s = tables.documentShares;
  const q = input.query;
  const where: SQL[] = [eq(s.practiceId, input.actor.practiceId)];
  if (q.clientId) where.push(eq(s.clientId, q.clientId));
  if (q.invoiceId) where.push(eq(s.invoiceId, q.invoiceId));
  if (q.documentId) where.push(eq(s.documentId, q.documentId));
  if (q.status) where.push(eq(s.status, q.status));
  if (q.cursor) where.push(lt(s.id, q.cursor));
  const rows = await database.db
    .select()
    .from(s)
    .where(and(...where))
    .orderBy(desc(s.id))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit).map(shareView);
  return { items, nextCursor: rows.length > q.limit ? (items.at(-1)?.id ?? null) : null };
};
