import {
  claimPostingUpdate,
  compactClaimCounts,
  compactClaimCountsWhereMany,
  countClaimsByStatus,
  transitionClaims,
} from "@billcycle/app";
import { type ClaimAdjudication, type ClaimStatus, claimStageOf } from "@billcycle/core";
import { type Executor, rowsOf, tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { practiceWithSubmittedClaims } from "@billcycle/testing/claims-fixture";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * A claim's state changes (submission, acknowledgment, posting) touch no indexed column and find room on the
 * row's page (migration 0047), so PostgreSQL makes them HOT updates: a new row version on the same page and no
 * index entry. An index on status, adjudication or an amount (a partial one's predicate included), or full pages,
 * makes every such update write all the claims' indexes again.
 */
const NOW = new Date("2026-03-10T12:00:00Z");

/** An acknowledgment's move: the claims accepted by the payer. */
const accept = (tx: Executor, practiceId: string, claimIds: string[]) =>
  transitionClaims(tx, {
    practiceId,
    claimIds,
    to: "accepted",
    now: NOW,
    actor: "test",
    cause: { kind: "file", fileId: "test" },
  });

/** Posting's update of accepted claims paid in full. */
const postPaid = (claimIds: string[], patientDelta: number) =>
  claimPostingUpdate(
    claimIds.map((id) => ({
      id,
      paidDelta: 14000,
      patientDelta,
      payerClaimNumber: `PCN-${id.slice(-6)}`,
      versionDelta: 1,
      from: { status: "accepted" as const, adjudication: "none" as const },
      to: { status: "adjudicated" as const, adjudication: "paid" as const },
    })),
    NOW,
  );

describe.each(testBackends())("claim state updates stay on their page (%s)", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => database?.dispose());

  it("acknowledges and posts submitted claims without touching an index", async () => {
    const { p, claims } = await practiceWithSubmittedClaims(database, 6);
    const ids = claims.map((c) => c.id);
    // This session's counts (PostgreSQL 15 adds earlier transactions' counts not yet reported): before and after.
    const counts = async (tx: Executor) => {
      const [row] = rowsOf<{ updated: string; hot: string }>(
        await tx.execute(sql`SELECT pg_stat_get_xact_tuples_updated('claims'::regclass) AS updated,
          pg_stat_get_xact_tuples_hot_updated('claims'::regclass) AS hot`),
      );
      return { updated: Number(row?.updated), hot: Number(row?.hot) };
    };
    const change = await database.db.transaction(async (tx) => {
      const before = await counts(tx);
      await accept(tx, p.practiceId, ids);
      await tx.execute(postPaid(ids, 3500));
      const after = await counts(tx);
      return { updated: after.updated - before.updated, hot: after.hot - before.hot };
    });
    expect(change).toEqual({ updated: 2 * ids.length, hot: 2 * ids.length });
    const stored = await database.db
      .select({
        status: tables.claims.status,
        adjudication: tables.claims.adjudication,
        paid: tables.claims.paidCents,
      })
      .from(tables.claims)
      .where(eq(tables.claims.practiceId, p.practiceId));
    expect(stored).toEqual(ids.map(() => ({ status: "adjudicated", adjudication: "paid", paid: 14000 })));
  });

  it("counts claims by stage from the changes the triggers append, per practice, before and after compaction", async () => {
    const { p, claims } = await practiceWithSubmittedClaims(database, 5);
    const other = await practiceWithSubmittedClaims(database, 3);
    const ids = claims.map((c) => c.id);
    // What the board showed when it grouped the claims themselves (stages with no claim left out).
    const grouped = async (practiceId: string) => {
      const rows = await database.db
        .select({ status: tables.claims.status, adjudication: tables.claims.adjudication, n: count() })
        .from(tables.claims)
        .where(eq(tables.claims.practiceId, practiceId))
        .groupBy(tables.claims.status, tables.claims.adjudication);
      const stages: Record<string, number> = {};
      for (const r of rows) {
        const stage = claimStageOf(r.status as ClaimStatus, r.adjudication as ClaimAdjudication);
        stages[stage] = (stages[stage] ?? 0) + r.n;
      }
      return stages;
    };
    const counted = async (practiceId: string) =>
      Object.fromEntries(
        Object.entries((await countClaimsByStatus(database.db, practiceId)).counts).filter(([, n]) => n > 0),
      );
    const changeRows = async () =>
      (
        await database.db
          .select({ n: count() })
          .from(tables.claimCountChanges)
          .where(eq(tables.claimCountChanges.practiceId, p.practiceId))
      )[0]?.n;

    expect(await counted(p.practiceId)).toEqual(await grouped(p.practiceId));
    await database.db.transaction(async (tx) => {
      await accept(tx, p.practiceId, ids.slice(0, 3));
      await tx.execute(postPaid(ids.slice(0, 1), 0));
    });
    // A rolled-back change counts for nothing; an update that moves no claim between stages appends nothing.
    await database.db
      .transaction(async (tx) => {
        await accept(tx, p.practiceId, ids.slice(3));
        throw new Error("rolled back");
      })
      .catch(() => undefined);
    const before = await changeRows();
    await database.db
      .update(tables.claims)
      .set({ updatedAt: NOW })
      .where(eq(tables.claims.practiceId, p.practiceId));
    expect(await changeRows()).toBe(before);

    const expected = await grouped(p.practiceId);
    expect(expected).not.toEqual({ submitted: 5 });
    expect(await counted(p.practiceId)).toEqual(expected);
    expect(await counted(other.p.practiceId)).toEqual(await grouped(other.p.practiceId));

    expect(await compactClaimCountsWhereMany(database, 1000)).toEqual({ compacted: 0 });
    await compactClaimCounts(database.db, p.practiceId);
    expect(await changeRows()).toBe(Object.keys(expected).length);
    // The scheduler's fold takes every practice over its threshold (here both).
    expect((await compactClaimCountsWhereMany(database, 0)).compacted).toBeGreaterThanOrEqual(2);
    expect(await counted(p.practiceId)).toEqual(expected);
    expect(await counted(other.p.practiceId)).toEqual(await grouped(other.p.practiceId));
  });
});
