import { downloadClearinghouseFile, listClearinghouseFiles, listWorkQueueItems } from "@billcycle/app";
import { newId, tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { importFile, practiceWithSubmittedClaims } from "@billcycle/testing/claims-fixture";
import { ack999, era835 } from "@billcycle/testing/x12-files";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Issue 18 item 6: an 835 paying someone else is refused with its reason; every work-queue item names its claim and
 * client (or what the payer sent), with amounts, and a blocked code the rule that would let it post; files that need a
 * person say so, and each file's original bytes can be downloaded.
 */
describe.each(testBackends())("work queue and files without dead ends (%s)", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => database?.dispose());

  const now = new Date("2026-03-06T18:00:00Z");

  it("an 835 whose payee NPI and tax id are another practice's is refused as PAYEE_NOT_PRACTICE, nothing registered", async () => {
    const { p, claims } = await practiceWithSubmittedClaims(database, 1);
    const content = era835({
      trace: `T-payee-${backend}`,
      payee: { name: "ELSEWHERE CLINIC", npi: "1111111112", taxId: "987654321" },
      claims: [{ pcn: claims[0]!.patientControlNumber, chargeCents: 17500, paidCents: 17500 }],
    });
    const result = await importFile(database, p, content);
    expect(result).toMatchObject({ status: "rejected", code: "PAYEE_NOT_PRACTICE" });
    expect(result.error).toContain("ELSEWHERE CLINIC (NPI 1111111112 and tax id 98-7654321)");
    const remittances = await database.db
      .select()
      .from(tables.remittances)
      .where(eq(tables.remittances.practiceId, p.practiceId));
    expect(remittances).toEqual([]);
    const postings = await database.db
      .select()
      .from(tables.postings)
      .where(eq(tables.postings.claimId, claims[0]!.id));
    expect(postings).toEqual([]);
    const files = await listClearinghouseFiles(database.db, p.practiceId, { limit: 10 });
    expect(files.data[0]).toMatchObject({
      status: "rejected",
      rejectCode: "PAYEE_NOT_PRACTICE",
      attention: { code: "PAYEE_NOT_PRACTICE", text: expect.stringContaining("pays another provider") },
    });

    // The same payment addressed to this practice by its tax id (REF*TJ) posts.
    const ours = await importFile(
      database,
      p,
      era835({
        trace: `T-payee-ok-${backend}`,
        payee: { npi: "1111111112" },
        claims: [{ pcn: claims[0]!.patientControlNumber, chargeCents: 17500, paidCents: 17500 }],
      }),
    );
    expect(ours.status).toBe("processed");
  });

  it("every item names its claim and client, an unmatched claim its amounts, a blocked code the rule to add", async () => {
    const { p, claims } = await practiceWithSubmittedClaims(database, 1);
    const claim = claims[0]!;
    await importFile(
      database,
      p,
      era835({
        trace: `T-queue-${backend}`,
        claims: [
          {
            pcn: claim.patientControlNumber,
            chargeCents: 17500,
            paidCents: 13000,
            adjustments: [["CO", "97", 4500]],
          },
          {
            pcn: "NOT-OURS-9",
            chargeCents: 20000,
            paidCents: 15000,
            patientCents: 2000,
            adjustments: [
              ["PR", "1", 2000],
              ["CO", "45", 3000],
            ],
          },
        ],
      }),
    );
    const { data } = await listWorkQueueItems(database.db, p.practiceId, { status: "open", limit: 10 });
    const blocked = data.find((i) => i.kind === "blocked_code");
    const unmatched = data.find((i) => i.kind === "unmatched_claim");
    expect(blocked).toMatchObject({
      claim: { id: claim.id, patientControlNumber: claim.patientControlNumber },
      client: { name: "Test Client" },
      remittance: { traceNumber: `T-queue-${backend}` },
      postingRule: {
        id: null,
        payerId: p.payerId,
        payerName: "Blue Prairie",
        groupCode: "CO",
        reasonCode: "97",
      },
    });
    expect(unmatched).toMatchObject({
      claim: null,
      client: null,
      remittanceClaim: {
        patientControlNumber: "NOT-OURS-9",
        patientName: "TEST CLIENT",
        chargeCents: 20000,
        paidCents: 15000,
        patientResponsibilityCents: 2000,
      },
    });

    // A rule that blocks the code is the one named (to open and change).
    const ruleId = newId();
    await database.db.insert(tables.postingRules).values({
      id: ruleId,
      practiceId: p.practiceId,
      payerId: null,
      groupCode: "CO",
      reasonCode: "97",
      action: "block",
      createdAt: now,
      updatedAt: now,
    });
    const again = await listWorkQueueItems(database.db, p.practiceId, { status: "open", limit: 10 });
    expect(again.data.find((i) => i.kind === "blocked_code")?.postingRule).toMatchObject({
      id: ruleId,
      payerId: null,
    });
  });

  it("a 999 that matches none of our files needs attention; every file's original bytes download", async () => {
    const { p } = await practiceWithSubmittedClaims(database, 1);
    const ack = ack999({ groupControl: "424242", transactionControl: "4242", accepted: true });
    await importFile(database, p, ack);
    const files = await listClearinghouseFiles(database.db, p.practiceId, { limit: 10 });
    expect(files.data[0]).toMatchObject({
      kind: "999",
      status: "processed",
      outcome: { acknowledgments: { unmatched: 1 } },
      attention: { code: "UNMATCHED_ACKNOWLEDGMENT" },
    });
    const actor = { userId: null, practiceId: p.practiceId, role: "owner" as const, label: "test" };
    const file = await database.db.transaction((tx) =>
      downloadClearinghouseFile(tx, { actor, fileId: files.data[0]!.id, now }),
    );
    expect(Buffer.from(file.bytes).toString("utf8")).toBe(ack);

    // An outbound 837P answers the text sent.
    const outId = newId();
    await database.db.insert(tables.clearinghouseFiles).values({
      id: outId,
      practiceId: p.practiceId,
      direction: "outbound",
      kind: "837P",
      name: "claims-1.837",
      sha256: "x",
      bytes: 9,
      content: "ISA*00*~",
      status: "sent",
      createdAt: now,
    });
    const out = await database.db.transaction((tx) =>
      downloadClearinghouseFile(tx, { actor, fileId: outId, now }),
    );
    expect(Buffer.from(out.bytes).toString("utf8")).toBe("ISA*00*~");
    const audit = await database.db.select().from(tables.auditLog).where(eq(tables.auditLog.entityId, outId));
    expect(audit).toHaveLength(1);
  });
});
