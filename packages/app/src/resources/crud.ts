import { DomainError, notFound, unstorableCharacter } from "@billcycle/core";
import { type Database, type Executor, isUuid, newId } from "@billcycle/db";
import { and, asc, desc, eq, getTableColumns, gt, gte, lte, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../auth/actor";
import { translateDbError } from "../db-errors";
import type { ResourceDefinition, Row, WriteContext } from "./resource-definition";

export type TenantActor = Actor & { practiceId: string };
/** `total`: how many records match the filters, on every page, when the list was asked for it. */
export type Page = { data: Row[]; nextCursor: string | null; total?: number };
export type ListQuery = {
  limit: number;
  cursor?: string | undefined;
  filters: Record<string, unknown>;
  /** A key of the definition's `sorts`, `-` first for descending. */
  sort?: string | undefined;
  /** Also count every record the filters match (one more query: asked for by screens that show it). */
  withTotal?: boolean | undefined;
};

/** `rowKey`: the property of a selected row holding the sort column's value (for the cursor). */
type SortKey = { key: string; column: PgColumn; rowKey: string; descending: boolean };

const sortOf = (def: ResourceDefinition, sort: string | undefined): SortKey | null => {
  if (!sort) return null;
  const descending = sort.startsWith("-");
  const key = descending ? sort.slice(1) : sort;
  const column = def.sorts?.[key];
  if (!column)
    throw new DomainError("VALIDATION_FAILED", `Cannot sort ${def.path} by ${key}`, { field: "sort" });
  // A sort may read another column than its name says (number → number_seq): the cursor takes that column's value.
  const rowKey = Object.entries(getTableColumns(def.table)).find(([, c]) => c === column)?.[0] ?? key;
  return { key, column, rowKey, descending };
};

/** A sorted page's cursor: the last row's sort value and id, as base64url JSON. */
const encodeCursor = (value: unknown, id: unknown): string =>
  Buffer.from(JSON.stringify([value instanceof Date ? value.toISOString() : value, id])).toString(
    "base64url",
  );

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/**
 * Whether a cursor's sort value is one the sort column can be compared with. A cursor is the caller's text:
 * without this, a value of another type reaches the database and is refused there (22P02, 22007, 22021).
 */
const fitsColumn = (column: PgColumn, value: unknown): boolean => {
  switch (column.columnType) {
    case "PgInteger":
    case "PgSmallInt":
    case "PgBigInt53":
      return typeof value === "number" && Number.isSafeInteger(value);
    case "PgDateString":
      return (
        typeof value === "string" &&
        isoDate.test(value) &&
        new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value
      );
    case "PgTimestamp":
    case "PgTimestampString":
      return typeof value === "string" && isoInstant.test(value) && !Number.isNaN(Date.parse(value));
    case "PgText":
    case "PgVarchar":
      return typeof value === "string" && unstorableCharacter(value) === null;
    case "PgUUID":
      return typeof value === "string" && isUuid(value);
    default:
      // A sort on a column of another type needs its rule here; until then its cursors are refused, not sent.
      return false;
  }
};

const decodeCursor = (cursor: string, column: PgColumn): [string | number, string] => {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (typeof parsed[0] === "string" || typeof parsed[0] === "number") &&
      fitsColumn(column, parsed[0]) &&
      typeof parsed[1] === "string" &&
      isUuid(parsed[1])
    )
      return [parsed[0], parsed[1]];
  } catch {
    // falls through to the error below
  }
  throw new DomainError("VALIDATION_FAILED", "The cursor does not belong to this sort order", {
    field: "cursor",
  });
};

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
  mode: "list" | "one" = "one",
): Promise<Row[]> => (def.expand ? def.expand(tx, practiceId, rows, mode) : rows);

export const listResource = async (
  database: Database,
  def: ResourceDefinition,
  { actor, query, now }: { actor: TenantActor; query: ListQuery; now: Date },
): Promise<Page> =>
  inTransaction(database, async (tx) => {
    const conditions: SQL[] = [eq(def.table.practiceId, actor.practiceId)];
    const filtered: SQL[] = [];
    const sort = sortOf(def, query.sort);
    if (query.cursor && sort) {
      const [value, id] = decodeCursor(query.cursor, sort.column);
      conditions.push(
        sort.descending
          ? sql`(${sort.column}, ${def.table.id}) < (${value}, ${id}::uuid)`
          : sql`(${sort.column}, ${def.table.id}) > (${value}, ${id}::uuid)`,
      );
    } else if (query.cursor) {
      if (!isUuid(query.cursor))
        throw new DomainError("VALIDATION_FAILED", "The cursor does not belong to this list", {
          field: "cursor",
        });
      conditions.push(gt(def.table.id, query.cursor));
    }
    for (const [key, value] of Object.entries(query.filters)) {
      const filter = def.filters[key];
      if (!filter || value === undefined) continue;
      if ("where" in filter) {
        filtered.push(filter.where(value, actor.practiceId));
        continue;
      }
      const op = filter.op === "eq" ? eq : filter.op === "gte" ? gte : lte;
      filtered.push(op(filter.column, value));
    }
    conditions.push(...filtered);
    const rows = (await tx
      .select()
      .from(def.table)
      .where(and(...conditions))
      .orderBy(
        ...(sort === null
          ? [asc(def.table.id)]
          : sort.descending
            ? [desc(sort.column), desc(def.table.id)]
            : [asc(sort.column), asc(def.table.id)]),
      )
      .limit(query.limit + 1)) as Row[];
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const nextCursor =
      rows.length > query.limit && last
        ? sort
          ? encodeCursor(last[sort.rowKey], last.id)
          : String(last.id)
        : null;
    if (def.phi) {
      await recordAudit(tx, actor, "list", def.entity, null, now, { ids: page.map((r) => r.id) });
    }
    const data = await expand(tx, def, actor.practiceId, page, "list");
    if (!query.withTotal) return { data, nextCursor };
    // The cursor narrows the page, not the count: every page says the same total.
    const [counted] = await tx
      .select({ total: sql<number>`count(*)::int` })
      .from(def.table)
      .where(and(eq(def.table.practiceId, actor.practiceId), ...filtered));
    return { data, nextCursor, total: Number(counted?.total ?? 0) };
  });

export const getResource = async (
  database: Database,
  def: ResourceDefinition,
  { actor, id, now }: { actor: TenantActor; id: string; now: Date },
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
  { actor, input, now }: { actor: TenantActor; input: Row; now: Date },
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

export type ResourceUpdate = {
  actor: TenantActor;
  id: string;
  /** The version the caller read (optimistic concurrency). */
  version: number;
  patch: Row;
  now: Date;
};

export const updateResource = async (
  database: Database,
  def: ResourceDefinition,
  { actor, id, version, patch, now }: ResourceUpdate,
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
  { actor, id, now }: { actor: TenantActor; id: string; now: Date },
): Promise<void> =>
  inTransaction(database, async (tx) => {
    const rows = (await tx
      .delete(def.table)
      .where(scoped(def, actor.practiceId, id))
      .returning()) as Row[];
    if (!rows[0]) throw notFound(def.label);
    await recordAudit(tx, actor, "delete", def.entity, id, now);
  });
