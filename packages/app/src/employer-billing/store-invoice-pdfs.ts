import { createHash } from "node:crypto";
import { bulkInsert, type Executor, everyRow, tables } from "@billcycle/db";
import { type EmployerInvoiceContent, renderEmployerInvoicePdf } from "./render-employer-invoice-pdf";

/** Renders each invoice's PDF and stores it once (a trigger refuses any later change). */
export const storeInvoicePdfs = async (
  tx: Executor,
  practiceId: string,
  items: ReadonlyArray<{ invoiceId: string; content: EmployerInvoiceContent }>,
  now: Date,
): Promise<void> => {
  if (items.length === 0) return;
  const pdfs = await Promise.all(items.map((i) => renderEmployerInvoicePdf(i.content)));
  await tx.execute(
    bulkInsert(tables.employerInvoicePdfs, {
      invoiceId: items.map((i) => i.invoiceId),
      practiceId: everyRow(practiceId),
      createdAt: everyRow(now),
      pdf: pdfs.map((p) => `\\x${Buffer.from(p).toString("hex")}`),
      pdfSha256: pdfs.map((p) => createHash("sha256").update(p).digest("hex")),
      pdfBytes: pdfs.map((p) => p.byteLength),
    }),
  );
};
