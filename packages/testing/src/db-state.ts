import type { Database } from "@billcycle/db";

const uuidPattern = /^[0-9a-f-]{36}$/i;

const query = (database: Database, sqlText: string) => database.withSession((exec) => exec(sqlText));

/** Table lists read from the database (so new tables are covered without editing tests), once per database. */
const tableLists = new WeakMap<Database, { all: string[]; tenant: string[] }>();

const tablesOf = async (database: Database) => {
  const cached = tableLists.get(database);
  if (cached) return cached;
  const all = (
    await query(
      database,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
    )
  ).map((r) => String(r.table_name));
  const tenant = (
    await query(
      database,
      "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'practice_id' ORDER BY table_name",
    )
  ).map((r) => String(r.table_name));
  const lists = { all, tenant };
  tableLists.set(database, lists);
  return lists;
};

/** Every table with a practice_id column: the tenant-owned data. */
export const tenantTables = async (database: Database): Promise<string[]> =>
  (await tablesOf(database)).tenant;

/** Row counts of every table: a refused request must leave all of them as they were. */
export const rowCounts = async (database: Database): Promise<Record<string, number>> => {
  const { all } = await tablesOf(database);
  const rows = await query(
    database,
    all.map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM "${t}"`).join(" UNION ALL "),
  );
  return Object.fromEntries(rows.map((r) => [String(r.t), Number(r.n)]));
};

/** Every row a practice owns (its practice row and each tenant table), as canonical JSON for comparison. */
export const practiceSnapshot = async (
  database: Database,
  practiceId: string,
): Promise<Record<string, string[]>> => {
  if (!uuidPattern.test(practiceId)) throw new Error(`not a uuid: ${practiceId}`);
  const { tenant } = await tablesOf(database);
  const parts = [
    `SELECT 'practices' AS t, row_to_json(x)::text AS j FROM practices x WHERE id = '${practiceId}'`,
    ...tenant.map(
      (t) =>
        `SELECT '${t}' AS t, row_to_json(x)::text AS j FROM "${t}" x WHERE practice_id = '${practiceId}'`,
    ),
  ];
  const rows = await query(database, parts.join(" UNION ALL "));
  const snapshot: Record<string, string[]> = { practices: [] };
  for (const t of tenant) snapshot[t] = [];
  for (const r of rows) snapshot[String(r.t)]?.push(String(r.j));
  for (const list of Object.values(snapshot)) list.sort();
  return snapshot;
};

export const sqlRows = (database: Database, sqlText: string) => query(database, sqlText);
