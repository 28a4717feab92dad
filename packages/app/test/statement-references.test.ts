import { insertOutboundFile, insertPostingRemittance } from "@billcycle/app";
import { newId, tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { createAppointment } from "@billcycle/testing/billing-fixture";
import { practiceWithSubmittedClaims } from "@billcycle/testing/claims-fixture";
import { count, eq } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Scrub results, submissions, an ERA's claims (migration 0045) and document shares (0048) are checked once per
 * INSERT over all its rows, in place of row-level foreign keys: one row that points nowhere, or into another
 * practice, refuses the statement and none of its rows is written.
 */
describe.each(testBackends())("rows checked per statement refer to their practice's rows (%s)", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => database?.dispose());

  const now = new Date("2026-03-06T12:00:00Z");
  const rowsIn = async (table: PgTable) => (await database.db.select({ n: count() }).from(table))[0]?.n;

  /** Checked on insert only, so the references may not change: each update is refused. */
  const expectUnchanged = async (changes: Record<string, PromiseLike<unknown>>) => {
    for (const [what, change] of Object.entries(changes)) {
      const refused = await change.then(
        () => null,
        (e: unknown) => (e instanceof Error ? e.cause : e),
      );
      expect(refused, what).toMatchObject({
        code: "23503",
        message: expect.stringMatching(/does not change/),
      });
    }
  };

  /** Each bad row, with the good ones, is refused whole; then the good ones alone are written. */
  const expectChecked = async <R extends Record<string, unknown>>(
    table: PgTable,
    good: () => R[],
    bad: Record<string, R>,
  ) => {
    const before = await rowsIn(table);
    for (const [what, row] of Object.entries(bad)) {
      const refused = await database.db
        .insert(table)
        .values([...good(), row])
        .then(
          () => null,
          (e: unknown) => (e instanceof Error ? e.cause : e),
        );
      expect(refused, what).toMatchObject({
        code: "23503",
        message: expect.stringMatching(/of its practice/),
      });
      expect(await rowsIn(table), what).toBe(before);
    }
    const rows = good();
    await database.db.insert(table).values(rows);
    expect(await rowsIn(table)).toBe((before ?? 0) + rows.length);
  };

  const file = async (practiceId: string) => {
    const id = newId(now.getTime());
    await insertOutboundFile(database.db, {
      id,
      practiceId,
      kind: "837P",
      name: `837P-${id}.x12`,
      sha256: "0".repeat(64),
      bytes: 0,
      createdAt: now,
    });
    return id;
  };

  const remittance = async (practiceId: string) => {
    const id = newId(now.getTime());
    await insertPostingRemittance(database.db, {
      id,
      practiceId,
      fileId: await file(practiceId),
      payerName: "Blue Prairie",
      payerIdentifier: "BPH01",
      traceNumber: id,
      totalPaidCents: 0,
      balanced: true,
      imbalances: [],
      providerAdjustments: [],
      claimCount: 0,
      contentSha256: id,
      createdAt: now,
      updatedAt: now,
    });
    return id;
  };

  it("refuses a statement with one row pointing elsewhere, and writes none of its rows", async () => {
    const ours = await practiceWithSubmittedClaims(database, 2);
    const theirs = await practiceWithSubmittedClaims(database, 1);
    const practiceId = ours.p.practiceId;
    const [a, b] = ours.claims;
    const [other] = theirs.claims;
    const missing = newId(now.getTime());

    const scrub = (claimId: string) => ({
      id: newId(now.getTime()),
      practiceId,
      claimId,
      at: now,
      blocking: false,
      edits: [],
    });
    await expectChecked(tables.claimScrubs, () => [scrub(a!.id), scrub(b!.id)], {
      "a claim of another practice": scrub(other!.id),
      "a claim that does not exist": scrub(missing),
    });

    const ourFile = await file(practiceId);
    const theirFile = await file(theirs.p.practiceId);
    const submission = (claimId: string, fileId = ourFile) => ({
      practiceId,
      claimId,
      fileId,
      transactionControlNumber: "0001",
      createdAt: now,
    });
    await expectChecked(tables.claimSubmissions, () => [submission(a!.id)], {
      "a claim of another practice": submission(other!.id),
      "a claim that does not exist": submission(missing),
      "a file of another practice": submission(b!.id, theirFile),
      "a file that does not exist": submission(b!.id, missing),
    });

    const ourRemittance = await remittance(practiceId);
    const theirRemittance = await remittance(theirs.p.practiceId);
    let position = 0;
    const remittanceClaim = (remittanceId = ourRemittance) => ({
      id: newId(now.getTime()),
      practiceId,
      remittanceId,
      position: position++,
      claimId: a!.id,
      patientControlNumber: a!.patientControlNumber,
      statusCode: "1",
      chargeCents: 100,
      paidCents: 100,
      patientResponsibilityCents: 0,
      postingStatus: "posted" as const,
      data: {},
    });
    await expectChecked(tables.remittanceClaims, () => [remittanceClaim(), remittanceClaim()], {
      "a remittance of another practice": remittanceClaim(theirRemittance),
      "a remittance that does not exist": remittanceClaim(missing),
    });
    await expectUnchanged({
      "a scrub's claim": database.db
        .update(tables.claimScrubs)
        .set({ claimId: other!.id })
        .where(eq(tables.claimScrubs.claimId, a!.id)),
      "a submission's file": database.db
        .update(tables.claimSubmissions)
        .set({ fileId: theirFile })
        .where(eq(tables.claimSubmissions.claimId, a!.id)),
      "an ERA claim's remittance": database.db
        .update(tables.remittanceClaims)
        .set({ remittanceId: theirRemittance })
        .where(eq(tables.remittanceClaims.remittanceId, ourRemittance)),
    });
  });

  it("refuses a share of another practice's client or invoice, or of none; a document's share has no invoice", async () => {
    const ours = await practiceWithSubmittedClaims(database, 3);
    const theirs = await practiceWithSubmittedClaims(database, 1);
    const practiceId = ours.p.practiceId;
    const [a, b, c] = ours.claims;
    const [other] = theirs.claims;
    const missing = newId(now.getTime());
    // The night may have scheduled the bills' shares already (one per invoice): start from none.
    await database.db.delete(tables.documentShares).where(eq(tables.documentShares.practiceId, practiceId));

    const documentId = newId(now.getTime());
    const pdf = Buffer.from("%PDF-1.4\n% test statement\n%%EOF\n", "latin1");
    await database.db.insert(tables.documents).values({
      id: documentId,
      practiceId,
      clientId: a!.clientId,
      kind: "statement",
      number: "ST-1",
      status: "issued",
      amountCents: 0,
      source: "user",
      issuedAt: now,
      pdf,
      pdfSha256: "0".repeat(64),
      pdfBytes: pdf.byteLength,
    });
    const share = (over: { clientId?: string; invoiceId?: string }) => ({
      id: newId(now.getTime()),
      practiceId,
      clientId: a!.clientId,
      subjectType: "invoice" as const,
      kind: "invoice" as const,
      invoiceId: a!.invoiceId,
      dueAt: now,
      ...over,
    });
    const documentShare = () => ({
      ...share({}),
      subjectType: "document" as const,
      kind: "statement" as const,
      invoiceId: null,
      documentId,
    });
    await expectChecked(
      tables.documentShares,
      () => [documentShare(), share({}), share({ invoiceId: b!.invoiceId })],
      {
        "a client of another practice": share({ clientId: other!.clientId, invoiceId: c!.invoiceId }),
        "a client that does not exist": share({ clientId: missing, invoiceId: c!.invoiceId }),
        "an invoice of another practice": share({ invoiceId: other!.invoiceId }),
        "an invoice that does not exist": share({ invoiceId: missing }),
      },
    );
    await expectUnchanged({
      "a share's invoice": database.db
        .update(tables.documentShares)
        .set({ invoiceId: c!.invoiceId })
        .where(eq(tables.documentShares.invoiceId, a!.invoiceId)),
    });
  });

  it("refuses invoices, lines, claimed sessions and outcomes that point elsewhere; their references do not change", async () => {
    const ours = await practiceWithSubmittedClaims(database, 1);
    const theirs = await practiceWithSubmittedClaims(database, 1);
    const practiceId = ours.p.practiceId;
    const missing = newId(now.getTime());
    const invoiceOf = async (id: string) =>
      (await database.db.select().from(tables.invoices).where(eq(tables.invoices.id, id)))[0]!;
    const invoice = await invoiceOf(ours.claims[0]!.invoiceId);
    const theirInvoice = await invoiceOf(theirs.claims[0]!.invoiceId);
    let n = 0;
    const newInvoice = (clientId = invoice.clientId) => ({
      ...invoice,
      id: newId(now.getTime()),
      number: `T-${++n}`,
      clientId,
    });
    await expectChecked(tables.invoices, () => [newInvoice()], {
      "a client of another practice": newInvoice(theirInvoice.clientId),
      "a client that does not exist": newInvoice(missing),
    });

    const [line] = await database.db
      .select()
      .from(tables.invoiceLines)
      .where(eq(tables.invoiceLines.invoiceId, invoice.id));
    const newLine = (invoiceId = invoice.id) => ({
      ...line!,
      id: newId(now.getTime()),
      position: 100 + ++n,
      invoiceId,
    });
    await expectChecked(tables.invoiceLines, () => [newLine()], {
      "an invoice of another practice": newLine(theirInvoice.id),
      "an invoice that does not exist": newLine(missing),
    });

    const unclaimed = { localStart: "2026-03-04T09:00", status: "kept" } as const;
    const session = await createAppointment(database, ours.p, invoice.clientId, now, unclaimed);
    const theirSession = await createAppointment(database, theirs.p, theirInvoice.clientId, now, unclaimed);
    const claimOf = (appointmentId: string) => ({
      appointmentId,
      practiceId,
      invoiceId: invoice.id,
      createdAt: now,
    });
    await expectChecked(tables.appointmentInvoices, () => [claimOf(session)], {
      "a session of another practice": claimOf(theirSession),
      "a session that does not exist": claimOf(missing),
    });

    const run = (runPracticeId: string) => ({
      id: newId(now.getTime()),
      practiceId: runPracticeId,
      automation: "invoice_creation" as const,
      trigger: "manual" as const,
      localDate: "2026-03-02",
      scheduledAt: now,
      status: "done" as const,
      createdAt: now,
    });
    const ourRun = run(practiceId);
    const theirRun = run(theirs.p.practiceId);
    await database.db.insert(tables.automationRuns).values([ourRun, theirRun]);
    const outcome = (runId: string | null) => ({
      id: newId(now.getTime()),
      practiceId,
      runId,
      automation: "invoice_creation",
      trigger: "manual" as const,
      subjectType: "appointment" as const,
      subjectId: newId(now.getTime()),
      outcome: "done" as const,
      message: "Invoiced",
      at: now,
    });
    await expectChecked(tables.automationOutcomes, () => [outcome(ourRun.id), outcome(null)], {
      "a run of another practice": outcome(theirRun.id),
      "a run that does not exist": outcome(missing),
    });

    await expectUnchanged({
      "an invoice's client": database.db
        .update(tables.invoices)
        .set({ clientId: theirInvoice.clientId })
        .where(eq(tables.invoices.id, invoice.id)),
      "a line's invoice": database.db
        .update(tables.invoiceLines)
        .set({ invoiceId: theirInvoice.id })
        .where(eq(tables.invoiceLines.id, line!.id)),
      "a claimed session": database.db
        .update(tables.appointmentInvoices)
        .set({ appointmentId: theirSession })
        .where(eq(tables.appointmentInvoices.appointmentId, session)),
      "an outcome's run": database.db
        .update(tables.automationOutcomes)
        .set({ runId: theirRun.id })
        .where(eq(tables.automationOutcomes.runId, ourRun.id)),
    });
    // An update that names the column but leaves it as it was goes through.
    const same = await database.db
      .update(tables.invoices)
      .set({ clientId: invoice.clientId, updatedAt: now })
      .where(eq(tables.invoices.id, invoice.id))
      .returning({ id: tables.invoices.id });
    expect(same).toHaveLength(1);
  });
});
