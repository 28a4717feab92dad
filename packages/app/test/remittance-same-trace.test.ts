import { tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import type { PracticeFixture } from "@billcycle/testing/billing-fixture";
import { importFile, practiceWithSubmittedClaims } from "@billcycle/testing/claims-fixture";
import { era835, oneInterchange } from "@billcycle/testing/x12-files";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Only the same content is a duplicate remittance: another 835 with the same payer and trace number (TRN02) but other
 * claims or amounts is kept, posts nothing, and waits in the work queue with both amounts — across files, and
 * between the transaction sets of one file.
 */

const paying = (trace: string, pcn: string, paidCents: number) =>
  era835({
    trace,
    claims: [
      {
        pcn,
        chargeCents: 17500,
        paidCents,
        lines: [
          {
            code: "90837",
            chargeCents: 17500,
            paidCents,
            date: "2026-03-02",
            adjustments: [["CO", "45", 17500 - paidCents]],
          },
        ],
        adjustments: [],
      },
    ],
  });

describe.each(testBackends())("remittances with a trace number already received (%s)", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => database?.dispose());

  const postingsOf = (claimId: string) =>
    database.db.select().from(tables.postings).where(eq(tables.postings.claimId, claimId));
  const workItems = (p: PracticeFixture) =>
    database.db
      .select()
      .from(tables.workQueueItems)
      .where(eq(tables.workQueueItems.practiceId, p.practiceId))
      .orderBy(asc(tables.workQueueItems.id));

  it("a second 835 with the same trace and other claims is queued with its amounts, not dropped; the same content again (CRLF) is a duplicate", async () => {
    const { p, claims } = await practiceWithSubmittedClaims(database, 2);
    const [a, b] = claims;
    const trace = `T-same-${backend}`;
    const first = await importFile(database, p, paying(trace, a!.patientControlNumber, 15000));
    expect(first.remittances).toEqual([expect.objectContaining({ status: "posted", posted: 1 })]);

    const other = paying(trace, b!.patientControlNumber, 12000);
    const second = await importFile(database, p, other);
    expect(second.status).toBe("processed");
    expect(second.remittances).toEqual([
      expect.objectContaining({ status: "needs_review", claims: 1, posted: 0, queued: 1 }),
    ]);
    expect(await postingsOf(b!.id)).toEqual([]);
    const items = await workItems(p);
    expect(items.map((i) => [i.kind, i.remittanceId])).toEqual([
      ["duplicate_trace", second.remittances?.[0]?.remittanceId],
    ]);
    expect(items[0]?.reason).toContain("$150.00 on 1 claim");
    expect(items[0]?.reason).toContain("this one pays $120.00 on 1 claim");
    expect(items[0]?.details).toMatchObject({ totalPaidCents: 12000, claimCount: 1, paidCents: 12000 });
    const [queued] = await database.db
      .select()
      .from(tables.remittanceClaims)
      .where(eq(tables.remittanceClaims.remittanceId, second.remittances?.[0]?.remittanceId as string));
    expect(queued).toMatchObject({ postingStatus: "queued", paidCents: 12000, claimId: b!.id });

    // The same remittance with CRLF line breaks: a new file, the same content — a duplicate, nothing queued again.
    const again = await importFile(database, p, other.replaceAll("\n", "\r\n"));
    expect(again).toMatchObject({ status: "duplicate" });
    expect(again.remittances).toEqual([expect.objectContaining({ status: "duplicate" })]);
    expect(await workItems(p)).toHaveLength(1);
  });

  it("three remittances with one trace number in one file: the first posts, the other content is queued, the identical one is a duplicate", async () => {
    const { p, claims } = await practiceWithSubmittedClaims(database, 2);
    const [a, b] = claims;
    const trace = `T-in-file-${backend}`;
    const one = paying(trace, a!.patientControlNumber, 15000);
    const file = oneInterchange([one, paying(trace, b!.patientControlNumber, 9000), one]);
    const r = await importFile(database, p, file);
    expect(r.remittances?.map((x) => [x.status, x.posted, x.queued])).toEqual([
      ["posted", 1, 0],
      ["needs_review", 0, 1],
      ["duplicate", 0, 0],
    ]);
    expect((await postingsOf(a!.id)).map((x) => x.amountCents).sort((x, y) => x - y)).toEqual([2500, 15000]);
    expect(await postingsOf(b!.id)).toEqual([]);
    expect((await workItems(p)).map((i) => i.kind)).toEqual(["duplicate_trace"]);
  });
});
