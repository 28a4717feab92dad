import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Database } from "./database";

const migrationsDir = fileURLToPath(new URL("../migrations/", import.meta.url));

type JournalEntry = { idx: number; tag: string };

export type Migration = { tag: string; sql: string; hash: string };

export const loadMigrations = (): Migration[] => {
  const journal = JSON.parse(readFileSync(`${migrationsDir}meta/_journal.json`, "utf8")) as {
    entries: JournalEntry[];
  };
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map(({ tag }) => {
      const sql = readFileSync(`${migrationsDir}${tag}.sql`, "utf8");
      return { tag, sql, hash: createHash("sha256").update(sql).digest("hex") };
    });
};

/** A fixed key for pg_advisory_lock: every process that migrates queues behind the first. */
const MIGRATION_LOCK_KEY = 7_426_001;

/**
 * Applies pending migrations in order, each in its own transaction, recording tag and hash.
 * On PostgreSQL several processes may start at once: a session-level advisory lock serializes them,
 * and each re-reads what is applied after taking it. A changed applied migration is refused.
 */
export const migrate = async (database: Database): Promise<{ applied: string[] }> => {
  const migrations = loadMigrations();
  return database.withSession(async (exec) => {
    if (database.kind === "postgres") await exec(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      await exec(
        `CREATE TABLE IF NOT EXISTS billcycle_migrations (
           tag text PRIMARY KEY, hash text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const rows = await exec("SELECT tag, hash FROM billcycle_migrations");
      const done = new Map(rows.map((r) => [String(r.tag), String(r.hash)]));
      const applied: string[] = [];
      for (const m of migrations) {
        const prior = done.get(m.tag);
        if (prior !== undefined) {
          if (prior !== m.hash) {
            throw new Error(
              `Migration ${m.tag} was changed after it was applied; add a new migration instead.`,
            );
          }
          continue;
        }
        const escapedTag = m.tag.replaceAll("'", "''");
        await exec(
          `BEGIN;\n${m.sql}\n;INSERT INTO billcycle_migrations (tag, hash) VALUES ('${escapedTag}', '${m.hash}');\nCOMMIT;`,
        ).catch(async (e: unknown) => {
          await exec("ROLLBACK").catch(() => undefined);
          throw e;
        });
        applied.push(m.tag);
      }
      return { applied };
    } finally {
      if (database.kind === "postgres") await exec(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  });
};
