import { rowsOf } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { importFile, practiceWithSubmittedClaims } from "@billcycle/testing/claims-fixture";
import { era835, paidClaim } from "@billcycle/testing/x12-files";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The first remittance posted into a new database fills `postings` and `remittance_claims` from empty. Planned as
 * empty, each later batch's lookup of its claims' postings read every posting (a sequential scan growing with the
 * table); the import analyzes them once its first batch has committed, as autovacuum would a minute later.
 */
describe.each(testBackends())("posting tables analyzed after their first rows (%s)", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => database?.dispose());

  const planned = async () =>
    Object.fromEntries(
      rowsOf<{ name: string; tuples: number }>(
        await database.db.execute(sql`SELECT relname AS name, reltuples::float8 AS tuples FROM pg_class
          WHERE relkind = 'r' AND relname IN ('postings', 'remittance_claims') ORDER BY relname`),
      ).map((r) => [r.name, Number(r.tuples)]),
    );
  const rows = async (table: "postings" | "remittance_claims") =>
    Number(
      rowsOf<{ n: string }>(
        await database.db.execute(sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`),
      )[0]?.n,
    );

  it("an import into empty posting tables leaves them with statistics of what it wrote", async () => {
    const { p, claims } = await practiceWithSubmittedClaims(database, 4);
    // Never analyzed (-1) or analyzed empty (0): the planner takes them for empty.
    const before = await planned();
    expect(before.postings).toBeLessThanOrEqual(0);
    expect(before.remittance_claims).toBeLessThanOrEqual(0);
    await importFile(
      database,
      p,
      era835({ trace: "STATS-1", claims: claims.map((c) => paidClaim(c.patientControlNumber)) }),
    );
    expect(await rows("remittance_claims")).toBe(4);
    expect(await planned()).toEqual({ postings: await rows("postings"), remittance_claims: 4 });
  });
});
