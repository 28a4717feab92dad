import { type Database, tables } from "@billcycle/db";
import { and, asc, eq, gt } from "drizzle-orm";
import { z } from "zod";
import type { TenantActor } from "../resources/crud";
import { rowSchema } from "../schemas/row-schema";
import { recordAudit } from "./record-audit";

export const auditEntrySchema = rowSchema(tables.auditLog).meta({ id: "AuditEntry" });
export const auditEntryPageSchema = z
  .strictObject({
    data: z.array(auditEntrySchema),
    nextCursor: z.string().nullable().describe("the last entry's id, for the next page"),
  })
  .meta({ id: "AuditEntryPage" });

/** The practice's audit trail, oldest first; reading it is itself audited. */
export const listAuditEntries = async (
  database: Database,
  {
    actor,
    query,
    now,
  }: {
    actor: TenantActor;
    query: { limit: number; after?: number | undefined; entityId?: string | undefined };
    now: Date;
  },
) => {
  const audit = tables.auditLog;
  const where = [eq(audit.practiceId, actor.practiceId)];
  if (query.after !== undefined) where.push(gt(audit.id, query.after));
  if (query.entityId) where.push(eq(audit.entityId, query.entityId));
  const rows = await database.db
    .select()
    .from(audit)
    .where(and(...where))
    .orderBy(asc(audit.id))
    .limit(query.limit + 1);
  const data = rows.slice(0, query.limit);
  await recordAudit(database.db, actor, "list", "audit_log", null, now);
  return { data, nextCursor: rows.length > query.limit ? String(data.at(-1)?.id) : null };
};
