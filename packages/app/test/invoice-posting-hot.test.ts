import { invoicePostingStatements } from "@billcycle/app";
import { type Executor, rowsOf, tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { practiceWithSubmittedClaims } from "@billcycle/testing/claims-fixture";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * ERA posting's update of invoices (amounts and payment status) changes no indexed column and finds room on the
 * row's page (migration 0046), so PostgreSQL makes it a HOT update: a new row version on the same page and no index
 * entry. An index on payment_status or an amount, or full pages, makes these updates write every index again.
 */
describe.each(testBackends())("posting's invoice updates stay on their page (%s)", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => database?.dispose());

  it("updates invoices that went through their lifecycle without touching an index", async () => {
    const { p, claims } = await practiceWithSubmittedClaims(database, 6);
    const invoiceIds = [...new Set(claims.map((c) => c.invoiceId))];
    expect(invoiceIds.length).toBeGreaterThan(1);
    const now = new Date("2026-03-10T12:00:00Z");
    const statements = invoicePostingStatements({
      practiceId: p.practiceId,
      now,
      amounts: invoiceIds.map((invoiceId) => ({
        invoiceId,
        insurancePaidDelta: 5000,
        adjustmentDelta: 1000,
        toClientDelta: 0,
        versionDelta: 1,
      })),
      changes: invoiceIds.map((invoiceId) => ({
        invoiceId,
        from: "unpaid" as const,
        to: "partially_paid" as const,
        actor: "test",
        cause: "era",
      })),
    });
    // This session's counts (PostgreSQL 15 adds earlier transactions' counts not yet reported): before and after.
    const counts = async (tx: Executor) => {
      const [row] = rowsOf<{ updated: string; hot: string }>(
        await tx.execute(sql`SELECT pg_stat_get_xact_tuples_updated('invoices'::regclass) AS updated,
          pg_stat_get_xact_tuples_hot_updated('invoices'::regclass) AS hot`),
      );
      return { updated: Number(row?.updated), hot: Number(row?.hot) };
    };
    const change = await database.db.transaction(async (tx) => {
      const before = await counts(tx);
      for (const statement of statements) await tx.execute(statement);
      const after = await counts(tx);
      return { updated: after.updated - before.updated, hot: after.hot - before.hot };
    });
    expect(change).toEqual({
      updated: invoiceIds.length,
      hot: invoiceIds.length,
    });
    const stored = await database.db
      .select({ paymentStatus: tables.invoices.paymentStatus, paid: tables.invoices.insurancePaidCents })
      .from(tables.invoices)
      .where(eq(tables.invoices.practiceId, p.practiceId));
    expect(stored.filter((i) => i.paymentStatus === "partially_paid" && i.paid === 5000)).toHaveLength(
      invoiceIds.length,
    );
  });
});
