import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  defaultTransportResolver,
  followUpDeniedClaim,
  listDeniedClaims,
  submitClaims,
} from "@billcycle/app";
import { tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import {
  importFile,
  practiceWithSubmittedClaims,
  setUnknownCodeAction,
  ZONE,
} from "@billcycle/testing/claims-fixture";
import { local } from "@billcycle/testing/engine-harness";
import { ack277, era835 } from "@billcycle/testing/x12-files";
import { validate837P } from "@billcycle/testing/x12-validator/index";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findStatusWrites, strayStatusWrites, strayStoredStatuses } from "./support/status-writes";

/** The segments of the 837P claim whose CLM01 is `pcn`, up to the next claim, HL or SE. */
const claimSegments = (content: string, pcn: string): string[] => {
  const segments = content.split("~").map((s) => s.trim());
  const start = segments.findIndex((s) => s.startsWith(`CLM*${pcn}*`));
  expect(start).toBeGreaterThanOrEqual(0);
  const end = segments.findIndex((s, i) => i > start && /^(CLM|HL|SE)\*/.test(s));
  return segments.slice(start, end);
};

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe.each(testBackends())("after a denial (%s)", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => database?.dispose());

  const now = local("2026-03-06T12:00", ZONE);
  const claimOf = async (id: string) =>
    (await database.db.select().from(tables.claims).where(eq(tables.claims.id, id)))[0]!;
  const invoiceOf = async (id: string) =>
    (await database.db.select().from(tables.invoices).where(eq(tables.invoices.id, id)))[0]!;

  it("denied claims are queued with their codes in words; each action does what it says; the 837P passes the validator", async () => {
    const { p, claims } = await practiceWithSubmittedClaims(database, 4);
    await setUnknownCodeAction(database, p.actor, "deny", 0);
    const denied = (pcn: string) => ({
      pcn,
      status: "4",
      chargeCents: 17500,
      paidCents: 0,
      payerClaimNumber: `PAYER${pcn}`,
      lines: [
        {
          code: "90837",
          chargeCents: 17500,
          paidCents: 0,
          date: "2026-03-02",
          control: `${pcn}-1`,
          adjustments: [["CO", "50", 17500]] as Array<[string, string, number]>,
          remarks: ["N290"],
        },
      ],
    });
    const imported = await importFile(
      database,
      p,
      era835({ trace: `T-denied-${backend}`, claims: claims.map((c) => denied(c.patientControlNumber)) }),
    );
    expect(imported.remittances?.[0]).toMatchObject({ status: "posted", posted: 4 });
    const [a, b, c, d] = claims as [
      (typeof claims)[0],
      (typeof claims)[0],
      (typeof claims)[0],
      (typeof claims)[0],
    ];

    const queue = await listDeniedClaims(database, { actor: p.actor, limit: 50, now });
    expect(queue.data.map((x) => x.claimId).sort()).toEqual(claims.map((x) => x.id).sort());
    expect(queue.data[0]).toMatchObject({
      stage: "denied",
      payerName: "Blue Prairie",
      payerClaimNumber: expect.stringMatching(/^PAYER/),
      insuranceOpenCents: 17500,
      adjustmentCodes: [{ code: "CO-50", description: "Not deemed a medical necessity by the payer" }],
      remarkCodes: [{ code: "N290", description: expect.stringContaining("rendering provider") }],
      actions: ["replace", "void_at_payer", "resubmit", "write_off", "bill_client"],
    });

    const act = (
      claimId: string,
      action: "replace" | "void_at_payer" | "write_off" | "bill_client",
      more = {},
    ) =>
      followUpDeniedClaim(database, {
        actor: p.actor,
        claimId,
        action,
        reason: "payer said so",
        now,
        ...more,
      });
    const replaced = await act(a.id, "replace", { corrections: { diagnosisCodes: ["F41.1"] } });
    const voided = await act(b.id, "void_at_payer");
    expect(await claimOf(a.id)).toMatchObject({
      followUp: "replaced",
      status: "adjudicated",
      adjudication: "denied",
    });
    expect(await claimOf(replaced.newClaimId!)).toMatchObject({
      frequencyCode: "7",
      status: "awaiting_submission",
      replacesClaimId: a.id,
      replacesPayerClaimNumber: `PAYER${a.patientControlNumber}`,
      diagnosisCodes: ["F41.1"],
    });
    expect(await claimOf(voided.newClaimId!)).toMatchObject({
      frequencyCode: "8",
      replacesPayerClaimNumber: `PAYER${b.patientControlNumber}`,
    });

    const written = await act(c.id, "write_off");
    expect(written.amountCents).toBe(17500);
    expect(await invoiceOf(c.invoiceId)).toMatchObject({ adjustmentCents: 17500, paymentStatus: "paid" });
    const billed = await act(d.id, "bill_client");
    expect(billed.amountCents).toBe(17500);
    expect(await invoiceOf(d.invoiceId)).toMatchObject({
      insuranceCents: 0,
      clientCents: 17500,
      totalCents: 17500,
    });
    const ledger = await database.db
      .select()
      .from(tables.ledgerEntries)
      .where(eq(tables.ledgerEntries.invoiceId, d.invoiceId))
      .orderBy(asc(tables.ledgerEntries.id));
    expect(ledger.map((e) => [e.kind, e.amountCents])).toEqual([["charge", 17500]]);
    // Each claim is followed up once; the queue is empty.
    expect(await codeOf(act(c.id, "bill_client"))).toBe("CLAIM_NOT_DENIED");
    expect((await listDeniedClaims(database, { actor: p.actor, limit: 50, now })).data).toEqual([]);
    const records = await database.db
      .select()
      .from(tables.claimFollowUpRecords)
      .where(eq(tables.claimFollowUpRecords.practiceId, p.practiceId));
    expect(records.map((r) => r.action).sort()).toEqual([
      "bill_client",
      "replace",
      "void_at_payer",
      "write_off",
    ]);

    // The replacement and the void go out with the next submission, in the pipeline's 837P.
    const result = await submitClaims(
      database,
      { practiceId: p.practiceId, runId: null, trigger: "manual", today: "2026-03-08" },
      local("2026-03-08T21:00", ZONE),
      {
        transportFor: defaultTransportResolver({
          dropRoot: mkdtempSync(join(tmpdir(), "billcycle-followup-")),
        }),
      },
      { dryRun: true },
    );
    expect(result).toMatchObject({ considered: 2, scrubberRejected: 0, submitted: 2 });
    const content = result.fileContent!;
    expect(validate837P(content)).toEqual([]);
    const replacement = claimSegments(content, replaced.newPatientControlNumber!);
    expect(replacement[0]).toMatch(/^CLM\*[^*]+\*175\*\*\*11:B:7\*/);
    expect(replacement).toContain(`REF*F8*PAYER${a.patientControlNumber}`);
    expect(replacement).toContain("HI*ABK:F411");
    const payerVoid = claimSegments(content, voided.newPatientControlNumber!);
    expect(payerVoid[0]).toMatch(/\*11:B:8\*/);
    expect(payerVoid).toContain(`REF*F8*PAYER${b.patientControlNumber}`);

    expect(await strayStoredStatuses(database.db)).toEqual([]);
  });

  it("a replacement or payer void of a claim the payer never numbered is refused with a code; resubmitting it is not", async () => {
    const { p, claims } = await practiceWithSubmittedClaims(database, 1);
    const claim = claims[0]!;
    await importFile(
      database,
      p,
      ack277([{ pcn: claim.patientControlNumber, accepted: false, chargeCents: 17500 }]),
    );
    expect(await claimOf(claim.id)).toMatchObject({ status: "rejected", payerClaimNumber: null });
    const [queued] = (await listDeniedClaims(database, { actor: p.actor, limit: 50, now })).data;
    expect(queued).toMatchObject({ stage: "rejected", actions: ["resubmit", "write_off", "bill_client"] });
    expect(queued!.rejection.length).toBeGreaterThan(0);
    const count = async () =>
      (await database.db.select().from(tables.claims).where(eq(tables.claims.practiceId, p.practiceId)))
        .length;
    for (const action of ["replace", "void_at_payer"] as const) {
      const refused = await codeOf(
        followUpDeniedClaim(database, { actor: p.actor, claimId: claim.id, action, reason: "fix", now }),
      );
      expect(refused).toBe("PAYER_CLAIM_NUMBER_MISSING");
    }
    expect(await count()).toBe(1);
    expect(await claimOf(claim.id)).toMatchObject({ followUp: "none", status: "rejected" });
    await followUpDeniedClaim(database, {
      actor: p.actor,
      claimId: claim.id,
      action: "resubmit",
      reason: "member id fixed",
      now,
    });
    expect(await claimOf(claim.id)).toMatchObject({ status: "awaiting_submission", followUp: "none" });
  });

  it("claims.follow_up is written only by its writer", () => {
    const writes = findStatusWrites().filter((w) => w.column === "follow_up");
    expect(writes.length).toBeGreaterThan(0);
    expect(strayStatusWrites(writes)).toEqual([]);
  });
});
