import { createHash } from "node:crypto";
import {
  bulkInsert,
  type EmployerBillTo,
  type Executor,
  everyRow,
  type InvoiceProfileContent,
  rowsOf,
  tables,
} from "@billcycle/db";
import { sql } from "drizzle-orm";
import { addressLines } from "../documents/pdf-layout";
import { renderPdf } from "../documents/pdf-pool";
import type { EmployerInvoiceContent } from "./render-employer-invoice-pdf";

type InvoicePdfItem = { invoiceId: string; content: EmployerInvoiceContent };

/** Renders the invoices' PDFs on the PDF pool's threads, all at once. */
const renderInvoicePdfs = (items: readonly InvoicePdfItem[]): Promise<Uint8Array[]> =>
  Promise.all(items.map((i) => renderPdf({ kind: "employer_invoice", content: i.content })));

/** Stores rendered PDFs in one insert; an invoice that already has its PDF keeps it. */
const insertInvoicePdfs = async (
  tx: Executor,
  practiceId: string,
  items: readonly InvoicePdfItem[],
  pdfs: readonly Uint8Array[],
  now: Date,
): Promise<void> => {
  await tx.execute(
    bulkInsert(
      tables.employerInvoicePdfs,
      {
        invoiceId: items.map((i) => i.invoiceId),
        practiceId: everyRow(practiceId),
        createdAt: everyRow(now),
        pdf: pdfs.map((p) => `\\x${Buffer.from(p).toString("hex")}`),
        pdfSha256: pdfs.map((p) => createHash("sha256").update(p).digest("hex")),
        pdfBytes: pdfs.map((p) => p.byteLength),
      },
      sql`ON CONFLICT (invoice_id) DO NOTHING`,
    ),
  );
};

/**
 * Renders each invoice's PDF and stores it once (a trigger refuses any later change). An invoice that already has
 * its PDF keeps it: storing again is a no-op, so a retry after a crash never changes an issued document.
 */
export const storeInvoicePdfs = async (
  tx: Executor,
  practiceId: string,
  items: readonly InvoicePdfItem[],
  now: Date,
): Promise<void> => {
  if (items.length === 0) return;
  await insertInvoicePdfs(tx, practiceId, items, await renderInvoicePdfs(items), now);
};

type StoredInvoiceRow = {
  id: string;
  number: string;
  created_at: string | Date;
  issued_on: string;
  due_on: string;
  total_cents: string | number;
  profile: InvoiceProfileContent;
  bill_to: EmployerBillTo;
};

/** An employer invoice line as stored (snake_case, as SQL returns it). */
export type StoredLineFields = {
  employee_name: string;
  client_id: string;
  date_of_service: string;
  code: string;
  description: string;
  authorization_number: string | null;
  amount_cents: string | number;
};

type StoredLineRow = StoredLineFields & { invoice_id: string };

/** A stored line as the PDF prints it (the employee id is the client id's last 8 characters). */
export const pdfLineOf = (l: StoredLineFields) => ({
  employeeName: l.employee_name,
  employeeId: l.client_id.slice(-8),
  dateOfService: l.date_of_service,
  code: l.code,
  description: l.description,
  authorizationNumber: l.authorization_number,
  amountCents: Number(l.amount_cents),
});

const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The PDFs of on-demand invoices that have none yet, rendered from their stored rows (number, dates, the profile
 * and bill-to copied onto the invoice, lines) — what the batch would have rendered — and stored. A batch commits
 * its invoices first and renders after; this is also how an invoice whose batch died before its PDF was stored
 * gets it (any read of the PDF calls it, and the sweep). `invoiceIds` null: every such invoice of the practice
 * (`createdBefore`: only those created before it, so the sweep leaves a batch still rendering alone). Chunk by
 * chunk, pipelined: a chunk's lines are read while the previous chunk renders on the pool, and each chunk's PDFs
 * are stored in one insert. Returns how many invoices it found without a PDF.
 */
export const storeMissingInvoicePdfs = async (
  db: Executor,
  practiceId: string,
  invoiceIds: readonly string[] | null,
  now: Date,
  { chunkSize = 25, createdBefore }: { chunkSize?: number; createdBefore?: Date } = {},
): Promise<number> => {
  const invoices = rowsOf<StoredInvoiceRow>(
    await db.execute(sql`
      SELECT i.id, i.number, i.created_at, i.issued_on::text AS issued_on, i.due_on::text AS due_on, i.total_cents,
        i.profile, i.bill_to
      FROM employer_invoices i
      WHERE i.practice_id = ${practiceId} AND i.kind = 'invoice'
        ${invoiceIds ? sql`AND i.id = ANY(${sql.raw(`'{${invoiceIds.join(",")}}'`)}::uuid[])` : sql``}
        ${createdBefore ? sql`AND i.created_at < ${createdBefore.toISOString()}::timestamptz` : sql``}
        AND NOT EXISTS (SELECT 1 FROM employer_invoice_pdfs p WHERE p.invoice_id = i.id)
      ORDER BY i.id`),
  );
  // The previous chunk's render-then-insert, awaited only once the next chunk's lines are read.
  let previous: Promise<void> = Promise.resolve();
  try {
    for (let start = 0; start < invoices.length; start += chunkSize) {
      const chunk = invoices.slice(start, start + chunkSize);
      const items = await invoicePdfItems(db, practiceId, chunk);
      const rendering = renderInvoicePdfs(items);
      // Settled below; a failure must not surface as unhandled while the next chunk's lines are read.
      rendering.catch(() => undefined);
      await previous;
      previous = rendering.then((pdfs) => insertInvoicePdfs(db, practiceId, items, pdfs, now));
      previous.catch(() => undefined);
    }
  } finally {
    await previous;
  }
  return invoices.length;
};

/** A chunk of stored invoices as PDF content: their lines in one query. */
const invoicePdfItems = async (
  db: Executor,
  practiceId: string,
  chunk: readonly StoredInvoiceRow[],
): Promise<InvoicePdfItem[]> => {
  const lines = rowsOf<StoredLineRow>(
    await db.execute(sql`
      SELECT invoice_id, employee_name, client_id, date_of_service::text AS date_of_service, code, description,
        authorization_number, amount_cents
      FROM employer_invoice_lines
      WHERE practice_id = ${practiceId}
        AND invoice_id = ANY(${sql.raw(`'{${chunk.map((i) => i.id).join(",")}}'`)}::uuid[])
      ORDER BY invoice_id, position`),
  );
  const linesOf = new Map<string, StoredLineRow[]>();
  for (const l of lines) {
    const own = linesOf.get(l.invoice_id);
    if (own) own.push(l);
    else linesOf.set(l.invoice_id, [l]);
  }
  return chunk.map((inv) => ({
    invoiceId: inv.id,
    content: {
      kind: "invoice" as const,
      number: inv.number,
      originalNumber: null,
      issuedOn: inv.issued_on,
      issuedAt: new Date(inv.created_at),
      dueOn: inv.due_on,
      termsDays: daysBetween(inv.issued_on, inv.due_on),
      profile: inv.profile,
      employer: { name: inv.bill_to.name, addressLines: addressLines(inv.bill_to.address) },
      lines: (linesOf.get(inv.id) ?? []).map(pdfLineOf),
      totalCents: Number(inv.total_cents),
      activity: [],
      amountDueCents: Number(inv.total_cents),
    },
  }));
};
