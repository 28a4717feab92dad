import { createHash } from "node:crypto";
import { readPdfText } from "@billcycle/testing/read-pdf-text";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closePdfPool, configurePdfPool, renderPdf } from "../../src/documents/pdf-pool";
import { type PdfJob, renderPdfJob } from "../../src/documents/render-pdf-job";
import type { EmployerInvoiceContent } from "../../src/employer-billing/render-employer-invoice-pdf";
import { sampleSuperbill, stamp } from "./document-samples";

const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

const invoice = (n: number): EmployerInvoiceContent => ({
  kind: "invoice",
  number: `INV-${1000 + n}`,
  originalNumber: null,
  issuedOn: "2026-03-02",
  issuedAt: new Date("2026-03-02T15:00:00Z"),
  dueOn: "2026-04-01",
  termsDays: 30,
  profile: {
    header: { name: "Summit Occupational Health", lines: ["10 Mill Road", "Denver, CO 80202"] },
    remitTo: { lines: ["PO Box 77", "Denver, CO 80201"] },
    logoText: null,
    termsDays: 30,
    columns: ["employee_name", "employee_id", "date_of_service", "service", "authorization", "amount"],
    grouping: "employee",
    delivery: "email",
    numberPrefix: "INV-",
  },
  employer: { name: `Acme Freight ${n}`, addressLines: ["1 Dock Street", "Denver, CO 80216"] },
  lines: Array.from({ length: 5 + (n % 40) }, (_, i) => ({
    employeeName: `Employee ${i % 7}`,
    employeeId: `E${String(i).padStart(7, "0")}`,
    dateOfService: `2026-02-${String(1 + (i % 28)).padStart(2, "0")}`,
    code: "99455",
    description: "Work-related physical",
    authorizationNumber: i % 3 === 0 ? `PO-${i}` : null,
    amountCents: 8500 + i,
  })),
  totalCents: 0,
  activity: [],
  amountDueCents: 0,
});

const jobs: PdfJob[] = [
  ...Array.from({ length: 30 }, (_, n): PdfJob => ({ kind: "employer_invoice", content: invoice(n) })),
  ...Array.from(
    { length: 10 },
    (_, n): PdfJob => ({
      kind: "superbill",
      content: sampleSuperbill(),
      stamp: stamp({ number: `SB-${n}` }),
    }),
  ),
];

describe("the PDF render pool", () => {
  beforeAll(() => configurePdfPool({ threads: 2 }));
  afterAll(() => closePdfPool());

  it("renders on its threads the same bytes as a render in this thread, for more jobs than threads at once", async () => {
    const pooled = await Promise.all(jobs.map((j) => renderPdf(j)));
    const inThread: Uint8Array[] = [];
    for (const j of jobs) inThread.push(await renderPdfJob(j));
    expect(pooled.map(sha256)).toEqual(inThread.map(sha256));
    expect(new Set(pooled.map(sha256)).size).toBe(jobs.length);
    const first = await readPdfText(pooled[0]!);
    expect(first.lines).toContain("Total | $0.00");
    expect(first.info).toMatchObject({ Title: "Invoice INV-1000", CreationDate: "D:20260302150000Z" });
  });

  it("a job that cannot render fails alone; the pool goes on, and renders again after being closed", async () => {
    const broken = {
      kind: "employer_invoice",
      content: { ...invoice(1), profile: null },
    } as unknown as PdfJob;
    const [bad, good] = await Promise.allSettled([renderPdf(broken), renderPdf(jobs[1]!)]);
    expect(bad.status).toBe("rejected");
    expect(String((bad as PromiseRejectedResult).reason)).toMatch(/PDF rendering failed/);
    expect(good.status === "fulfilled" && sha256(good.value)).toBe(sha256(await renderPdfJob(jobs[1]!)));
    await closePdfPool();
    expect(sha256(await renderPdf(jobs[2]!))).toBe(sha256(await renderPdfJob(jobs[2]!)));
  });

  it("with 0 threads renders in the calling thread", async () => {
    await closePdfPool();
    configurePdfPool({ threads: 0 });
    expect(sha256(await renderPdf(jobs[35]!))).toBe(sha256(await renderPdfJob(jobs[35]!)));
    configurePdfPool({ threads: 2 });
  });
});
