import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type Database,
  type Db,
  loadMigrations,
  logConnectionError,
  migrate,
  openDatabase,
  pgliteExtensions,
  tables as schema,
} from "@billcycle/db";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";

export type TestBackend = "pglite" | "postgres";

/** PGlite always; PostgreSQL as well when TEST_DATABASE_URL is set (CI sets it). */
export const testBackends = (): TestBackend[] =>
  process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export type TestDatabase = Database & { dispose(): Promise<void>; url?: string };

/**
 * A migrated PGlite takes ~4 s to initdb; loading a dumped, already-migrated data directory takes ~1 s.
 * The dump is cached in the temp directory under the hash of the migrations, written atomically.
 */
const pgliteSnapshot = async (): Promise<Blob> => {
  const hash = createHash("sha256")
    .update(
      loadMigrations()
        .map((m) => m.hash)
        .join(","),
    )
    .digest("hex")
    .slice(0, 16);
  const path = join(tmpdir(), `billcycle-pglite-${hash}.tar`);
  if (existsSync(path)) return new Blob([readFileSync(path)]);
  const fresh = await openDatabase({ kind: "pglite", dataDir: null });
  await migrate(fresh);
  const dump = await fresh.native.pglite!.dumpDataDir("none");
  await fresh.close();
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  renameSync(tmp, path);
  return dump;
};

const openPgliteTestDatabase = async (): Promise<TestDatabase> => {
  const client = await PGlite.create({
    loadDataDir: await pgliteSnapshot(),
    extensions: pgliteExtensions,
  });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  const close = () => client.close();
  return {
    kind: "pglite",
    db,
    exec: async (sqlText) => {
      await client.exec(sqlText);
    },
    withSession: (fn) =>
      fn(
        async (sqlText) =>
          ((await client.exec(sqlText)).at(-1)?.rows ?? []) as Array<Record<string, unknown>>,
      ),
    close,
    dispose: close,
    native: { pglite: client },
  };
};

/** A fresh database on the server per test file, migrated, and dropped afterwards. */
const openPostgresTestDatabase = async (): Promise<TestDatabase> => {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `billcycle_t_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // The pool's end() does not wait for the server to see each connection close, so DROP … WITH (FORCE) can
  // still end some: expected then, reported otherwise.
  let disposing = false;
  const database = await openDatabase({
    kind: "postgres",
    url: url.toString(),
    poolSize: 8,
    onConnectionError: (err) => {
      if (!disposing) logConnectionError(err);
    },
  });
  await migrate(database);
  return {
    ...database,
    url: url.toString(),
    dispose: async () => {
      disposing = true;
      await database.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
};

export const openTestDatabase = (backend: TestBackend): Promise<TestDatabase> =>
  backend === "pglite" ? openPgliteTestDatabase() : openPostgresTestDatabase();
