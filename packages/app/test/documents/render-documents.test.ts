import { createHash } from "node:crypto";
import { readPdfText } from "@billcycle/testing/read-pdf-text";
import { describe, expect, it } from "vitest";
import { rememberPdfMeasurements } from "../../src/documents/pdf-layout";
import { renderBillPdf } from "../../src/documents/render-bill-pdf";
import { renderStatementPdf } from "../../src/documents/render-statement-pdf";
import { renderSuperbillPdf } from "../../src/documents/render-superbill-pdf";
import { sampleBill, sampleStatement, sampleSuperbill, stamp } from "./document-samples";

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("rendering documents as PDF", () => {
  it("a bill says who, what, how much, what was paid and what is due", async () => {
    const pdf = await readPdfText(await renderBillPdf(sampleBill(), stamp()));
    expect(pdf.lines.slice(0, 2)).toEqual(["Cedar Counseling", "BILL"]);
    expect(pdf.lines).toContain("Number: BILL-1000");
    expect(pdf.lines).toContain("Tax ID: 12-3456789");
    expect(pdf.lines).toContain("José Muñoz | Invoice number: INV-1042");
    expect(pdf.text).toContain("Invoice date: 2026-03-01");
    expect(pdf.lines).toContain(
      "2026-02-03 | Psychotherapy, 60 minutes | 90837 95 | 1 | $175.00 | $175.00 | $0.00",
    );
    expect(pdf.lines).toContain("2026-02-10 | Late cancel fee | LATE | 1 | $50.00 | $0.00 | $50.00");
    expect(pdf.lines).toContain("Total charges | $225.00");
    expect(pdf.lines).toContain("Patient responsibility assigned by insurance | $25.00");
    expect(pdf.lines).toContain("Client responsibility | $75.00");
    expect(pdf.lines).toContain("2026-02-20 | Insurance | Blue Prairie remittance | $150.00");
    expect(pdf.lines).toContain("2026-02-21 | Client | Payment | $20.00");
    expect(pdf.lines).toContain("Amount due | $55.00");
    expect(pdf.text).not.toContain("VOID");
    expect(pdf.info).toMatchObject({ Title: "Bill BILL-1000", CreationDate: "D:20260302150000Z" });
  });

  it("a bill without payments says so; a voided one says it is not payable", async () => {
    const pdf = await readPdfText(
      await renderBillPdf(sampleBill({ payments: [], amountDueCents: 7500, void: true }), stamp()),
    );
    expect(pdf.lines).toContain("No payments applied.");
    expect(pdf.lines).toContain("Amount due | $75.00");
    expect(pdf.text).toContain("VOID: this invoice was voided");
  });

  it("the same content and stamp give the same bytes; another issue instant or version gives others", async () => {
    const a = await renderBillPdf(sampleBill(), stamp());
    const b = await renderBillPdf(sampleBill(), stamp());
    expect(sha256(a)).toBe(sha256(b));
    const later = await renderBillPdf(sampleBill(), stamp({ issuedAt: new Date("2026-03-02T15:00:01Z") }));
    expect(sha256(later)).not.toBe(sha256(a));
    const v2 = await renderBillPdf(sampleBill(), stamp({ version: 2 }));
    expect(sha256(v2)).not.toBe(sha256(a));
    expect((await readPdfText(v2)).lines).toContain("Version: 2");
    for (const doc of [
      await renderSuperbillPdf(sampleSuperbill(), stamp()),
      await renderStatementPdf(sampleStatement(), stamp()),
    ]) {
      expect(doc.length).toBeGreaterThan(500);
    }
    expect(sha256(await renderSuperbillPdf(sampleSuperbill(), stamp()))).toBe(
      sha256(await renderSuperbillPdf(sampleSuperbill(), stamp())),
    );
  });

  it("remembered measurements change no byte: each document renders the same measured afresh, cold and warm", async () => {
    const renderAll = () =>
      Promise.all([
        renderBillPdf(sampleBill(), stamp()),
        renderSuperbillPdf(sampleSuperbill(), { ...stamp(), title: "Superbill", number: "SB-1001" }),
        renderStatementPdf(sampleStatement(), { ...stamp(), title: "Statement", number: "ST-1001" }),
      ]);
    const digest = (pdfs: Uint8Array[]) => pdfs.map((b) => createHash("sha256").update(b).digest("hex"));
    try {
      rememberPdfMeasurements(false);
      const afresh = digest(await renderAll());
      rememberPdfMeasurements(true);
      const cold = digest(await renderAll());
      const warm = digest(await renderAll());
      expect(cold).toEqual(afresh);
      expect(warm).toEqual(afresh);
    } finally {
      rememberPdfMeasurements(true);
    }
  });

  it("a superbill carries what a payer needs to reimburse the client", async () => {
    const pdf = await readPdfText(
      await renderSuperbillPdf(sampleSuperbill(), stamp({ title: "Superbill", number: "SB-1000" })),
    );
    const has = (line: string) => expect(pdf.lines).toContain(line);
    has("SUPERBILL");
    has("José Muñoz | Cedar Counseling");
    has("Date of birth: 1990-05-05 | 1 Main Street");
    has("Member ID: M123456789 | Taxonomy: 101YM0800X");
    expect(pdf.text).toContain("Tax ID: 12-3456789");
    expect(pdf.text).toContain("NPI: 1234567893");
    has("1 | Hana Reyes, LPC | 1245319599 | TX LPC 12345 | 101YM0800X");
    has("A | F41.1 | Generalized anxiety disorder");
    has("B | F32.1");
    has("2026-01-05 | 11 | 90791 | Diagnostic evaluation | AB | 1 | 1 | $200.00");
    has("2026-02-23 | 10 | 90837 | 95 GT | Psychotherapy, 60 minutes | A | 1 | 1 | $175.00");
    has("Total fees | $375.00");
    has("2026-01-06 | Card payment | $200.00");
    has("Amount paid by the client | $200.00");
    expect(pdf.text).toMatch(/Statement of medical necessity: the services listed were medically necessary/);
  });

  it("a statement runs the balance from the balance forward to what is due", async () => {
    const pdf = await readPdfText(await renderStatementPdf(sampleStatement(), stamp({ title: "Statement" })));
    expect(pdf.lines).toContain("2026-02-01 | Balance forward | $25.00");
    expect(pdf.lines).toContain("2026-02-03 | Charge | Bill INV-1042 | INV-1042 | $175.00 | $200.00");
    expect(pdf.lines).toContain("2026-02-10 | Payment | Payment - card ending 4242 | -$100.00 | $100.00");
    expect(pdf.lines).toContain("Amount due | $100.00");
    expect(pdf.text).not.toContain("Credit on account");
  });

  it("a long bill continues on further pages with the table header repeated and every line present", async () => {
    const base = sampleBill();
    const line = base.lines[0]!;
    const lines = Array.from({ length: 90 }, (_, i) => ({
      ...line,
      dateOfService: `2026-01-${String((i % 28) + 1).padStart(2, "0")}`,
      description: `Session ${i + 1}`,
    }));
    const pdf = await readPdfText(await renderBillPdf({ ...base, lines }, stamp()));
    expect(pdf.pageCount).toBeGreaterThan(1);
    for (let i = 1; i <= 90; i++) expect(pdf.text).toContain(`| Session ${i} |`);
    for (const page of pdf.pages.filter((p) => p.some((l) => l.includes("| Session "))))
      expect(page.some((l) => l.startsWith("Date of service | Service | CPT"))).toBe(true);
    expect(pdf.pages.at(-1)).toContain("Amount due | $55.00");
    expect(pdf.pages.at(-1)).toContain(`Bill BILL-1000 - page ${pdf.pageCount} of ${pdf.pageCount}`);
  });

  it("a name the standard fonts cannot draw is spelled in Latin letters or shown as ?", async () => {
    const bill = sampleBill({ client: { id: "c", name: "Łukasz 王", addressLines: [] } });
    const pdf = await readPdfText(await renderBillPdf(bill, stamp()));
    expect(pdf.text).toContain("Lukasz ?");
  });
});
