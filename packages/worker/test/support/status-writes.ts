import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { type StatusColumn, statesOf, statusColumns } from "@billcycle/core";
import { type Executor, rowsOf, tables } from "@billcycle/db";
import { getTableName, is, sql, Table } from "drizzle-orm";

export const REPO_ROOT = new URL("../../../../", import.meta.url).pathname;

/** Column names (SQL and their drizzle keys) that hold a state of a status table. */
const STATUS_KEYS: Record<string, string> = {
  status: "status",
  postingStatus: "posting_status",
  posting_status: "posting_status",
  paymentStatus: "payment_status",
  payment_status: "payment_status",
  adjudication: "adjudication",
  followUp: "follow_up",
  follow_up: "follow_up",
};

/** drizzle table variable (`claims`, `clearinghouseFiles`) → SQL table name. */
const sqlNameOf = new Map<string, string>(
  Object.entries(tables)
    .filter(([, t]) => is(t, Table))
    .map(([key, t]) => [key, getTableName(t as Table)]),
);

export type StatusWrite = { file: string; line: number; table: string | null; column: string; text: string };

const sourceFiles = (dir: string, out: string[] = []): string[] => {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "dist" || name === "test" || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.(ts|tsx|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
};

/** The text of the balanced (…) starting at `open` (an index of "("), without the parentheses. */
const balanced = (text: string, open: number): string => {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
};

/** Top-level keys of an object literal's text naming a status column (`status: …`, `status,`, `postingStatus: …`). */
const statusKeysIn = (objectText: string): string[] => {
  const keys: string[] = [];
  let depth = 0;
  const re = /[{}[\]()]|(?<=[{,]\s*)(status|postingStatus|paymentStatus|adjudication|followUp)\s*(?=[:,}])/g;
  for (let m = re.exec(objectText); m; m = re.exec(objectText)) {
    const c = m[0];
    if (c === "{" || c === "[" || c === "(") depth++;
    else if (c === "}" || c === "]" || c === ")") depth--;
    else if (depth === 1 && m[1]) keys.push(STATUS_KEYS[m[1]]!);
  }
  return keys;
};

const lineAt = (text: string, index: number) => text.slice(0, index).split("\n").length;

/**
 * Every place in the code (packages' sources and benchmarks, scripts; tests and the testing package aside) that
 * writes a status column:
 * drizzle `.update(t).set({ status })`, `.insert(t).values({ status })`, `bulkInsert(t, { status })`, and raw SQL
 * `UPDATE t SET status = …` / `INSERT INTO t (…, status, …)`. `table` is null when the table cannot be told.
 */
export const findStatusWrites = (root = REPO_ROOT): StatusWrite[] => {
  const files = [
    ...readdirSync(join(root, "packages"))
      .filter((p) => p !== "testing")
      .flatMap((p) =>
        ["src", "bench"].flatMap((d) => {
          const dir = join(root, "packages", p, d);
          try {
            return statSync(dir).isDirectory() ? sourceFiles(dir) : [];
          } catch {
            return [];
          }
        }),
      ),
    ...sourceFiles(join(root, "scripts")),
  ];
  const writes: StatusWrite[] = [];
  for (const path of files) {
    const text = readFileSync(path, "utf8");
    const file = relative(root, path);
    // `const files = tables.clearinghouseFiles` and the like.
    const aliases = new Map<string, string>();
    for (const m of text.matchAll(/\bconst (\w+) = tables\.(\w+);/g)) aliases.set(m[1]!, m[2]!);
    for (const m of text.matchAll(/\bconst \{([^}]*)\} = tables;/g))
      for (const [, key, name] of m[1]!.matchAll(/(\w+)\s*:\s*(\w+)/g)) aliases.set(name!, key!);
    const tableOf = (name: string | undefined): string | null => {
      if (!name) return null;
      const key = aliases.get(name) ?? name;
      return (
        sqlNameOf.get(key) ?? (key.match(/^[a-z_]+$/) && [...sqlNameOf.values()].includes(key) ? key : null)
      );
    };
    const add = (index: number, table: string | null, column: string) =>
      writes.push({ file, line: lineAt(text, index), table, column, text: text.slice(index, index + 80) });

    // drizzle builders: .update(x) … .set({…}) and .insert(x) … .values({…})
    for (const m of text.matchAll(/\.(update|insert)\(\s*(?:tables\.)?(\w+)\s*\)/g)) {
      const call = m[1] === "update" ? ".set(" : ".values(";
      const at = text.indexOf(call, m.index);
      if (at < 0 || at - m.index > 400) continue;
      for (const column of statusKeysIn(balanced(text, at + call.length - 1)))
        add(m.index, tableOf(m[2]), column);
    }
    // bulkInsert(tables.x, {…})
    for (const m of text.matchAll(/\bbulkInsert\(\s*(?:tables\.)?(\w+)\s*,/g)) {
      const args = balanced(text, m.index + "bulkInsert".length);
      const object = args.slice(args.indexOf("{"));
      for (const column of statusKeysIn(`(${object})`.slice(1, -1))) add(m.index, tableOf(m[1]), column);
    }
    // Raw SQL: UPDATE t [AS a] SET … (up to WHERE / FROM / the end of the template)
    const update =
      /\bUPDATE\s+(?:\$\{(?:tables\.)?(\w+)\}|([a-z_]+))(?:\s+(?:AS\s+)?(?!SET\b)\w+)?\s+SET\b([\s\S]*?)(?=\bWHERE\b|\bFROM\b|`|$)/g;
    for (const m of text.matchAll(update)) {
      for (const c of m[3]!.matchAll(
        /(?<![\w.])(?:\w+\.)?(status|posting_status|payment_status|adjudication|follow_up)\s*=/g,
      ))
        add(m.index, tableOf(m[1] ?? m[2]), c[1]!);
    }
    // Raw SQL: INSERT INTO t (…columns…)
    for (const m of text.matchAll(
      /\bINSERT\s+INTO\s+(?:\$\{(?:tables\.)?(\w+)\}|([a-z_]+))\s*\(([^)]*)\)/g,
    )) {
      for (const c of m[3]!.matchAll(/\b(status|posting_status|payment_status|adjudication|follow_up)\b/g))
        add(m.index, tableOf(m[1] ?? m[2]), c[1]!);
    }
  }
  return writes;
};

/** Columns whose names look like a state but hold none: never moved through a transition table. */
export const NOT_STATES: Record<string, string> = {
  "remittance_claims.status_code": "the payer's CLP02 code, as received",
  "appointments.status_changed_at": "when the status changed",
  "claim_count_changes.status": "a count's key, copied from claims by its triggers",
  "claim_count_changes.adjudication": "a count's key, copied from claims by its triggers",
};

const isWriter = (file: string, c: StatusColumn) =>
  (c.writer.endsWith("/") ? file.startsWith(c.writer) : file === c.writer) ||
  (c.alsoWrittenBy ?? []).some((w) => w.path === file);

/** The writes that are not in their column's writer (or whose table or column has no transition table). */
export const strayStatusWrites = (writes: readonly StatusWrite[]): string[] =>
  writes.flatMap((w) => {
    const where = `${w.file}:${w.line} (${w.text.split("\n")[0]!.trim()})`;
    if (w.table === null) return [`${where}: writes ${w.column} of a table the scan cannot tell`];
    if (`${w.table}.${w.column}` in NOT_STATES) return [];
    const columns = statusColumns.filter((c) => c.table === w.table && c.column === w.column);
    if (columns.length === 0) return [`${where}: ${w.table}.${w.column} has no transition table`];
    return columns.some((c) => isWriter(w.file, c))
      ? []
      : [`${where}: ${w.table}.${w.column} is written outside its writer ${columns[0]!.writer}`];
  });

/** Every stored value of every status column that is not a state of its table, as "table.column = value (n)". */
export const strayStoredStatuses = async (db: Executor): Promise<string[]> => {
  const out: string[] = [];
  for (const c of statusColumns) {
    const existing = rowsOf<{ n: number }>(
      await db.execute(
        sql.raw(`SELECT count(*)::int AS n FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = '${c.table}' AND column_name = '${c.column}'`),
      ),
    );
    if (!existing[0]?.n) continue;
    const states = statesOf(c)
      .map((s) => `'${s}'`)
      .join(", ");
    const rows = rowsOf<{ value: string | null; n: number }>(
      await db.execute(
        sql.raw(`SELECT ${c.column}::text AS value, count(*)::int AS n FROM ${c.table}
          WHERE ${c.rows ?? "true"} AND (${c.column} IS NULL OR ${c.column}::text NOT IN (${states}))
          GROUP BY 1`),
      ),
    );
    for (const r of rows)
      out.push(`${c.table}.${c.column}${c.rows ? ` (${c.rows})` : ""} = ${r.value} (${r.n})`);
  }
  return out;
};
