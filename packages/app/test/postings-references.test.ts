import { newId, tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { practiceWithSubmittedClaims } from "@billcycle/testing/claims-fixture";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * A posting's claim, invoice and claim line are checked once per INSERT over all its rows (migration 0044, in place
 * of three row-level foreign keys): one row that points nowhere, or into another practice, refuses the statement.
 */
describe.each(testBackends())(
  "postings refer to their practice's claim, invoice and line (%s)",
  (backend) => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await openTestDatabase(backend);
    });
    afterAll(async () => database?.dispose());

    const linesOf = (claimId: string) =>
      database.db.select().from(tables.claimLines).where(eq(tables.claimLines.claimId, claimId));

    it("refuses a statement with one posting pointing elsewhere, and writes none of its rows", async () => {
      const ours = await practiceWithSubmittedClaims(database, 2);
      const theirs = await practiceWithSubmittedClaims(database, 1);
      const [a, b] = ours.claims;
      const [other] = theirs.claims;
      const [lineOfA] = await linesOf(a!.id);
      const [lineOfB] = await linesOf(b!.id);
      const now = new Date("2026-03-06T12:00:00Z");
      const posting = (over: Partial<typeof tables.postings.$inferInsert> = {}) => ({
        id: newId(now.getTime()),
        practiceId: ours.p.practiceId,
        claimId: a!.id,
        claimLineId: lineOfA!.id,
        invoiceId: a!.invoiceId,
        kind: "payment" as const,
        amountCents: 100,
        createdAt: now,
        actor: "test",
        ...over,
      });
      const good = [posting(), posting({ claimLineId: null, kind: "write_off" })];
      const bad = {
        "a claim of another practice": posting({ claimId: other!.id, claimLineId: null }),
        "an invoice of another practice": posting({ invoiceId: other!.invoiceId }),
        "an invoice that does not exist": posting({ invoiceId: newId(now.getTime()) }),
        "another claim's line": posting({ claimLineId: lineOfB!.id }),
        "a line that does not exist": posting({ claimLineId: newId(now.getTime()) }),
      };
      for (const [what, row] of Object.entries(bad)) {
        const rows = [...good.map((g) => ({ ...g, id: newId(now.getTime()) })), row];
        const refused = await database.db
          .insert(tables.postings)
          .values(rows)
          .then(
            () => null,
            (e: unknown) => (e instanceof Error ? e.cause : e),
          );
        expect(refused, what).toMatchObject({
          code: "23503",
          message: expect.stringMatching(/of the posting's practice/),
        });
        const written = await database.db
          .select({ id: tables.postings.id })
          .from(tables.postings)
          .where(
            inArray(
              tables.postings.id,
              rows.map((r) => r.id),
            ),
          );
        expect(written, what).toEqual([]);
      }
      await database.db.insert(tables.postings).values(good);
      const kept = await database.db
        .select({ id: tables.postings.id })
        .from(tables.postings)
        .where(eq(tables.postings.claimId, a!.id));
      expect(kept).toHaveLength(2);
      // Checked on insert only, so a posting's references may not change (0050).
      const moved = await database.db
        .update(tables.postings)
        .set({ claimId: b!.id })
        .where(eq(tables.postings.claimId, a!.id))
        .then(
          () => null,
          (e: unknown) => (e instanceof Error ? e.cause : e),
        );
      expect(moved).toMatchObject({ code: "23503", message: expect.stringMatching(/does not change/) });
    });
  },
);
