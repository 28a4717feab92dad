import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { acquireDataDirLock } from "./data-dir-lock";
import { ensureOwnerOnlyDir, type Tightened } from "./owner-only";
import * as schema from "./schema/index";

/**
 * The extensions the migrations create (pg_trgm: the invoice-number contains-search index). Every PGlite opened on
 * billcycle's data must load them, or writing an indexed row fails ("could not access file pg_trgm").
 */
export const pgliteExtensions = { pg_trgm };

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: repositories take whichever the caller holds. */
export type Executor = Db | Tx;

export type DatabaseConfig =
  | {
      kind: "pglite";
      dataDir: string | null;
      /** The data directory or pgdata existed with modes wider than owner-only and were tightened. */
      onTightened?: ((changes: Tightened[]) => void) | undefined;
    }
  | {
      kind: "postgres";
      url: string;
      poolSize?: number | undefined;
      /** A pooled connection was closed by the server (default: one line on stderr; see `logConnectionError`). */
      onConnectionError?: ((err: Error) => void) | undefined;
    };

export type Database = {
  kind: "pglite" | "postgres";
  db: Db;
  /** Runs SQL text of one or more statements without parameters (migrations, maintenance). */
  exec(sqlText: string): Promise<void>;
  /** Runs `fn` on one dedicated session (advisory locks must stay on the session that took them). */
  withSession<T>(
    fn: (exec: (sqlText: string) => Promise<Array<Record<string, unknown>>>) => Promise<T>,
  ): Promise<T>;
  close(): Promise<void>;
  /** The underlying client, for adapters that need protocol features (LISTEN/NOTIFY, raw COPY). */
  native: { pglite?: PGlite; pool?: pg.Pool };
  /** An embedded data directory's lock: `tookOverStale` when the previous holder died with it open. */
  dataDirLock?: { tookOverStale: boolean };
};

// node-postgres: keep bigint (int8) and numeric as exact strings; drizzle maps our bigint columns to numbers.
// DATE stays a string: dates of service are local dates, never shifted by the process time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);

export const configFromEnv = (env: NodeJS.ProcessEnv = process.env): DatabaseConfig => {
  const url = env.DATABASE_URL?.trim();
  if (url)
    return {
      kind: "postgres",
      url,
      poolSize: env.DATABASE_POOL_SIZE ? Number(env.DATABASE_POOL_SIZE) : undefined,
    };
  return { kind: "pglite", dataDir: env.BILLCYCLE_DATA_DIR?.trim() || "./data" };
};

/**
 * The server closed a connection the pool held idle (a restart, a failover, an administrator ending sessions).
 * The pool has already dropped it and opens a new one on demand; without an "error" listener node-postgres
 * would throw the error out of the process. One line with the code and message: connection errors carry no
 * row data.
 */
export const logConnectionError = (err: Error): void => {
  const code = (err as Error & { code?: unknown }).code;
  process.stderr.write(
    `${JSON.stringify({
      t: new Date().toISOString(),
      level: "error",
      msg: "database connection lost",
      code: typeof code === "string" ? code : null,
      error: err.message,
    })}\n`,
  );
};

export const openDatabase = async (config: DatabaseConfig): Promise<Database> => {
  if (config.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize ?? 10 });
    pool.on("error", config.onConnectionError ?? logConnectionError);
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return {
      kind: "postgres",
      db,
      exec: async (sqlText) => {
        await pool.query(sqlText);
      },
      withSession: async (fn) => {
        const client = await pool.connect();
        try {
          return await fn(
            async (sqlText) => (await client.query(sqlText)).rows as Array<Record<string, unknown>>,
          );
        } finally {
          client.release();
        }
      },
      close: () => pool.end(),
      native: { pool },
    };
  }
  if (config.dataDir) {
    // Owner-only before anything is written into them: PGlite would create pgdata world-readable.
    const tightened = [config.dataDir, `${config.dataDir}/pgdata`]
      .map(ensureOwnerOnlyDir)
      .filter((t): t is Tightened => t !== null);
    if (tightened.length) config.onTightened?.(tightened);
  }
  const lock = config.dataDir ? acquireDataDirLock(config.dataDir) : null;
  try {
    const client = config.dataDir
      ? await PGlite.create(`${config.dataDir}/pgdata`, { extensions: pgliteExtensions })
      : await PGlite.create({ extensions: pgliteExtensions });
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    return {
      kind: "pglite",
      db,
      exec: async (sqlText) => {
        await client.exec(sqlText);
      },
      withSession: (fn) =>
        fn(async (sqlText) => {
          const results = await client.exec(sqlText);
          return (results.at(-1)?.rows ?? []) as Array<Record<string, unknown>>;
        }),
      close: async () => {
        try {
          await client.close();
        } finally {
          lock?.release();
        }
      },
      native: { pglite: client },
      ...(lock ? { dataDirLock: { tookOverStale: lock.tookOverStale } } : {}),
    };
  } catch (e) {
    lock?.release();
    throw e;
  }
};

/** node-postgres and PGlite both answer `execute` with `{ rows }`; this reads them with the caller's row type. */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
