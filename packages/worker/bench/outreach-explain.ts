/**
 * EXPLAIN (ANALYZE, BUFFERS) of every list query bench:outreach times, on a database it kept:
 *
 *   npm run bench:outreach -- --keep --no-doc        # prints "kept the database bench_outreach_…"
 *   npx tsx packages/worker/bench/outreach-explain.ts --db bench_outreach_… [--queries 50] [--shape surname]
 *       [--generic] [--plans]
 *
 * For each shape and each of its queries: the execution time of its plan with the values inlined (a custom plan),
 * and with --generic the plan PostgreSQL caches for the prepared statement after five runs (plan_cache_mode =
 * force_generic_plan), since the app runs the list as a named prepared statement. Prints per shape the slowest
 * queries and, with --plans, their plans.
 */
import { parseArgs } from "node:util";
import {
  type ListOutreachSetsQuery,
  listOutreachSetsQuerySchema,
  outreachListSql,
  searchedClientIds,
  searchedClientsSql,
} from "@billcycle/app";
import { type Database, openDatabase } from "@billcycle/db";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { benchDatabaseUrl, percentile, positiveInt, query } from "./common";
import { screenShapes } from "./outreach-shapes";

const { values: args } = parseArgs({
  options: {
    url: { type: "string" },
    db: { type: "string" },
    queries: { type: "string" },
    shape: { type: "string" },
    generic: { type: "boolean", default: false },
    plans: { type: "boolean", default: false },
    top: { type: "string" },
  },
});
if (!args.db) throw new Error("--db bench_outreach_… (a database bench:outreach kept) is required");
const url = new URL(benchDatabaseUrl(args.url));
url.pathname = `/${args.db}`;
const queries = positiveInt(args.queries, 50);
const top = positiveInt(args.top, 3);
const now = new Date("2026-07-01T17:00:00Z");
const dialect = new PgDialect();

type Plan = { "Execution Time": number; "Planning Time": number; Plan: unknown };

const explain = async (database: Database, text: string, params: unknown[], generic: boolean) => {
  const pool = database.native.pool!;
  const client = await pool.connect();
  try {
    await client.query(`SET plan_cache_mode = ${generic ? "force_generic_plan" : "force_custom_plan"}`);
    await client.query("DEALLOCATE ALL");
    await client.query(`PREPARE q AS ${text}`);
    const literal = params.map((p) => client.escapeLiteral(String(p))).join(", ");
    const [row] = (
      await client.query<{ "QUERY PLAN": Plan[] }>(
        `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) EXECUTE q${params.length ? `(${literal})` : ""}`,
      )
    ).rows;
    const text2 = (
      await client.query<{ "QUERY PLAN": string }>(
        `EXPLAIN (ANALYZE, BUFFERS) EXECUTE q${params.length ? `(${literal})` : ""}`,
      )
    ).rows
      .map((r) => r["QUERY PLAN"])
      .join("\n");
    await client.query("DEALLOCATE q");
    await client.query("RESET plan_cache_mode");
    const plan = row!["QUERY PLAN"][0]!;
    return { ms: plan["Execution Time"], planning: plan["Planning Time"], text: text2 };
  } finally {
    client.release();
  }
};

const explainSql = (database: Database, query: SQL, generic: boolean) => {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return explain(database, text, params, generic);
};

const main = async () => {
  const database = await openDatabase({ kind: "postgres", url: url.toString(), poolSize: 1 });
  try {
    const [practice] = await query<{ id: string }>(database, "SELECT id::text AS id FROM practices LIMIT 1");
    const ruleSets = await query<{ id: string; name: string }>(
      database,
      "SELECT id::text AS id, name FROM outreach_rule_sets WHERE practice_id = $1",
      [practice!.id],
    );
    const idOf = (name: string) => ruleSets.find((r) => r.name === name)!.id;
    const shapes = await screenShapes(
      database,
      { practiceId: practice!.id, standardId: idOf("Standard"), gentleId: idOf("Gentle") },
      queries,
      now,
    );
    for (const shape of shapes) {
      if (args.shape && !shape.name.includes(args.shape)) continue;
      for (const generic of args.generic ? [false, true] : [false]) {
        const runs: Array<{ ms: number; planning: number; label: string; text: string }> = [];
        for (let i = 0; i < queries; i++) {
          const q: ListOutreachSetsQuery = listOutreachSetsQuerySchema.parse({ limit: 50 });
          Object.assign(q, shape.query(i));
          // A name or phone search is two statements (its patients, then their sets): both count.
          const lookup = q.search ? searchedClientsSql(practice!.id, q.search) : null;
          const first = lookup ? await explainSql(database, lookup, generic) : null;
          const clientIds = await searchedClientIds(database.db, practice!.id, q.search);
          const r = await explainSql(database, outreachListSql(practice!.id, q, clientIds), generic);
          runs.push({
            ms: r.ms + (first?.ms ?? 0),
            planning: r.planning + (first?.planning ?? 0),
            text: first ? `${first.text}\n${r.text}` : r.text,
            label: JSON.stringify(shape.query(i)),
          });
        }
        const times = runs.map((r) => r.ms).sort((a, b) => a - b);
        const slow = [...runs].sort((a, b) => b.ms - a.ms).slice(0, top);
        process.stdout.write(
          `${shape.name}${generic ? " (generic plan)" : ""}: execution p50 ${percentile(times, 50).toFixed(1)} ms, ` +
            `p95 ${percentile(times, 95).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms; slowest: ` +
            `${slow.map((s) => `${s.ms.toFixed(1)} ms ${s.label}`).join("; ")}\n`,
        );
        if (args.plans) for (const s of slow) process.stdout.write(`--- ${s.label}\n${s.text}\n`);
      }
    }
  } finally {
    await database.close();
  }
};

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
