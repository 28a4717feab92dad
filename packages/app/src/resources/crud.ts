import { DomainError, notFound } from "@billcycle/core";
import { type Database, type Executor, newId } from "@billcycle/db";
import { and, asc, eq, gt, gte, lte, type SQL, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../auth/actor";
import { translateDbError } from "../db-errors";
import type { ResourceDefinition, Row, WriteContext } from "./resource-definition";

export type TenantActor = Actor & { practiceId: string };
export type Page = { data: Row[]; nextCursor: string | null };
export type ListQuery = { limit: number; cursor?: string | undefined; filters: Record<string, unknown> };

const inTransaction = async <T>(database: Database, fn: (tx: Executor) => Promise<T>): Promise<T> => {
  try {
    return await database.db.transaction(fn);
  } catch (e) {
    throw translateDbError(e);
  }
};

const scoped = (def: ResourceDefinition, practiceId: string, id: string): SQL =>
  and(eq(def.table.practiceId, practiceId), eq(def.table.id, id)) as SQL;

const findOne = async (
  tx: Executor,
  def: ResourceDefinition,
  practiceId: string,
  id: string,
): Promise<Row | null> => {
  const rows = (await tx
    .select()
    .from(def.table)
    .where(scoped(def, practiceId, id))
    .limit(1)) as Row[];
  return rows[0] ?? null;
};

const expand = async (
  tx: Executor,
  def: ResourceDefinition,
  practiceId: string,
  rows: Row[],
): Promise<Row[]> => (def.expand ? def.expand(tx, practiceId, rows) : rows);

export const listResource = async (
  database: Database,
  def: ResourceDefinition,
  actor: TenantActor,
  query: ListQuery,
  now: Date,
): Promise<Page> =>
  inTransaction(database, async (tx) => {
    const conditions: SQL[] = [eq(def.table.practiceId, actor.practiceId)];
    if (query.cursor) conditions.push(gt(def.table.id, query.cursor));
    for (const [key, value] of Object.entries(query.filters)) {
      const filter = def.filters[key];
      if (!filter || value === undefined) continue;
      if ("where" in filter) {
        conditions.push(filter.where(value));
        continue;
      }
      const op = filter.op === "eq" ? eq : filter.op === "gte" ? gte : lte;
      conditions.push(op(filter.column, value));
    }
    const rows = (await tx
      .select()
      .from(def.table)
      .where(and(...conditions))
      .orderBy(asc(def.table.id))
      .limit(query.limit + 1)) as Row[];
    const page = rows.slice(0, query.limit);
    const nextCursor = rows.length > query.limit ? String(page.at(-1)?.id) : null;
    if (def.phi) {
      await recordAudit(tx, actor, "list", def.entity, null, now, { ids: page.map((r) => r.id) });
    }
    return { data: await expand(tx, def, actor.practiceId, page), nextCursor };
  });

export const getResource = async (
  database: Database,
  def: ResourceDefinition,
  actor: TenantActor,
  id: string,
  now: Date,
): Promise<Row> =>
  inTransaction(database, async (tx) => {
    const row = await findOne(tx, def, actor.practiceId, id);
    if (!row) throw notFound(def.label);
    if (def.phi) await recordAudit(tx, actor, "read", def.entity, id, now);
    const [expanded] = await expand(tx, def, actor.practiceId, [row]);
    return expanded ?? row;
  });

export const createResource = async (
  database: Database,
  def: ResourceDefinition,
  actor: TenantActor,
  input: Row,
  now: Date,
): Promise<Row> =>
  inTransaction(database, async (tx) => {
    const ctx: WriteContext = { tx, actor, now };
    let created: Row;
    if (def.create) {
      created = await def.create(input, ctx);
    } else {
      const prepared = def.prepareCreate ? await def.prepareCreate(input, ctx) : input;
      const values = {
        ...prepared,
        id: newId(now.getTime()),
        practiceId: actor.practiceId,
        createdAt: now,
        updatedAt: now,
      };
      def.validate?.(values);
      const rows = (await tx
        .insert(def.table)
        .values(values as never)
        .returning()) as Row[];
      created = rows[0]!;
    }
    await recordAudit(tx, actor, "create", def.entity, String(created.id), now, {
      fields: Object.keys(input).sort(),
    });
    const [expanded] = await expand(tx, def, actor.practiceId, [created]);
    return expanded ?? created;
  });

export const updateResource = async (
  database: Database,
  def: ResourceDefinition,
  actor: TenantActor,
  id: string,
  version: number,
  patch: Row,
  now: Date,
): Promise<Row> =>
  inTransaction(database, async (tx) => {
    const existing = await findOne(tx, def, actor.practiceId, id);
    if (!existing) throw notFound(def.label);
    if (existing.version !== version) {
      throw new DomainError(
        "VERSION_CONFLICT",
        `${def.label} was changed by someone else (version ${String(existing.version)}, you sent ${version}); reload and retry`,
        { currentVersion: existing.version },
      );
    }
    const ctx: WriteContext = { tx, actor, now };
    let updated: Row;
    if (def.update) {
      updated = await def.update(id, patch, existing, ctx);
    } else {
      const prepared = def.prepareUpdate ? await def.prepareUpdate(patch, existing, ctx) : patch;
      def.validate?.({ ...existing, ...prepared });
      const rows = (await tx
        .update(def.table)
        .set({ ...prepared, version: sql`${def.table.version} + 1`, updatedAt: now } as never)
        .where(and(scoped(def, actor.practiceId, id), eq(def.table.version, version)))
        .returning()) as Row[];
      // A concurrent writer bumped the version between our read and write.
      if (!rows[0])
        throw new DomainError("VERSION_CONFLICT", `${def.label} was changed concurrently; reload and retry`);
      updated = rows[0];
    }
    await recordAudit(tx, actor, "update", def.entity, id, now, { fields: Object.keys(patch).sort() });
    const [expanded] = await expand(tx, def, actor.practiceId, [updated]);
    return expanded ?? updated;
  });

export const deleteResource = async (
  database: Database,
  def: ResourceDefinition,
  actor: TenantActor,
  id: string,
  now: Date,
): Promise<void> =>
  inTransaction(database, async (tx) => {
    const rows = (await tx
      .delete(def.table)
      .where(scoped(def, actor.practiceId, id))
      .returning()) as Row[];
    if (!rows[0]) throw notFound(def.label);
    await recordAudit(tx, actor, "delete", def.entity, id, now);
  });
