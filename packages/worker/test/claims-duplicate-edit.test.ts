import { createInvoices, processInvoices, scrubClaims, transitionClaims } from "@billcycle/app";
import { newId, tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import {
  createAppointment,
  createBillingPractice,
  createClient,
  type PracticeFixture,
} from "@billcycle/testing/billing-fixture";
import { local } from "@billcycle/testing/engine-harness";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ZONE = "America/Chicago";

describe.each(testBackends())("the duplicate-claim edit (%s)", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  /** Kept sessions (client, practice-local start, provider) made into claims at `now`; their claims' ids. */
  const claimsFor = async (
    p: PracticeFixture,
    now: Date,
    sessions: Array<{ client: string; at: string; provider?: string }>,
  ): Promise<string[]> => {
    for (const s of sessions) {
      await createAppointment(database, p, s.client, now, {
        localStart: s.at,
        status: "kept",
        providerId: s.provider,
      });
    }
    const before = await database.db
      .select({ id: tables.claims.id })
      .from(tables.claims)
      .where(eq(tables.claims.practiceId, p.practiceId));
    const run = { practiceId: p.practiceId, trigger: "manual" as const, runId: null };
    await createInvoices(database, { ...run, today: "2026-03-02" }, now);
    await processInvoices(database, { ...run, today: "2026-03-03" }, now);
    const after = await database.db
      .select({ id: tables.claims.id })
      .from(tables.claims)
      .where(eq(tables.claims.practiceId, p.practiceId));
    const known = new Set(before.map((c) => c.id));
    return after.map((c) => c.id).filter((id) => !known.has(id));
  };

  it("flags earlier live claims of the same client, provider, code and date; not other clients, providers, void claims or later claims", async () => {
    const earlier = local("2026-03-01T12:00", ZONE);
    const later = local("2026-03-01T13:00", ZONE);
    const p = await createBillingPractice(database, ZONE, earlier);
    const otherProvider = newId();
    await database.db.insert(tables.providers).values({
      id: otherProvider,
      practiceId: p.practiceId,
      createdAt: earlier,
      updatedAt: earlier,
      firstName: "Ines",
      lastName: "Okafor",
      npi: "1234567893",
      taxonomyCode: "101YM0800X",
    });
    const [ana, ben, cleo, dev] = [
      await createClient(database, p, earlier),
      await createClient(database, p, earlier),
      await createClient(database, p, earlier),
      await createClient(database, p, earlier),
    ];
    const firstClaim = async (client: string, now: Date, at: string, provider?: string) => {
      const created = await claimsFor(p, now, [{ client, at, provider }]);
      expect(created).toHaveLength(1);
      return created[0]!;
    };
    const anaFirst = await firstClaim(ana, earlier, "2026-03-02T09:00");
    const cleoFirst = await firstClaim(cleo, earlier, "2026-03-02T09:00");
    const devFirst = await firstClaim(dev, earlier, "2026-03-02T09:00");
    // Dev's first claim is voided: it duplicates nothing any more.
    await database.db.transaction((tx) =>
      transitionClaims(tx, {
        practiceId: p.practiceId,
        claimIds: [devFirst],
        to: "void",
        now: earlier,
        actor: "test",
        cause: { kind: "user" },
      }),
    );
    const anaSecond = await firstClaim(ana, later, "2026-03-02T14:00");
    const benFirst = await firstClaim(ben, later, "2026-03-02T09:00");
    const cleoOther = await firstClaim(cleo, later, "2026-03-02T11:00", otherProvider);
    const devSecond = await firstClaim(dev, later, "2026-03-02T13:00");
    const ids = [anaFirst, anaSecond, benFirst, cleoFirst, cleoOther, devSecond];
    expect(new Set(ids).size).toBe(6);

    const pcns = new Map(
      (
        await database.db
          .select({ id: tables.claims.id, pcn: tables.claims.patientControlNumber })
          .from(tables.claims)
          .where(and(eq(tables.claims.practiceId, p.practiceId), inArray(tables.claims.id, ids)))
      ).map((c) => [c.id, c.pcn]),
    );
    const duplicatesOf = async (claimIds: string[]) => {
      const results = await scrubClaims(database.db, {
        practiceId: p.practiceId,
        claimIds,
        today: "2026-03-03",
        now: later,
        actor: "test",
        persist: false,
      });
      return new Map(
        results.map((r) => [
          r.claimId,
          r.edits.filter((e) => e.code === "DUPLICATE_CLAIM").map((e) => e.message),
        ]),
      );
    };
    const expected = (id: string) =>
      `Looks like a duplicate of claim ${pcns.get(id)} (same client, provider, 90837 on 2026-03-02)`;

    // The later claims alone: Ana's first claim is outside the batch and is found.
    const laterOnly = await duplicatesOf([anaSecond, benFirst, cleoOther, devSecond]);
    expect(laterOnly.get(anaSecond)).toEqual([expected(anaFirst)]);
    expect(laterOnly.get(benFirst)).toEqual([]);
    expect(laterOnly.get(cleoOther)).toEqual([]);
    expect(laterOnly.get(devSecond)).toEqual([]);

    // Everything at once: an earlier claim is not a duplicate of a later one.
    const all = await duplicatesOf(ids);
    expect(all.get(anaFirst)).toEqual([]);
    expect(all.get(anaSecond)).toEqual([expected(anaFirst)]);
    expect(all.get(cleoFirst)).toEqual([]);
    expect([...all.values()].flat()).toHaveLength(1);
  });
});
