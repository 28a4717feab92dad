import {
  FILE_PART_BYTES,
  getClearinghouseFile,
  importInboundFile,
  MAX_CLAIMS_PER_FILE,
  MAX_INBOUND_FILE_BYTES,
  remittancePostingBatch,
} from "@billcycle/app";
import { tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { type Harness, openHarness } from "@billcycle/testing/api-harness";
import { practiceWithSubmittedClaims, ZONE } from "@billcycle/testing/claims-fixture";
import { local } from "@billcycle/testing/engine-harness";
import { type EraClaimSpec, era835, paidClaim } from "@billcycle/testing/x12-files";
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Large remittances post in batches, each its own transaction with the remittance's cursor: a crash part-way resumes
 * exactly where the last batch committed. Files above the documented limits are refused with a code; a remittance
 * of 50,000 claims lists and pages.
 */

const NOW = local("2026-03-06T21:00", ZONE);
const unmatched = (i: number): EraClaimSpec => ({
  pcn: `NOT-OURS-${i}`,
  chargeCents: 10000,
  paidCents: 10000,
});

describe.each(testBackends())("remittances posted in batches (%s)", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => database?.dispose());
  let POSTING_BATCH = 0;
  beforeAll(() => {
    POSTING_BATCH = remittancePostingBatch(database);
  });

  /** Makes the insert of the remittance claim at `position` fail (its batch rolls back); returns the undo. */
  const failInsertAt = async (name: string, position: number) => {
    await database.db.execute(
      sql.raw(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        IF NEW.position = ${position} THEN RAISE EXCEPTION 'simulated failure'; END IF; RETURN NEW; END $$`),
    );
    await database.db.execute(
      sql.raw(
        `CREATE TRIGGER ${name} BEFORE INSERT ON remittance_claims FOR EACH ROW EXECUTE FUNCTION ${name}()`,
      ),
    );
    return () => database.db.execute(sql.raw(`DROP TRIGGER ${name} ON remittance_claims`));
  };

  it("a crash in the second batch: the first stays posted, importing the file again posts the rest once", async () => {
    const { p, claims } = await practiceWithSubmittedClaims(database, 3);
    const [a, b, c] = claims;
    // Our claims at positions 0 (first batch), POSTING_BATCH + 100 and + 200 (second batch); the rest unmatched.
    const specs = Array.from({ length: POSTING_BATCH + 500 }, (_, i) => unmatched(i));
    specs[0] = paidClaim(a!.patientControlNumber);
    specs[POSTING_BATCH + 100] = paidClaim(b!.patientControlNumber);
    specs[POSTING_BATCH + 200] = paidClaim(c!.patientControlNumber);
    const content = era835({ trace: `T-crash-${backend}`, claims: specs });
    // A real failure of the database in the middle of the second batch (what a kill leaves: that batch rolled back).
    const recover = await failInsertAt("crash_at", POSTING_BATCH + 150);
    await expect(
      importInboundFile(database, p.practiceId, { name: "big.835", content }, NOW, "test"),
    ).rejects.toThrow();
    const [midway] = await database.db
      .select()
      .from(tables.remittances)
      .where(eq(tables.remittances.practiceId, p.practiceId));
    expect(midway).toMatchObject({ status: "posting", nextPosition: POSTING_BATCH });
    const postingsOf = (id: string) =>
      database.db.select().from(tables.postings).where(eq(tables.postings.claimId, id));
    expect((await postingsOf(a!.id)).length).toBe(2);
    expect(await postingsOf(b!.id)).toEqual([]);

    await recover();
    // The next pickup: the same bytes (under any name) take the import up at the cursor.
    const again = await importInboundFile(
      database,
      p.practiceId,
      { name: "big-2.835", content },
      NOW,
      "test",
    );
    expect(again).toMatchObject({ status: "processed" });
    expect(again.remittances).toEqual([
      expect.objectContaining({ claims: POSTING_BATCH + 500, posted: 3, queued: POSTING_BATCH + 497 }),
    ]);
    for (const claim of [a!, b!, c!]) expect((await postingsOf(claim.id)).length).toBe(2);
    const positions = await database.db
      .select({ position: tables.remittanceClaims.position })
      .from(tables.remittanceClaims)
      .where(eq(tables.remittanceClaims.remittanceId, midway!.id))
      .orderBy(asc(tables.remittanceClaims.position));
    expect(positions.map((x) => x.position)).toEqual(specs.map((_, i) => i));
    const [done] = await database.db
      .select()
      .from(tables.remittances)
      .where(eq(tables.remittances.id, midway!.id));
    expect(done).toMatchObject({ status: "partially_posted", nextPosition: POSTING_BATCH + 500 });
    // And once more: a duplicate, nothing posted again.
    expect(
      await importInboundFile(database, p.practiceId, { name: "big-3.835", content }, NOW, "test"),
    ).toMatchObject({ status: "duplicate" });
    for (const claim of [a!, b!, c!]) expect((await postingsOf(claim.id)).length).toBe(2);
  });

  it("a failure in the second of three batches: the third, in flight beside it, commits nothing", async () => {
    const { p, claims } = await practiceWithSubmittedClaims(database, 3);
    const [a, b, c] = claims;
    const specs = Array.from({ length: 2 * POSTING_BATCH + 500 }, (_, i) => unmatched(i));
    specs[0] = paidClaim(a!.patientControlNumber);
    specs[POSTING_BATCH + 100] = paidClaim(b!.patientControlNumber);
    specs[2 * POSTING_BATCH + 100] = paidClaim(c!.patientControlNumber);
    const content = era835({ trace: `T-third-${backend}`, claims: specs });
    const recover = await failInsertAt("fail_second", POSTING_BATCH + 150);
    try {
      await expect(
        importInboundFile(database, p.practiceId, { name: "three.835", content }, NOW, "test"),
      ).rejects.toThrow();
    } finally {
      await recover();
    }
    const [midway] = await database.db
      .select()
      .from(tables.remittances)
      .where(eq(tables.remittances.practiceId, p.practiceId));
    // What is committed is the file's first batch only: the third waited for the second, which failed.
    expect(midway).toMatchObject({ status: "posting", nextPosition: POSTING_BATCH });
    const [{ n } = { n: -1 }] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(tables.remittanceClaims)
      .where(eq(tables.remittanceClaims.remittanceId, midway!.id));
    expect(n).toBe(POSTING_BATCH);
    const postingsOf = (id: string) =>
      database.db.select().from(tables.postings).where(eq(tables.postings.claimId, id));
    expect((await postingsOf(a!.id)).length).toBe(2);
    expect(await postingsOf(b!.id)).toEqual([]);
    expect(await postingsOf(c!.id)).toEqual([]);
    const again = await importInboundFile(database, p.practiceId, { name: "three-2.835", content }, NOW, "t");
    expect(again.remittances).toEqual([
      expect.objectContaining({ claims: specs.length, posted: 3, queued: specs.length - 3 }),
    ]);
    for (const claim of [a!, b!, c!]) expect((await postingsOf(claim.id)).length).toBe(2);
  });

  it("one claim in two batches posted at once: paid, then reversed and paid again, in file order", async () => {
    const { p, claims } = await practiceWithSubmittedClaims(database, 1);
    const pcn = claims[0]!.patientControlNumber;
    const specs = Array.from({ length: POSTING_BATCH + 500 }, (_, i) => unmatched(i));
    specs[10] = paidClaim(pcn);
    // The reversal of the first payment and the corrected one, in the next batch (on its own session, in flight
    // while the first writes: it must wait for the first batch's claim and see its postings).
    specs[POSTING_BATCH + 10] = {
      pcn,
      status: "22",
      chargeCents: -17500,
      paidCents: -15000,
      lines: [
        {
          code: "90837",
          chargeCents: -17500,
          paidCents: -15000,
          date: "2026-03-02",
          adjustments: [["CO", "45", -2500]],
        },
      ],
    };
    specs[POSTING_BATCH + 11] = {
      pcn,
      chargeCents: 17500,
      paidCents: 16000,
      lines: [
        {
          code: "90837",
          chargeCents: 17500,
          paidCents: 16000,
          date: "2026-03-02",
          adjustments: [["CO", "45", 1500]],
        },
      ],
    };
    const content = era835({ trace: `T-twice-${backend}`, claims: specs });
    const r = await importInboundFile(database, p.practiceId, { name: "twice.835", content }, NOW, "t");
    expect(r.remittances).toEqual([expect.objectContaining({ posted: 3, queued: specs.length - 3 })]);
    const postings = await database.db
      .select()
      .from(tables.postings)
      .where(eq(tables.postings.claimId, claims[0]!.id));
    expect(postings.filter((x) => x.reversesPostingId)).toHaveLength(2);
    const [claim] = await database.db.select().from(tables.claims).where(eq(tables.claims.id, claims[0]!.id));
    expect(claim).toMatchObject({ adjudication: "paid", paidCents: 16000 });
  });

  it("on PGlite an import gives timers a turn every few hundred claims, in the first reading as in posting", async () => {
    const { p } = await practiceWithSubmittedClaims(database, 1);
    const claims = 6000;
    const content = era835({
      trace: `T-short-turns-${backend}`,
      claims: Array.from({ length: claims }, (_, i) => unmatched(i)),
    });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      const r = await importInboundFile(database, p.practiceId, { name: "short.835", content }, NOW, "test");
      expect(r.remittances?.[0]?.queued).toBe(claims);
    } finally {
      clearInterval(timer);
    }
    // A turn at least every 500 claims (6,000 claims: 12 or more; 2,000-claim steps gave about 6 here). How many
    // more depends on how fast the machine reads, so only the floor is held.
    expect(ticks).toBeGreaterThanOrEqual(backend === "pglite" ? 12 : 3);
  });

  it("a remittance with every claim out of balance keeps its first 100 imbalances and counts the rest", async () => {
    const { p } = await practiceWithSubmittedClaims(database, 1);
    // Charged $100, paid $90, no adjustment: $10 unexplained on each of 130 claims.
    const content = era835({
      trace: `T-unbalanced-${backend}`,
      claims: Array.from({ length: 130 }, (_, i) => ({
        pcn: `OFF-${i}`,
        chargeCents: 10000,
        paidCents: 9000,
      })),
    });
    const r = await importInboundFile(database, p.practiceId, { name: "off.835", content }, NOW, "t");
    expect(r.remittances?.[0]).toMatchObject({ status: "needs_review", claims: 130, posted: 0, queued: 130 });
    const id = r.remittances?.[0]?.remittanceId as string;
    const [row] = await database.db
      .select({ balanced: tables.remittances.balanced, imbalances: tables.remittances.imbalances })
      .from(tables.remittances)
      .where(eq(tables.remittances.id, id));
    expect(row?.balanced).toBe(false);
    expect(row?.imbalances).toHaveLength(100);
    const items = await database.db
      .select({ reason: tables.workQueueItems.reason })
      .from(tables.workQueueItems)
      .where(and(eq(tables.workQueueItems.remittanceId, id), eq(tables.workQueueItems.kind, "unbalanced")));
    expect(items).toHaveLength(1);
    expect(items[0]?.reason).toMatch(/; and 110 more$/);
  });

  it("a file above FILE_PART_BYTES keeps its bytes in parts of that size, and is answered whole", async () => {
    const { p } = await practiceWithSubmittedClaims(database, 1);
    // Not text (a NUL at the end): refused, but kept as received.
    const bytes = Buffer.alloc(2 * FILE_PART_BYTES + 100, 0x41);
    bytes[bytes.length - 1] = 0;
    const r = await importInboundFile(
      database,
      p.practiceId,
      { name: "parts.bin", content: bytes },
      NOW,
      "t",
    );
    expect(r).toMatchObject({ status: "rejected", code: "FILE_NOT_TEXT" });
    const [file] = await database.db
      .select({ raw: tables.clearinghouseFiles.raw, bytes: tables.clearinghouseFiles.bytes })
      .from(tables.clearinghouseFiles)
      .where(eq(tables.clearinghouseFiles.id, r.fileId));
    expect(file).toEqual({ raw: null, bytes: bytes.length });
    const parts = await database.db
      .select()
      .from(tables.clearinghouseFileParts)
      .where(eq(tables.clearinghouseFileParts.fileId, r.fileId))
      .orderBy(asc(tables.clearinghouseFileParts.part));
    expect(parts.map((x) => [x.part, x.bytes.length])).toEqual([
      [0, FILE_PART_BYTES],
      [1, FILE_PART_BYTES],
      [2, 100],
    ]);
    expect(Buffer.concat(parts.map((x) => x.bytes)).equals(bytes)).toBe(true);
    const shown = await getClearinghouseFile(database.db, p.practiceId, r.fileId);
    expect(shown.content).toHaveLength(bytes.length);
    expect(shown.content?.endsWith("AAAA\u0000")).toBe(true);
  });

  it("a file above MAX_INBOUND_FILE_BYTES is refused unread (FILE_TOO_LARGE); more than MAX_CLAIMS_PER_FILE claims is TOO_MANY_CLAIMS", async () => {
    const { p } = await practiceWithSubmittedClaims(database, 1);
    const huge = Buffer.alloc(MAX_INBOUND_FILE_BYTES + 1, 0x20);
    const large = await importInboundFile(
      database,
      p.practiceId,
      { name: "huge.835", content: huge },
      NOW,
      "t",
    );
    expect(large).toMatchObject({ status: "rejected", code: "FILE_TOO_LARGE" });
    const [stored] = await database.db
      .select()
      .from(tables.clearinghouseFiles)
      .where(eq(tables.clearinghouseFiles.id, large.fileId));
    expect(stored).toMatchObject({ status: "rejected", rejectCode: "FILE_TOO_LARGE", raw: null });
    expect(stored?.bytes).toBe(MAX_INBOUND_FILE_BYTES + 1);

    // The smallest CLPs there are, one more than the limit (about 13 MB: under the size limit).
    const clps = Array.from({ length: MAX_CLAIMS_PER_FILE + 1 }, (_, i) => `CLP*${i}*1*0*0~`).join("");
    const head = era835({ trace: `T-many-${backend}`, claims: [] });
    const many = head
      .replace(/LX\*1~\n/, `LX*1~\n${clps}`)
      .replace(/SE\*(\d+)\*/, (_, n) => `SE*${Number(n) + MAX_CLAIMS_PER_FILE + 1}*`);
    const r = await importInboundFile(database, p.practiceId, { name: "many.835", content: many }, NOW, "t");
    expect(r).toMatchObject({ status: "rejected", code: "TOO_MANY_CLAIMS" });
    expect(
      await database.db.select().from(tables.remittances).where(eq(tables.remittances.fileId, r.fileId)),
    ).toEqual([]);
  }, 60_000);
});

describe.each(testBackends())("a remittance of 50,000 claims in the API (%s)", (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(backend);
  });
  afterAll(async () => h?.dispose());

  it("lists with counts, answers one remittance with its first claims, and pages the rest", async () => {
    const p = await h.newPractice("Large ERA");
    const count = 50_000;
    const content = era835({
      trace: `T-50k-${backend}`,
      claims: Array.from({ length: count }, (_, i) => unmatched(i)),
    });
    const r = await importInboundFile(h.database, p.id, { name: "50k.835", content }, NOW, "test");
    expect(r.remittances).toEqual([expect.objectContaining({ claims: count, queued: count })]);
    const list = await h.call("GET", `/api/v1/practices/${p.id}/remittances`, { token: p.users.owner.token });
    expect(list.status).toBe(200);
    const [row] = (list.json as { data: Array<Record<string, unknown>> }).data;
    expect(row).toMatchObject({ claimCount: count, status: "needs_review" });
    expect(row).not.toHaveProperty("claims");
    const one = await h.call("GET", `/api/v1/practices/${p.id}/remittances/${String(row?.id)}`, {
      token: p.users.owner.token,
    });
    expect(one.status).toBe(200);
    expect(one.json).toMatchObject({
      claimsTruncated: true,
      claimCounts: { posted: 0, queued: count, dismissed: 0 },
    });
    expect((one.json as { claims: unknown[] }).claims).toHaveLength(1000);
    const page = await h.call(
      "GET",
      `/api/v1/practices/${p.id}/remittances/${String(row?.id)}/claims?after=49990&limit=100`,
      { token: p.users.owner.token },
    );
    expect(page.status).toBe(200);
    expect(page.json).toMatchObject({ nextPosition: null });
    expect((page.json as { data: Array<{ position: number }> }).data.map((c) => c.position)).toEqual(
      Array.from({ length: 9 }, (_, i) => 49_991 + i),
    );
  }, 120_000);
});
