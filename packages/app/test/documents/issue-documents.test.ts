import {
  createInvoices,
  downloadDocumentPdf,
  getDocument,
  issueBillDocument,
  issueCorrection,
  issueDocument,
  listClientDocuments,
  recordClientPayment,
  refundClientPayment,
  renderStatementPdf,
  voidDocument,
} from "@billcycle/app";
import { DomainError } from "@billcycle/core";
import { tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { createAppointment, createBillingPractice, createClient } from "@billcycle/testing/billing-fixture";
import { importFile, practiceWithSubmittedClaims } from "@billcycle/testing/claims-fixture";
import { local } from "@billcycle/testing/engine-harness";
import { readPdfText } from "@billcycle/testing/read-pdf-text";
import { era835, paidClaim } from "@billcycle/testing/x12-files";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleStatement } from "./document-samples";

const refusal = async (p: Promise<unknown>): Promise<{ code: string; message: string }> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, message: e.message };
    const pg = (e as { cause?: { code?: string; message?: string } }).cause ?? (e as { code?: string });
    return { code: String(pg.code), message: String((pg as { message?: string }).message) };
  }
  throw new Error("expected a refusal");
};

const ZONE = "America/Chicago";

describe.each(testBackends())("issuing documents on %s", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  const invoiceOf = async (practiceId: string) => {
    const [invoice] = await database.db
      .select()
      .from(tables.invoices)
      .where(eq(tables.invoices.practiceId, practiceId));
    return invoice!;
  };

  it("a bill renders the invoice as it stands, is reused while nothing changes, and gets a new version when it does", async () => {
    const { p, claims } = await practiceWithSubmittedClaims(database, 1);
    const invoice = await invoiceOf(p.practiceId);
    const t1 = local("2026-03-04T09:00", ZONE);
    const first = await issueBillDocument(database, {
      practiceId: p.practiceId,
      invoiceId: invoice.id,
      now: t1,
      source: "user",
      actor: p.actor,
    });
    expect(first.reused).toBe(false);
    expect(first.document).toMatchObject({
      kind: "invoice",
      number: expect.stringMatching(/^BILL-\d+$/),
      version: 1,
      status: "issued",
      invoiceId: invoice.id,
      clientId: invoice.clientId,
      amountCents: 0,
      replacesDocumentId: null,
    });
    const pdf1 = await downloadDocumentPdf(database, {
      actor: p.actor,
      documentId: first.document.id,
      now: t1,
    });
    expect(pdf1.bytes.byteLength).toBe(first.document.pdfBytes);
    expect(pdf1.sha256).toBe(first.document.pdfSha256);
    const text1 = await readPdfText(pdf1.bytes);
    expect(text1.lines).toContain(`Number: ${first.document.number}`);
    expect(text1.lines).toContain("Issued: 2026-03-04");
    expect(text1.text).toContain(`Invoice number: ${invoice.number}`);
    expect(text1.lines).toContain(
      "2026-03-02 | Psychotherapy, 60 minutes | 90837 | 1 | $175.00 | $175.00 | $0.00",
    );
    expect(text1.lines).toContain("No payments applied.");
    expect(text1.lines).toContain("Amount due | $0.00");

    // Nothing changed: the same version comes back, nothing is written.
    const again = await issueBillDocument(database, {
      practiceId: p.practiceId,
      invoiceId: invoice.id,
      now: local("2026-03-05T09:00", ZONE),
      source: "automation",
    });
    expect(again).toEqual({ reused: true, document: first.document });

    // The ERA pays $150 and writes off $25 (CO-45): the bill changes, so version 2 names version 1.
    const era = await importFile(
      database,
      p,
      era835({ trace: `T-doc-${backend}`, claims: [paidClaim(claims[0]!.patientControlNumber)] }),
    );
    expect(era.status).toBe("processed");
    const t3 = local("2026-03-07T09:00", ZONE);
    const second = await issueBillDocument(database, {
      practiceId: p.practiceId,
      invoiceId: invoice.id,
      now: t3,
      source: "automation",
    });
    expect(second.reused).toBe(false);
    expect(second.document).toMatchObject({
      number: first.document.number,
      version: 2,
      replacesDocumentId: first.document.id,
      status: "issued",
    });
    const text2 = await readPdfText(
      (await downloadDocumentPdf(database, { actor: p.actor, documentId: second.document.id, now: t3 }))
        .bytes,
    );
    expect(text2.lines).toContain("Version: 2");
    expect(text2.lines).toContain("2026-03-06 | Insurance | Insurance payment - Blue Prairie | $150.00");
    expect(text2.lines).toContain("Insurance adjustments | $25.00");
    // Version 1 is kept as it was sent.
    const [v1] = await database.db
      .select()
      .from(tables.documents)
      .where(eq(tables.documents.id, first.document.id));
    expect(v1).toMatchObject({ status: "issued", pdfSha256: first.document.pdfSha256 });

    const audit = await database.db
      .select({ action: tables.auditLog.action, entity: tables.auditLog.entity })
      .from(tables.auditLog)
      .where(
        and(eq(tables.auditLog.practiceId, p.practiceId), sql`${tables.auditLog.entity} like 'document%'`),
      );
    expect(audit.filter((a) => a.action === "create")).toHaveLength(2);
    expect(audit.filter((a) => a.entity === "document_pdf" && a.action === "read")).toHaveLength(2);
  });

  it("a bill lists the client's payments from the ledger, dated, net of a refund", async () => {
    const now = local("2026-03-03T12:00", ZONE);
    const p = await createBillingPractice(database, ZONE, now, "Bill payments practice");
    const clientId = await createClient(database, p, now, { paysBy: "self_pay" });
    await createAppointment(database, p, clientId, now, { localStart: "2026-03-02T09:00", status: "kept" });
    await createInvoices(
      database,
      { practiceId: p.practiceId, trigger: "manual", runId: null, today: "2026-03-03" },
      now,
    );
    const invoice = await invoiceOf(p.practiceId);
    expect(invoice.clientCents).toBeGreaterThan(5000);
    const paid = await recordClientPayment(database, {
      actor: p.actor,
      clientId,
      method: "check",
      reference: "#1042",
      amountCents: 5000,
      receivedOn: "2026-03-03",
      idempotencyKey: `bill-payments-${backend}`,
      now,
    });
    const bill = async (at: string) => {
      const t = local(at, ZONE);
      const { document } = await issueBillDocument(database, {
        practiceId: p.practiceId,
        invoiceId: invoice.id,
        now: t,
        source: "user",
        actor: p.actor,
      });
      return readPdfText(
        (await downloadDocumentPdf(database, { actor: p.actor, documentId: document.id, now: t })).bytes,
      );
    };
    const first = await bill("2026-03-06T09:00");
    expect(first.lines.find((l) => l.includes("Payment - Check #1042"))).toMatch(
      /^2026-03-03 \| .*\$50\.00$/,
    );

    await refundClientPayment(database, {
      actor: p.actor,
      clientId,
      paymentId: paid.payment.id,
      amountCents: 2000,
      reason: "Overcharged",
      now,
    });
    const second = await bill("2026-03-07T09:00");
    expect(second.lines.find((l) => l.includes("Payment - Check #1042"))).toMatch(/\$30\.00$/);
  });

  it("issued documents are immutable: an update is refused by the database, voiding is allowed once", async () => {
    const { p } = await practiceWithSubmittedClaims(database, 1);
    const invoice = await invoiceOf(p.practiceId);
    const now = local("2026-03-04T09:00", ZONE);
    const { document } = await issueBillDocument(database, {
      practiceId: p.practiceId,
      invoiceId: invoice.id,
      now,
      source: "user",
    });
    const byId = eq(tables.documents.id, document.id);
    for (const change of [
      { amountCents: 1 },
      { pdf: Buffer.from("%PDF-1.3 forged") },
      { number: "BILL-1" },
      { status: "void" as const, voidedAt: now, voidReason: "x", amountCents: 5 },
    ]) {
      const r = await refusal(database.db.update(tables.documents).set(change).where(byId));
      expect(r.code).toBe("23514");
      expect(r.message).toMatch(/issued and immutable/);
    }
    const voided = await voidDocument(database, {
      actor: p.actor,
      documentId: document.id,
      reason: "sent in error",
      now,
    });
    expect(voided).toMatchObject({ status: "void", voidReason: "sent in error" });
    expect(voided.voidedAt?.toISOString()).toBe(now.toISOString());
    expect(
      await refusal(
        voidDocument(database, { actor: p.actor, documentId: document.id, reason: "again", now }),
      ),
    ).toMatchObject({
      code: "ILLEGAL_TRANSITION",
    });
    const r = await refusal(database.db.update(tables.documents).set({ voidReason: "edited" }).where(byId));
    expect(r).toMatchObject({ code: "23514", message: expect.stringMatching(/is void and cannot change/) });
    // A voided bill is not reused: the next bill is a new version naming it.
    const next = await issueBillDocument(database, {
      practiceId: p.practiceId,
      invoiceId: invoice.id,
      now,
      source: "user",
    });
    expect(next).toMatchObject({ reused: false, document: { version: 2, replacesDocumentId: document.id } });
  });

  it("numbers come from the practice's counter per kind; a correction replaces only the latest version", async () => {
    const { p } = await practiceWithSubmittedClaims(database, 1);
    const invoice = await invoiceOf(p.practiceId);
    const now = local("2026-03-04T09:00", ZONE);
    const statement = (over = {}) => ({
      practiceId: p.practiceId,
      render: (stamp: Parameters<typeof renderStatementPdf>[1]) =>
        renderStatementPdf(sampleStatement(), stamp),
      amountCents: 10000,
      periodFrom: "2026-02-01",
      periodTo: "2026-02-28",
      source: "user" as const,
      actor: p.actor,
      now,
      ...over,
    });
    const a = await issueDocument(database.db, {
      ...statement(),
      clientId: invoice.clientId,
      kind: "statement",
    });
    const b = await issueDocument(database.db, {
      ...statement(),
      clientId: invoice.clientId,
      kind: "statement",
    });
    expect([a.number, b.number]).toEqual(["STMT-1000", "STMT-1001"]);
    const text = await readPdfText(
      (await downloadDocumentPdf(database, { actor: p.actor, documentId: a.id, now })).bytes,
    );
    expect(text.lines).toContain("STATEMENT");
    expect(text.lines).toContain("Number: STMT-1000");
    const fixed = await issueCorrection(database.db, {
      ...statement({ amountCents: 9000 }),
      replacesDocumentId: a.id,
    });
    expect(fixed).toMatchObject({
      number: "STMT-1000",
      version: 2,
      replacesDocumentId: a.id,
      kind: "statement",
      amountCents: 9000,
    });
    expect(
      await refusal(issueCorrection(database.db, { ...statement(), replacesDocumentId: a.id })),
    ).toMatchObject({
      code: "CONFLICT",
      message: "STMT-1000 version 1 was already replaced by version 2",
    });
    const list = await listClientDocuments(database, {
      actor: p.actor,
      query: { clientId: invoice.clientId, limit: 10 },
      now,
    });
    expect(list.data.map((d) => [d.number, d.version])).toEqual([
      ["STMT-1000", 2],
      ["STMT-1001", 1],
      ["STMT-1000", 1],
    ]);
    const page1 = await listClientDocuments(database, {
      actor: p.actor,
      query: { clientId: invoice.clientId, limit: 2 },
      now,
    });
    const page2 = await listClientDocuments(database, {
      actor: p.actor,
      query: { clientId: invoice.clientId, limit: 2, cursor: page1.nextCursor ?? undefined },
      now,
    });
    expect([...page1.data, ...page2.data].map((d) => d.id)).toEqual(list.data.map((d) => d.id));
    expect(page2.nextCursor).toBeNull();
    expect(await getDocument(database, { actor: p.actor, documentId: b.id, now })).toMatchObject({
      id: b.id,
      number: "STMT-1001",
    });
  });

  it("another practice's documents do not exist for an actor", async () => {
    const { p } = await practiceWithSubmittedClaims(database, 1);
    const other = await practiceWithSubmittedClaims(database, 1);
    const invoice = await invoiceOf(p.practiceId);
    const now = local("2026-03-04T09:00", ZONE);
    const { document } = await issueBillDocument(database, {
      practiceId: p.practiceId,
      invoiceId: invoice.id,
      now,
      source: "user",
    });
    const them = other.p.actor;
    expect(await refusal(getDocument(database, { actor: them, documentId: document.id, now }))).toMatchObject(
      { code: "NOT_FOUND" },
    );
    expect(
      await refusal(downloadDocumentPdf(database, { actor: them, documentId: document.id, now })),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(
      await refusal(voidDocument(database, { actor: them, documentId: document.id, reason: "x", now })),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(
      await refusal(
        listClientDocuments(database, { actor: them, query: { clientId: invoice.clientId, limit: 5 }, now }),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(
      await refusal(
        issueBillDocument(database, {
          practiceId: other.p.practiceId,
          invoiceId: invoice.id,
          now,
          source: "user",
        }),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });
  });
});
