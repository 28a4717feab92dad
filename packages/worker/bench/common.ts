import { execFileSync } from "node:child_process";
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
