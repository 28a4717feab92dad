import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  clearinghouseConnectionsResource,
  createResource,
  generateSecretKey,
  updateClaimsSettings,
} from "@billcycle/app";
import { ManualClock } from "@billcycle/core";
import { tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import {
  configure,
  createAppointment,
  createBillingPractice,
  createClient,
} from "@billcycle/testing/billing-fixture";
import { filePorts, local, localDateOf, simulate } from "@billcycle/testing/engine-harness";
import { startSftpServer, type TestSftpServer } from "@billcycle/testing/sftp-server";
import { ack277, ack999, era835 } from "@billcycle/testing/x12-files";
import { parse837P } from "@billcycle/x12";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ZONE = "America/Chicago";
process.env.BILLCYCLE_SECRET_KEY ??= generateSecretKey();

describe.each(testBackends())("the whole cycle over SFTP (%s)", (backend) => {
  let database: TestDatabase;
  let sftp: TestSftpServer;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    const root = mkdtempSync(join(tmpdir(), "billcycle-sftp-"));
    mkdirSync(join(root, "outbound"));
    mkdirSync(join(root, "inbound"));
    sftp = await startSftpServer({ root, users: { billcycle: { password: "correct-horse-battery" } } });
  });
  afterAll(async () => {
    await sftp?.stop();
    await database?.dispose();
  });

  it("kept session → invoice → claim → 837P on the SFTP server → 999/277CA accepted → 835 paid → balance due from the client", async () => {
    const clock = new ManualClock(local("2026-03-01T12:00", ZONE));
    const ports = filePorts();
    const p = await createBillingPractice(database, ZONE, clock.now());
    await configure(database, p, clock.now(), (c) => {
      for (const k of [
        "invoice_creation",
        "invoice_processing",
        "claims_submission",
        "era_processing",
      ] as const)
        c.automations[k].enabled = true;
    });
    const connection = await createResource(database, clearinghouseConnectionsResource, {
      actor: p.actor,
      input: {
        name: "Test clearinghouse",
        kind: "sftp",
        host: sftp.host,
        port: sftp.port,
        username: "billcycle",
        authKind: "password",
        secret: "correct-horse-battery",
        hostKeySha256: sftp.hostKeySha256,
        outboundDir: "/outbound",
        inboundDir: "/inbound",
        submitterId: "123456789",
        submitterName: "Fixture Practice",
        receiverId: "CLEARHOUSE",
        receiverName: "Clearinghouse",
      },
      now: clock.now(),
    });
    await updateClaimsSettings(database, {
      actor: p.actor,
      settings: { disabledWarnings: [], unknownCodeAction: "block", connectionId: String(connection.id) },
      expectedVersion: 0,
      now: clock.now(),
    });
    const clientId = await createClient(database, p, clock.now());
    await simulate(database, clock, ports, local("2026-03-02T11:00", ZONE));
    await createAppointment(database, p, clientId, clock.now(), {
      localStart: "2026-03-02T10:00",
      status: "kept",
    });

    // Monday: invoiced; Tuesday: claimed; Wednesday 21:00: scrubbed and sent.
    await simulate(database, clock, ports, local("2026-03-04T22:00", ZONE));
    const [claim] = await database.db
      .select()
      .from(tables.claims)
      .where(eq(tables.claims.practiceId, p.practiceId));
    expect(claim).toMatchObject({ status: "submitted" });
    expect(localDateOf(claim!.submittedAt!, ZONE)).toBe("2026-03-04");
    const sent = readdirSync(join(sftp.root, "outbound"));
    expect(sent).toHaveLength(1);
    const [file] = await database.db
      .select()
      .from(tables.clearinghouseFiles)
      .where(eq(tables.clearinghouseFiles.practiceId, p.practiceId));
    expect(file).toMatchObject({ direction: "outbound", kind: "837P", status: "sent", name: sent[0] });
    const onServer = readFileSync(join(sftp.root, "outbound", sent[0]!), "latin1");
    expect(onServer).toBe(file!.content);
    const [read] = parse837P(onServer);
    expect(read!.warnings).toEqual([]);
    const written = read!.batch.transactions[0]!.claims[0]!;
    expect(written).toMatchObject({
      patientControlNumber: claim!.patientControlNumber,
      placeOfService: "11",
      frequencyCode: "1",
      diagnosisCodes: ["F411"],
    });
    expect(written.lines[0]).toMatchObject({
      procedure: { code: "90837" },
      chargeCents: 17500,
      lineControlNumber: `${claim!.patientControlNumber}-1`,
    });

    // The clearinghouse answers: 999 accepted, then 277CA accepted with the payer's claim number.
    writeFileSync(
      join(sftp.root, "inbound", "ack-1.999"),
      ack999({
        groupControl: file!.groupControlNumber!,
        transactionControl: file!.transactionControlNumbers![0]!,
        accepted: true,
      }),
    );
    writeFileSync(
      join(sftp.root, "inbound", "ack-1.277"),
      ack277([
        {
          pcn: claim!.patientControlNumber,
          accepted: true,
          payerClaimNumber: "PAYER-ICN-1",
          chargeCents: 17500,
        },
      ]),
    );
    await simulate(database, clock, ports, local("2026-03-05T21:00", ZONE));
    const [accepted] = await database.db.select().from(tables.claims).where(eq(tables.claims.id, claim!.id));
    expect(accepted).toMatchObject({ status: "accepted", payerClaimNumber: "PAYER-ICN-1" });
    expect(readdirSync(join(sftp.root, "inbound")).sort()).toEqual(["archive"]);

    // The 835: paid $120, contractual write-off $25 (CO-45), co-insurance $30 (PR-2) for the client.
    const remit = era835({
      trace: "EFT-0001",
      claims: [
        {
          pcn: claim!.patientControlNumber,
          chargeCents: 17500,
          paidCents: 12000,
          patientCents: 3000,
          payerClaimNumber: "PAYER-ICN-1",
          lines: [
            {
              code: "90837",
              chargeCents: 17500,
              paidCents: 12000,
              date: "2026-03-02",
              control: `${claim!.patientControlNumber}-1`,
              adjustments: [
                ["CO", "45", 2500],
                ["PR", "2", 3000],
              ],
            },
          ],
        },
      ],
    });
    writeFileSync(join(sftp.root, "inbound", "era-1.835"), remit);
    await simulate(database, clock, ports, local("2026-03-06T21:00", ZONE));
    const [paid] = await database.db.select().from(tables.claims).where(eq(tables.claims.id, claim!.id));
    expect(paid).toMatchObject({
      status: "adjudicated",
      adjudication: "paid",
      paidCents: 12000,
      patientResponsibilityCents: 3000,
    });
    const postings = await database.db
      .select()
      .from(tables.postings)
      .where(eq(tables.postings.claimId, claim!.id))
      .orderBy(asc(tables.postings.kind));
    expect(postings.map((x) => [x.kind, x.groupCode, x.reasonCode, x.amountCents])).toEqual([
      ["patient_responsibility", "PR", "2", 3000],
      ["payment", null, null, 12000],
      ["write_off", "CO", "45", 2500],
    ]);
    const [invoice] = await database.db
      .select()
      .from(tables.invoices)
      .where(eq(tables.invoices.id, claim!.invoiceId));
    expect(invoice).toMatchObject({
      status: "processed",
      paymentStatus: "partially_paid",
      totalCents: 17500,
      insurancePaidCents: 12000,
      adjustmentCents: 2500,
      insuranceCents: 14500,
      clientCents: 3000,
      clientPaidCents: 0,
    });
    // Insurance is settled; the client owes the co-insurance.
    expect(invoice!.insuranceCents - invoice!.insurancePaidCents - invoice!.adjustmentCents).toBe(0);
    expect(invoice!.clientCents - invoice!.clientPaidCents).toBe(3000);
    // …and it is on the client's ledger, linked to the posting that set it.
    const ledger = await database.db
      .select()
      .from(tables.ledgerEntries)
      .where(eq(tables.ledgerEntries.invoiceId, invoice!.id));
    expect(ledger.map((e) => [e.kind, e.amountCents, e.postingId !== null])).toEqual([
      ["charge", 3000, true],
    ]);
    const history = await database.db
      .select()
      .from(tables.claimStatusHistory)
      .where(eq(tables.claimStatusHistory.claimId, claim!.id))
      .orderBy(asc(tables.claimStatusHistory.at));
    expect(history.map((h) => [h.toStatus, h.toAdjudication, (h.cause as { kind: string }).kind])).toEqual([
      ["awaiting_submission", "none", "run"],
      ["submitted", "none", "file"],
      ["accepted", "none", "acknowledgment"],
      ["adjudicated", "paid", "remittance"],
    ]);

    // The same 835 again (another name): nothing posts twice.
    writeFileSync(join(sftp.root, "inbound", "era-1-again.835"), remit);
    await simulate(database, clock, ports, local("2026-03-07T21:00", ZONE));
    expect(
      await database.db.select().from(tables.postings).where(eq(tables.postings.claimId, claim!.id)),
    ).toHaveLength(3);
    const remittances = await database.db
      .select()
      .from(tables.remittances)
      .where(eq(tables.remittances.practiceId, p.practiceId));
    expect(remittances).toHaveLength(1);
  });
});
