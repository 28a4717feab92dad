import type { Database } from "@billcycle/db";

const uuidPattern = /^[0-9a-f-]{36}$/i;

const query = (database: Database, sqlText: string) => database.withSession((exec) => exec(sqlText));

/** Every table in the schema (read from the database, so new tables are included without editing tests). */
export const allTables = async (database: Database): Promise<string[]> =>
  (
    await query(
      database,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
    )
  ).map((r) => String(r.table_name));

/** Every table with a practice_id column: the tenant-owned data. */
export const tenantTables = async (database: Database): Promise<string[]> =>
  (
    await query(
      database,
      "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'practice_id' ORDER BY table_name",
    )
  ).map((r) => String(r.table_name));

/** Row counts of every table: a refused request must leave all of them as they were. */
export const rowCounts = async (database: Database): Promise<Record<string, number>> => {
  const counts: Record<string, number> = {};
  for (const table of await allTables(database)) {
    const [row] = await query(database, `SELECT count(*)::int AS n FROM "${table}"`);
    counts[table] = Number(row?.n);
  }
  return counts;
};

/** Every row a practice owns (its practice row and each tenant table), as canonical JSON for comparison. */
export const practiceSnapshot = async (
  database: Database,
  practiceId: string,
): Promise<Record<string, string[]>> => {
  if (!uuidPattern.test(practiceId)) throw new Error(`not a uuid: ${practiceId}`);
  const snapshot: Record<string, string[]> = {};
  const practice = await query(
    database,
    `SELECT row_to_json(t)::text AS j FROM practices t WHERE id = '${practiceId}'`,
  );
  snapshot.practices = practice.map((r) => String(r.j));
  for (const table of await tenantTables(database)) {
    const rows = await query(
      database,
      `SELECT row_to_json(t)::text AS j FROM "${table}" t WHERE practice_id = '${practiceId}'`,
    );
    snapshot[table] = rows.map((r) => String(r.j)).sort();
  }
  return snapshot;
};

export const sqlRows = (database: Database, sqlText: string) => query(database, sqlText);
