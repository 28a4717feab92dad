import type { Database } from "@billcycle/db";
import type pg from "pg";
import { columnsOf, insertText } from "./ceiling";
import { query } from "./common";

/**
 * The raw-insert ceiling of a claims path: the rows it wrote (same values, widths and counts) are read out as text,
 * deleted, vacuumed, and inserted again as fast as the database takes them — one transaction per `batchUnits`
 * units (claims), one prepared INSERT … SELECT FROM unnest($1::text[], …) per table, over 1 or more connections.
 * Nothing is decided or read, nothing else is written. The rows end up as they were.
 */
export type CeilingTable = {
  name: string;
  /** The column naming the unit a row belongs to (a claim, a remittance claim). */
  unit: string;
  order: string;
};

export type ClaimsCeiling = {
  connections: number;
  units: number;
  rows: number;
  ms: number;
  unitsPerSecond: number;
};

/**
 * `tables[0]` defines the units (its `unit` column, in `order`); the other tables' rows join the batch of their
 * unit. `where` selects the rows (SQL on every table, e.g. a practice filter). Runs once per connection count.
 */
export const measureClaimsCeiling = async (
  database: Database,
  tables: readonly CeilingTable[],
  where: string,
  options: { connections: readonly number[]; batchUnits?: number },
): Promise<ClaimsCeiling[]> => {
  const pool = database.native.pool;
  if (!pool) throw new Error("the claims ceiling runs on PostgreSQL");
  const batchUnits = options.batchUnits ?? 1000;
  const columns = await Promise.all(tables.map((t) => columnsOf(database, t.name)));
  const batchOf = new Map<string, number>();
  const batches: string[][][][] = [];
  let rows = 0;
  for (const [t, table] of tables.entries()) {
    const cols = columns[t]!;
    const result = await query<Record<string, string | null>>(
      database,
      `SELECT ${cols.map((c) => `"${c.name}"::text AS "${c.name}"`).join(", ")} FROM ${table.name}
       WHERE ${where} ORDER BY ${table.order}`,
    );
    for (const row of result) {
      const unit = row[table.unit]!;
      let b = batchOf.get(unit);
      if (b === undefined) {
        if (t !== 0) throw new Error(`${table.name} row for an unknown unit ${unit}`);
        b = Math.floor(batchOf.size / batchUnits);
        batchOf.set(unit, b);
        batches[b] ??= tables.map((_, i) => columns[i]!.map(() => []));
      }
      const batch = batches[b]!;
      for (let i = 0; i < cols.length; i++) batch[t]![i]!.push(row[cols[i]!.name] as string);
      rows++;
    }
  }
  const texts = tables.map((t, i) => insertText(t.name, columns[i]!));
  const results: ClaimsCeiling[] = [];
  for (const connections of options.connections) {
    // The client ledger links ERA entries to postings; the same rows come back with the same ids, so the
    // foreign-key check is skipped for the delete (replica role, this transaction only).
    for (const table of [...tables].reverse())
      await database.exec(
        `BEGIN; SET LOCAL session_replication_role = replica; DELETE FROM ${table.name} WHERE ${where}; COMMIT;`,
      );
    for (const table of tables) await database.exec(`VACUUM ANALYZE ${table.name}`);
    const clients: pg.PoolClient[] = [];
    for (let c = 0; c < connections; c++) clients.push(await pool.connect());
    let next = 0;
    try {
      const t0 = performance.now();
      await Promise.all(
        clients.map(async (client) => {
          for (let b = next++; b < batches.length; b = next++) {
            await client.query("BEGIN");
            for (const [t, text] of texts.entries())
              await client.query({
                name: `claims_ceiling_${tables[t]!.name}`,
                text,
                values: batches[b]![t]!,
              });
            await client.query("COMMIT");
          }
        }),
      );
      const ms = performance.now() - t0;
      results.push({
        connections,
        units: batchOf.size,
        rows,
        ms,
        unitsPerSecond: batchOf.size / (ms / 1000),
      });
    } finally {
      for (const c of clients) c.release();
    }
  }
  return results;
};
