import { createHash } from "node:crypto";
import { getTableColumns, type SQL, sql } from "drizzle-orm";
import { type PgColumn, PgDialect, type PgTable } from "drizzle-orm/pg-core";
import { type Executor, rowsOf } from "./database";

/** A value every inserted row gets (one scalar parameter instead of an array). */
export class EveryRow {
  constructor(readonly value: unknown) {}
}
export const everyRow = (value: unknown): EveryRow => new EveryRow(value);

/** Per column of `T`: one value per row, or the same value for every row. Omitted columns take their defaults. */
export type BulkColumns<T extends PgTable> = {
  [K in keyof T["_"]["columns"]]?: readonly unknown[] | EveryRow;
};

const encode = (value: unknown, type: string): string | null => {
  if (value === null || value === undefined) return null;
  if (type === "jsonb" || type === "json") return JSON.stringify(value);
  if (value instanceof Date) return value.toISOString();
  return String(value);
};

/** What an array element may not contain unquoted (and what, quoted, must be escaped: `"` and `\`). */
const SPECIAL = /[\s,{}"\\]/;
const ESCAPE = /["\\]/g;

/** One PostgreSQL array literal, so a whole column travels as a single parameter. */
export const pgArray = (values: readonly unknown[], type: string): string => {
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ",";
    const v = encode(values[i], type);
    if (v === null) out += "NULL";
    // Ids, numbers, dates and the like go bare; anything else (or an empty string, or NULL spelled out) quoted.
    else if (v !== "" && !SPECIAL.test(v) && (v.length !== 4 || v.toUpperCase() !== "NULL")) out += v;
    else out += `"${v.replace(ESCAPE, "\\$&")}"`;
  }
  return `${out}}`;
};

/**
 * `INSERT INTO t (…) SELECT … FROM unnest($1::type[], $2::type[], …)`: a batch of rows in one statement with one
 * parameter per column, however many rows. Much cheaper to build, send and parse than a multi-row VALUES list
 * with a parameter per value. `suffix` follows (ON CONFLICT …, RETURNING …).
 */
export const bulkInsert = <T extends PgTable>(table: T, values: BulkColumns<T>, suffix?: SQL): SQL => {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const names: string[] = [];
  const selected: SQL[] = [];
  const arrays: SQL[] = [];
  const aliases: string[] = [];
  for (const [key, spec] of Object.entries(
    values as Record<string, readonly unknown[] | EveryRow | undefined>,
  )) {
    if (spec === undefined) continue;
    const column = columns[key];
    if (!column) throw new Error(`bulkInsert: no column ${key}`);
    const type = column.getSQLType();
    names.push(`"${column.name}"`);
    if (spec instanceof EveryRow) {
      selected.push(sql`${encode(spec.value, type)}::${sql.raw(type)}`);
    } else {
      const alias = `c${arrays.length}`;
      aliases.push(alias);
      arrays.push(sql`${pgArray(spec, type)}::${sql.raw(type)}[]`);
      selected.push(sql.raw(`u.${alias}`));
    }
  }
  return sql`INSERT INTO ${table} (${sql.raw(names.join(", "))}) SELECT ${sql.join(selected, sql`, `)} FROM unnest(${sql.join(arrays, sql`, `)}) AS u(${sql.raw(aliases.join(", "))})${suffix ? sql` ${suffix}` : sql``}`;
};

/**
 * Several data-modifying statements as one (`WITH s0 AS (…), s1 AS (…) last`): one round trip, one snapshot,
 * atomic on its own. Foreign keys between them are checked at the end of the statement, when all rows exist.
 */
export const oneStatement = (statements: readonly SQL[]): SQL => {
  if (statements.length === 0) throw new Error("oneStatement: nothing to run");
  const last = statements[statements.length - 1]!;
  if (statements.length === 1) return last;
  const ctes = statements.slice(0, -1).map((s, i) => sql`${sql.raw(`s${i}`)} AS (${s})`);
  return sql`WITH ${sql.join(ctes, sql`, `)} ${last}`;
};

const dialect = new PgDialect();

/**
 * Runs `query` as a named prepared statement, named after its text: PostgreSQL parses and plans each statement shape
 * once per connection instead of on every call (the engine's statements are few shapes with array parameters, so
 * the names are few). On PGlite the name is ignored.
 */
export const runPrepared = async <T>(tx: Executor, query: SQL): Promise<T[]> => {
  const q = dialect.sqlToQuery(query);
  return rowsOf<T>(await tx._.session.prepareQuery(q, undefined, statementName(q.sql), false).execute());
};

const statementName = (text: string): string =>
  `bc_${createHash("sha1").update(text).digest("base64url").slice(0, 24)}`;

/** The same for a drizzle query builder (its rows mapped as usual): prepared under the name of its text. */
export const executePrepared = <R>(query: {
  toSQL(): { sql: string };
  prepare(name: string): { execute(): Promise<R> };
}): Promise<R> => query.prepare(statementName(query.toSQL().sql)).execute();
