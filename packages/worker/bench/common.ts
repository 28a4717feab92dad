import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Database } from "@billcycle/db";

/** Raw SQL with positional parameters on either backend (the bench bypasses drizzle where it measures nothing). */
export const query = async <T = Record<string, unknown>>(
  database: Database,
  text: string,
  params: unknown[] = [],
): Promise<T[]> => {
  if (database.native.pool) return (await database.native.pool.query(text, params)).rows as T[];
  if (database.native.pglite) return (await database.native.pglite.query<T>(text, params)).rows;
  throw new Error("database has no native client");
};

export const scalar = async (database: Database, text: string, params: unknown[] = []): Promise<number> => {
  const [row] = await query<{ n: string | number }>(database, text, params);
  return Number(row?.n ?? 0);
};

const started = performance.now();

/** A progress line on stderr, stamped with the seconds since the bench started. */
export const progress = (msg: string): void => {
  process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)}s] ${msg}\n`);
};

/** Nearest-rank percentile of an ascending array. */
export const percentile = (sorted: readonly number[], p: number): number => {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
};

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export const fmtInt = (n: number): string => Math.round(n).toLocaleString("en-US");

/** A check the bench prints and, when it fails, counts: a benchmark on wrong results measures nothing. */
export type Check = { name: string; ok: boolean; detail: string };

export const check = (checks: Check[], name: string, ok: boolean, detail: string): void => {
  checks.push({ name, ok, detail });
  progress(`  check ${ok ? "ok  " : "FAIL"} ${name}: ${detail}`);
};

/** Formats a Markdown file the bench wrote as the repository's formatter would (so `npm run lint` stays clean). */
export const formatMarkdown = (path: string): void => {
  const biome = fileURLToPath(new URL("../../../node_modules/.bin/biome", import.meta.url));
  try {
    execFileSync(biome, ["format", "--write", path], { stdio: "ignore" });
  } catch {
    progress(`could not format ${path}: run npm run format`);
  }
};

/** A positive integer option ("100_000" allowed), or `fallback` when absent. */
export const positiveInt = (value: string | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  const n = Number(value.replaceAll("_", ""));
  if (!Number.isInteger(n) || n < 1) throw new Error(`not a positive integer: ${value}`);
  return n;
};

/** The PostgreSQL server a bench may create and drop its databases on. */
export const benchDatabaseUrl = (option: string | undefined): string =>
  option ??
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  "postgres://postgres@127.0.0.1:5432/test";

/**
 * Replaces the `## ` section titled `title` of the Markdown file at `path` with `body` (its first line is the
 * title), or appends it; every other section is left as it is. Then formats the file.
 */
export const replaceSection = (path: string, title: string, body: readonly string[]): void => {
  const lines = readFileSync(path, "utf8").replace(/\n+$/, "").split("\n");
  const start = lines.findIndex((l) => l.trim() === title);
  let next: string[];
  if (start < 0) next = [...lines, "", ...body];
  else {
    let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
    if (end < 0) end = lines.length;
    next = [...lines.slice(0, start), ...body, ...(end < lines.length ? ["", ...lines.slice(end)] : [])];
  }
  writeFileSync(path, `${next.join("\n").replace(/\n+$/, "")}\n`);
  formatMarkdown(path);
};
