import type { Database } from "./database";

/**
 * ANALYZE those of `tables` the planner still takes for (nearly) empty: never analyzed, or analyzed with fewer than
 * `rows` rows. A run that fills a table from empty calls it after its first batch, because PostgreSQL keeps a
 * foreign-key check's plan for the life of the connection: planned against an empty `documents`, the check of
 * (practice_id, id) walks another (practice_id, …) index, every document of the practice for every row inserted
 * (bench:documents: 38 superbills/s at 10,000 clients, 1.1 s of checks per batch). ANALYZE invalidates those plans.
 * Autovacuum does the same a minute later where it runs; PGlite and a server with it off never do. Returns the
 * tables analyzed.
 */
export const analyzeIfPlannedEmpty = async (
  database: Database,
  tables: readonly string[],
  rows: number,
): Promise<string[]> => {
  const stale = await database.withSession(async (exec) => {
    const found = await exec(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.reltuples < ${Math.max(0, Math.floor(rows))}
          AND c.relname IN (${tables.map((t) => `'${t.replaceAll("'", "''")}'`).join(", ")})`,
    );
    return found.map((r) => String(r.name));
  });
  for (const table of stale) await database.exec(`ANALYZE "${table.replaceAll('"', '""')}"`);
  return stale;
};
