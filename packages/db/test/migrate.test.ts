import { randomBytes } from "node:crypto";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../src/database";
import { loadMigrations, migrate } from "../src/migrate";

const tags = loadMigrations().map((m) => m.tag);

const recorded = async (database: Database) =>
  (await database.withSession((exec) => exec("SELECT tag, hash FROM billcycle_migrations ORDER BY tag"))).map(
    (r) => ({
      tag: String(r.tag),
      hash: String(r.hash),
    }),
  );

const tableCount = async (database: Database) =>
  Number(
    (
      await database.withSession((exec) =>
        exec("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'"),
      )
    )[0]?.n,
  );

describe.each(testBackends())("migrations on %s", (backend) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it("the journal names migrations in order, each with its SQL", () => {
    expect(tags.length).toBeGreaterThanOrEqual(2);
    expect(tags[0]).toBe("0000_foundation");
    expect([...tags].sort()).toEqual(tags);
    for (const m of loadMigrations()) {
      expect(m.sql.length).toBeGreaterThan(0);
      expect(m.hash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("on an empty database the first run applies every migration in order and the second applies none", async () => {
    // An empty public schema is a fresh database as far as migrations are concerned.
    await database.exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    expect(await tableCount(database)).toBe(0);
    expect(await migrate(database)).toEqual({ applied: tags });
    const tables = await tableCount(database);
    expect(tables).toBeGreaterThan(15);
    const hashes = loadMigrations().map(({ tag, hash }) => ({ tag, hash }));
    expect(await recorded(database)).toEqual(hashes);

    expect(await migrate(database)).toEqual({ applied: [] });
    expect(await migrate(database)).toEqual({ applied: [] });
    expect(await tableCount(database)).toBe(tables);
    expect(await recorded(database)).toEqual(hashes);
  });

  it("a migration edited after it was applied is refused, and nothing else is applied", async () => {
    const [first] = tags;
    await database.exec(`UPDATE billcycle_migrations SET hash = 'edited' WHERE tag = '${first}'`);
    try {
      await expect(migrate(database)).rejects.toThrow(`Migration ${first} was changed after it was applied`);
    } finally {
      const original = loadMigrations()[0]!.hash;
      await database.exec(`UPDATE billcycle_migrations SET hash = '${original}' WHERE tag = '${first}'`);
    }
    expect(await migrate(database)).toEqual({ applied: [] });
  });

  it("the audit log refuses UPDATE, DELETE and TRUNCATE at the database", async () => {
    await database.exec(
      "INSERT INTO audit_log (actor, action, entity, at) VALUES ('system:test', 'create', 'practice', now())",
    );
    const before = await database.withSession((exec) =>
      exec("SELECT row_to_json(a)::text AS j FROM audit_log a"),
    );
    expect(before).toHaveLength(1);
    await expect(database.exec("UPDATE audit_log SET action = 'delete'")).rejects.toThrow(/append-only/);
    await expect(database.exec("DELETE FROM audit_log")).rejects.toThrow(/append-only/);
    await expect(database.exec("TRUNCATE audit_log")).rejects.toThrow(/append-only/);
    expect(
      await database.withSession((exec) => exec("SELECT row_to_json(a)::text AS j FROM audit_log a")),
    ).toEqual(before);
  });

  it("tenant references are composite keys: a row cannot point into another practice", async () => {
    const a = "0190a000-0000-7000-8000-00000000000a";
    const b = "0190a000-0000-7000-8000-00000000000b";
    const clientOfB = "0190a000-0000-7000-8000-0000000000c1";
    const payerOfA = "0190a000-0000-7000-8000-0000000000d1";
    const practice = (id: string) =>
      `INSERT INTO practices (id, name, time_zone, address, tax_id, billing_npi, taxonomy_code, billing_settings)
       VALUES ('${id}', 'P', 'America/Chicago', '{}', '123456789', '1234567893', '101YM0800X', '{}');`;
    await database.exec(
      practice(a) +
        practice(b) +
        `INSERT INTO clients (id, practice_id, first_name, last_name, date_of_birth, sex, pays_by, autopay,
           auto_share_documents, auto_superbills) VALUES ('${clientOfB}', '${b}', 'C', 'D', '1990-01-01', 'F',
           'insurance', false, true, false);
         INSERT INTO payers (id, practice_id, name, payer_id, claim_filing_indicator)
           VALUES ('${payerOfA}', '${a}', 'Payer', 'P1', 'CI');`,
    );
    await expect(
      database.exec(
        `INSERT INTO insurance_policies (id, practice_id, client_id, payer_id, rank, member_id,
           subscriber_relationship, effective_from)
         VALUES ('0190a000-0000-7000-8000-0000000000e1', '${a}', '${clientOfB}', '${payerOfA}', 'primary', 'M',
           'self', '2026-01-01')`,
      ),
    ).rejects.toThrow(/foreign key/);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)("concurrent migrations on PostgreSQL", () => {
  const adminUrl = process.env.TEST_DATABASE_URL ?? "";
  const name = `billcycle_mig_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const url = () => {
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    return u.toString();
  };
  const admin = async (sqlText: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sqlText);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name}`);
  });
  afterAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it("five migrators (each with its own pool, as separate processes) on one fresh database all succeed, applying each migration once", async () => {
    const starters = await Promise.all(
      Array.from({ length: 5 }, () => openDatabase({ kind: "postgres", url: url(), poolSize: 2 })),
    );
    try {
      const results = await Promise.all(starters.map((database) => migrate(database)));
      const applied = results.flatMap((r) => r.applied);
      expect(applied.sort()).toEqual([...tags].sort());
      // One starter did the work; the others found it done.
      expect(results.filter((r) => r.applied.length > 0)).toHaveLength(1);
      expect((await recorded(starters[0]!)).map((r) => r.tag)).toEqual(tags);
      // Every session let go of the advisory lock.
      const locks = await starters[0]!.withSession((exec) =>
        exec("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'"),
      );
      expect(locks[0]?.n).toBe(0);
    } finally {
      await Promise.all(starters.map((d) => d.close()));
    }
  });
});
