import { createHash } from "node:crypto";
import type { IssueBillDocument } from "@billcycle/app";
import { type Database, newId, rowsOf } from "@billcycle/db";
import { sql } from "drizzle-orm";

/** A small valid PDF (one empty page): what a bill's bytes look like to the tables, without rendering one. */
export const tinyPdf = (label: string): Uint8Array => {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
  ];
  let body = `%PDF-1.4\n% ${label}\n`;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, "latin1"));
};

/**
 * The test's IssueBillDocument: a real documents row for the invoice as it stands now — the amount due is the
 * client's share less what the client has paid (an autopay payment in between shows here) — with small valid PDF
 * bytes. Each call issues a new version. `calls` counts them.
 */
export const testBillIssuer = (): IssueBillDocument & { calls: number } => {
  const issuer = async (database: Database, input: { practiceId: string; invoiceId: string; now: Date }) => {
    issuer.calls++;
    const id = newId(input.now.getTime());
    return database.db.transaction(async (tx) => {
      const [invoice] = rowsOf<{ number: string; client_id: string; due: string | number; versions: number }>(
        await tx.execute(sql`SELECT number, client_id::text AS client_id, client_cents - client_paid_cents AS due,
            (SELECT count(*)::int FROM documents d WHERE d.practice_id = i.practice_id AND d.invoice_id = i.id)
              AS versions
          FROM invoices i WHERE practice_id = ${input.practiceId}::uuid AND id = ${input.invoiceId}::uuid
          FOR UPDATE`),
      );
      if (!invoice) throw new Error("no such invoice");
      const pdf = tinyPdf(`${invoice.number} v${invoice.versions + 1}`);
      await tx.execute(sql`INSERT INTO documents (id, practice_id, client_id, kind, number, document_version,
          status, invoice_id, amount_cents, source, issued_at, pdf, pdf_sha256, pdf_bytes)
        VALUES (${id}::uuid, ${input.practiceId}::uuid, ${invoice.client_id}::uuid, 'invoice', ${invoice.number},
          ${invoice.versions + 1}, 'issued', ${input.invoiceId}::uuid, ${Number(invoice.due)}, 'automation',
          ${input.now.toISOString()}::timestamptz, ${Buffer.from(pdf)},
          ${createHash("sha256").update(pdf).digest("hex")}, ${pdf.byteLength})`);
      return { documentId: id };
    });
  };
  issuer.calls = 0;
  return issuer;
};
