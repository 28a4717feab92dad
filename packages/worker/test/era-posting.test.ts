import { tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import {
  importFile,
  practiceWithSubmittedClaims,
  setUnknownCodeAction,
} from "@billcycle/testing/claims-fixture";
import { ack277, ack999, era835 } from "@billcycle/testing/x12-files";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { strayStoredStatuses } from "./support/status-writes";

type Adj = Array<[string, string, number]>;
const line = (pcn: string, paid: number, adjustments: Adj) => [
  {
    code: "90837",
    chargeCents: 17500,
    paidCents: paid,
    date: "2026-03-02",
    control: `${pcn}-1`,
    adjustments,
  },
];

describe.each(testBackends())("ERA posting (%s)", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => database?.dispose());

  const postingsOf = (claimId: string) =>
    database.db
      .select()
      .from(tables.postings)
      .where(eq(tables.postings.claimId, claimId))
      .orderBy(asc(tables.postings.createdAt), asc(tables.postings.id));
  const invoiceOf = async (invoiceId: string) =>
    (await database.db.select().from(tables.invoices).where(eq(tables.invoices.id, invoiceId)))[0]!;
  const claimOf = async (id: string) =>
    (await database.db.select().from(tables.claims).where(eq(tables.claims.id, id)))[0]!;
  /** The client ledger's entries for an invoice, in order. */
  const ledgerOf = (invoiceId: string) =>
    database.db
      .select()
      .from(tables.ledgerEntries)
      .where(eq(tables.ledgerEntries.invoiceId, invoiceId))
      .orderBy(asc(tables.ledgerEntries.id));

  it.each([
    ["CO", "45", "write_off"],
    ["CO", "253", "write_off"],
    ["PR", "1", "patient_responsibility"],
    ["PR", "2", "patient_responsibility"],
    ["PR", "3", "patient_responsibility"],
  ])("default rule %s-%s posts as %s", async (group, reason, kind) => {
    const { p, claims } = await practiceWithSubmittedClaims(database, 1);
    const c = claims[0]!;
    const result = await importFile(
      database,
      p,
      era835({
        trace: `T-${group}${reason}-${backend}`,
        claims: [
          {
            pcn: c.patientControlNumber,
            chargeCents: 17500,
            paidCents: 15000,
            patientCents: group === "PR" ? 2500 : 0,
            lines: line(c.patientControlNumber, 15000, [[group, reason, 2500]]),
          },
        ],
      }),
    );
    expect(result.remittances?.[0]).toMatchObject({ status: "posted", posted: 1, queued: 0 });
    expect((await postingsOf(c.id)).map((x) => [x.kind, x.amountCents])).toEqual([
      ["payment", 15000],
      [kind, 2500],
    ]);
    const inv = await invoiceOf(c.invoiceId);
    expect(inv.insurancePaidCents).toBe(15000);
    if (kind === "write_off")
      expect(inv).toMatchObject({
        adjustmentCents: 2500,
        clientCents: 0,
        status: "processed",
        paymentStatus: "paid",
      });
    else
      expect(inv).toMatchObject({
        adjustmentCents: 0,
        clientCents: 2500,
        insuranceCents: 15000,
        status: "processed",
        paymentStatus: "partially_paid",
      });
    // Patient responsibility set by the ERA enters the client ledger as one charge linked to its posting.
    const ledger = await ledgerOf(c.invoiceId);
    if (kind === "write_off") expect(ledger).toEqual([]);
    else {
      expect(ledger.map((e) => [e.kind, e.amountCents, e.clientId])).toEqual([
        ["charge", 2500, inv.clientId],
      ]);
      const posting = (await postingsOf(c.id)).find((x) => x.id === ledger[0]!.postingId);
      expect(posting?.remittanceClaimId).not.toBeNull();
    }
  });

  it("an adjustment code without a rule blocks auto-posting, or posts as a denial, as the practice chose", async () => {
    const { p, claims } = await practiceWithSubmittedClaims(database, 2);
    const [a, b] = claims;
    const denied = (pcn: string) => ({
      pcn,
      status: "4",
      chargeCents: 17500,
      paidCents: 0,
      lines: line(pcn, 0, [["CO", "97", 17500]]),
    });
    const blocked = await importFile(
      database,
      p,
      era835({ trace: `T-block-${backend}`, claims: [denied(a!.patientControlNumber)] }),
    );
    expect(blocked.remittances?.[0]).toMatchObject({ status: "needs_review", posted: 0, queued: 1 });
    const [item] = await database.db
      .select()
      .from(tables.workQueueItems)
      .where(eq(tables.workQueueItems.remittanceId, blocked.remittances![0]!.remittanceId!));
    expect(item).toMatchObject({
      kind: "blocked_code",
      status: "open",
      reason: "CO-97 ($175.00) has no posting rule",
    });
    expect(await postingsOf(a!.id)).toEqual([]);
    expect((await claimOf(a!.id)).status).toBe("submitted");

    await setUnknownCodeAction(database, p.actor, "deny", 0);
    const posted = await importFile(
      database,
      p,
      era835({ trace: `T-deny-${backend}`, claims: [denied(b!.patientControlNumber)] }),
    );
    expect(posted.remittances?.[0]).toMatchObject({ status: "posted", posted: 1 });
    expect((await postingsOf(b!.id)).map((x) => [x.kind, x.groupCode, x.reasonCode, x.amountCents])).toEqual([
      ["denial", "CO", "97", 17500],
    ]);
    expect(await claimOf(b!.id)).toMatchObject({ status: "adjudicated", adjudication: "denied" });
  });

  it("a reversal (CLP02 22) undoes every earlier posting, then the correction posts", async () => {
    const { p, claims } = await practiceWithSubmittedClaims(database, 1);
    const c = claims[0]!;
    const pcn = c.patientControlNumber;
    await importFile(
      database,
      p,
      era835({
        trace: `T-orig-${backend}`,
        claims: [
          {
            pcn,
            chargeCents: 17500,
            paidCents: 12000,
            patientCents: 3000,
            lines: line(pcn, 12000, [
              ["CO", "45", 2500],
              ["PR", "2", 3000],
            ]),
          },
        ],
      }),
    );
    const correction = await importFile(
      database,
      p,
      era835({
        trace: `T-corr-${backend}`,
        claims: [
          {
            pcn,
            status: "22",
            chargeCents: -17500,
            paidCents: -12000,
            patientCents: -3000,
            lines: [
              {
                code: "90837",
                chargeCents: -17500,
                paidCents: -12000,
                date: "2026-03-02",
                control: `${pcn}-1`,
                adjustments: [
                  ["CO", "45", -2500],
                  ["PR", "2", -3000],
                ],
              },
            ],
          },
          {
            pcn,
            status: "1",
            chargeCents: 17500,
            paidCents: 14000,
            patientCents: 1000,
            lines: line(pcn, 14000, [
              ["CO", "45", 2500],
              ["PR", "1", 1000],
            ]),
          },
        ],
      }),
    );
    expect(correction.remittances?.[0]).toMatchObject({ status: "posted", posted: 2 });
    const all = await postingsOf(c.id);
    const reversals = all.filter((x) => x.reversesPostingId);
    expect(reversals).toHaveLength(3);
    for (const r of reversals) {
      const original = all.find((x) => x.id === r.reversesPostingId)!;
      expect([r.kind, r.amountCents]).toEqual([original.kind, -original.amountCents]);
    }
    expect(await claimOf(c.id)).toMatchObject({
      status: "adjudicated",
      adjudication: "paid",
      paidCents: 14000,
      patientResponsibilityCents: 1000,
    });
    expect(await invoiceOf(c.invoiceId)).toMatchObject({
      insurancePaidCents: 14000,
      adjustmentCents: 2500,
      clientCents: 1000,
      insuranceCents: 16500,
    });
    // The ledger follows the client's share: +3000, then one entry per change, summing to the 1000 now owed.
    const ledger = await ledgerOf(c.invoiceId);
    expect(ledger[0]).toMatchObject({ kind: "charge", amountCents: 3000 });
    expect(ledger.some((e) => e.kind === "credit" && e.amountCents < 0)).toBe(true);
    expect(ledger.reduce((sum, e) => sum + e.amountCents, 0)).toBe(1000);
  });

  it("records provider-level adjustments (PLB) against the remittance", async () => {
    const { p, claims } = await practiceWithSubmittedClaims(database, 1);
    const pcn = claims[0]!.patientControlNumber;
    const r = await importFile(
      database,
      p,
      era835({
        trace: `T-plb-${backend}`,
        plb: [
          ["WO", 500],
          ["L6", -150],
        ],
        claims: [
          { pcn, chargeCents: 17500, paidCents: 15000, lines: line(pcn, 15000, [["CO", "45", 2500]]) },
        ],
      }),
    );
    const [rem] = await database.db
      .select()
      .from(tables.remittances)
      .where(eq(tables.remittances.id, r.remittances![0]!.remittanceId!));
    expect(rem).toMatchObject({
      balanced: true,
      status: "posted",
      totalPaidCents: 15000 - 350,
      providerAdjustmentCents: 350,
    });
    expect(rem!.providerAdjustments.map((x) => [x.reason, x.amountCents])).toEqual([
      ["WO", 500],
      ["L6", -150],
    ]);
  });

  it("a remittance that does not balance is not posted: it waits in the work queue with the imbalance", async () => {
    const { p, claims } = await practiceWithSubmittedClaims(database, 1);
    const pcn = claims[0]!.patientControlNumber;
    const r = await importFile(
      database,
      p,
      era835({
        trace: `T-unbal-${backend}`,
        bprCents: 14000,
        claims: [
          { pcn, chargeCents: 17500, paidCents: 15000, lines: line(pcn, 15000, [["CO", "45", 2500]]) },
        ],
      }),
    );
    expect(r.remittances?.[0]).toMatchObject({ status: "needs_review", posted: 0 });
    const items = await database.db
      .select()
      .from(tables.workQueueItems)
      .where(eq(tables.workQueueItems.remittanceId, r.remittances![0]!.remittanceId!));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: "unbalanced" });
    expect(items[0]!.reason).toMatch(/does not balance/);
    expect(await postingsOf(claims[0]!.id)).toEqual([]);
  });

  it("unmatched claims wait in the work queue; other claims of the remittance post; secondary payments post", async () => {
    const { p, claims } = await practiceWithSubmittedClaims(database, 1);
    const pcn = claims[0]!.patientControlNumber;
    const r = await importFile(
      database,
      p,
      era835({
        trace: `T-unmatched-${backend}`,
        claims: [
          {
            pcn: "NOT-OURS-1",
            chargeCents: 10000,
            paidCents: 8000,
            lines: [
              {
                code: "90834",
                chargeCents: 10000,
                paidCents: 8000,
                date: "2026-03-02",
                adjustments: [["CO", "45", 2000]],
              },
            ],
          },
          {
            pcn,
            status: "2",
            chargeCents: 17500,
            paidCents: 15000,
            lines: line(pcn, 15000, [["CO", "45", 2500]]),
          },
        ],
      }),
    );
    expect(r.remittances?.[0]).toMatchObject({ status: "partially_posted", posted: 1, queued: 1 });
    const [item] = await database.db
      .select()
      .from(tables.workQueueItems)
      .where(eq(tables.workQueueItems.remittanceId, r.remittances![0]!.remittanceId!));
    expect(item).toMatchObject({
      kind: "unmatched_claim",
      reason: "No claim with patient control number NOT-OURS-1",
    });
    expect(await claimOf(claims[0]!.id)).toMatchObject({ status: "adjudicated", adjudication: "paid" });
  });

  it("999 and 277CA rejections move claims to Rejected with the codes and their texts", async () => {
    const { p, claims } = await practiceWithSubmittedClaims(database, 2);
    const [a, b] = claims;
    const r277 = await importFile(
      database,
      p,
      ack277([
        { pcn: a!.patientControlNumber, accepted: false, chargeCents: 17500 },
        { pcn: b!.patientControlNumber, accepted: true, payerClaimNumber: "ICN-B", chargeCents: 17500 },
      ]),
    );
    expect(r277.acknowledgments).toEqual({ accepted: 1, rejected: 1, unmatched: 0 });
    expect((await claimOf(a!.id)).status).toBe("rejected");
    expect(await claimOf(b!.id)).toMatchObject({ status: "accepted", payerClaimNumber: "ICN-B" });
    const [ack] = await database.db
      .select()
      .from(tables.claimAcknowledgments)
      .where(eq(tables.claimAcknowledgments.claimId, a!.id));
    expect(ack!.details[0]).toMatchObject({ code: "A7:562:85" });
    expect(ack!.details[0]!.text).toMatch(/National Provider Identifier/);
    // A 999 for a file we never sent matches nothing and changes nothing.
    const r999 = await importFile(
      database,
      p,
      ack999({ groupControl: "987654", transactionControl: "0001", accepted: false }),
    );
    expect(r999.acknowledgments).toEqual({ accepted: 0, rejected: 0, unmatched: 1 });
  });

  it("a file that is not X12 is kept and marked rejected with the reader's error", async () => {
    const { p } = await practiceWithSubmittedClaims(database, 1);
    const r = await importFile(database, p, "ISA*00*garbage~ST*835*0001~");
    expect(r.status).toBe("rejected");
    expect(r.error).toBeTruthy();
  });

  it("leaves every stored status a state of its table after all of the above", async () => {
    expect(await strayStoredStatuses(database.db)).toEqual([]);
  });
});
