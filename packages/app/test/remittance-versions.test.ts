import { tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { importFile, practiceWithSubmittedClaims } from "@billcycle/testing/claims-fixture";
import { era835, paidClaim } from "@billcycle/testing/x12-files";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * An 835 that is not 005010X221A1 is refused with a code, not posted silently; a remittance with one malformed claim
 * posts its good claims and holds the bad one for a person, instead of refusing the whole file.
 */

describe.each(testBackends())("835 versions and malformed claims (%s)", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => database?.dispose());

  const postingsOf = (claimId: string) =>
    database.db.select().from(tables.postings).where(eq(tables.postings.claimId, claimId));

  it.each([
    ["004010X091A1", "a 4010 file"],
    ["005010X221Z9", "a made-up GS08"],
  ])("GS08 %s (%s) is rejected with UNSUPPORTED_VERSION and posts nothing", async (version) => {
    const { p, claims } = await practiceWithSubmittedClaims(database, 1);
    const c = claims[0]!;
    const file = era835({
      trace: `T-${version}-${backend}`,
      claims: [paidClaim(c.patientControlNumber)],
    }).replace("*X*005010X221A1~", `*X*${version}~`);
    const r = await importFile(database, p, file);
    expect(r).toMatchObject({ kind: "835", status: "rejected", code: "UNSUPPORTED_VERSION" });
    expect(r.error).toContain(version);
    const [stored] = await database.db
      .select()
      .from(tables.clearinghouseFiles)
      .where(eq(tables.clearinghouseFiles.id, r.fileId));
    expect(stored).toMatchObject({ status: "rejected", rejectCode: "UNSUPPORTED_VERSION" });
    expect(await postingsOf(c.id)).toEqual([]);
    expect(
      await database.db
        .select()
        .from(tables.remittances)
        .where(eq(tables.remittances.practiceId, p.practiceId)),
    ).toEqual([]);
  });

  it("a truncated CLP: the good claims post, the malformed one waits in the work queue with the reader's reason", async () => {
    const { p, claims } = await practiceWithSubmittedClaims(database, 3);
    const [a, b, c] = claims;
    const file = era835({
      trace: `T-truncated-${backend}`,
      claims: [a!, b!, c!].map((x) => paidClaim(x.patientControlNumber)),
    });
    const clp = new RegExp(`CLP\\*${b!.patientControlNumber}\\*[^~]*~`);
    expect(file).toMatch(clp);
    const r = await importFile(database, p, file.replace(clp, `CLP*${b!.patientControlNumber}*1~`));
    expect(r.status).toBe("processed");
    expect(r.remittances).toEqual([
      expect.objectContaining({ status: "partially_posted", claims: 3, posted: 2, queued: 1 }),
    ]);
    expect((await postingsOf(a!.id)).length).toBe(2);
    expect((await postingsOf(c!.id)).length).toBe(2);
    expect(await postingsOf(b!.id)).toEqual([]);
    const items = await database.db
      .select()
      .from(tables.workQueueItems)
      .where(
        and(eq(tables.workQueueItems.practiceId, p.practiceId), eq(tables.workQueueItems.status, "open")),
      );
    expect(items.map((i) => i.kind)).toEqual(["malformed_claim"]);
    expect(items[0]?.reason).toMatch(new RegExp(`Claim ${b!.patientControlNumber} .*CLP03`));
  });
});
