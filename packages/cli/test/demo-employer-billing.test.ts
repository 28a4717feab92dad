import { listEmployerInvoices } from "@billcycle/app";
import { rowsOf } from "@billcycle/db";
import { openTestDatabase, type TestDatabase } from "@billcycle/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../src/demo/seed-demo";

describe("demo employer billing (pglite)", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase("pglite");
  });
  afterAll(async () => database?.dispose());

  it("gives the occupational-health practice batches, a re-batch, a credit memo and partial payments", {
    timeout: 400_000,
  }, async () => {
    const summary = await seedDemo(database, new Date("2026-03-20T18:00:00Z"));
    const practice = summary!.practices.find((p) => p.name === "Harbor Occupational Health")!;
    const actor = { userId: null, practiceId: practice.id, role: "owner" as const, label: "test" };
    const all = await listEmployerInvoices(database.db, {
      actor,
      status: "all",
      limit: 200,
      search: undefined,
      cursor: undefined,
      employerId: undefined,
    });
    const kinds = new Set(all.data.map((i) => i.kind));
    expect(kinds).toEqual(new Set(["invoice", "rebatch", "credit_memo"]));
    expect(all.data.some((i) => i.status === "partially_paid")).toBe(true);
    const [receipts] = rowsOf<{ n: string }>(
      await database.db.execute(
        sql`SELECT count(*) AS n FROM employer_receipts WHERE practice_id = ${practice.id}`,
      ),
    );
    expect(Number(receipts!.n)).toBe(2);
  });
});
