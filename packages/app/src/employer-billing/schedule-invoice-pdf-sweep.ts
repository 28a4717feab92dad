import { type Database, rowsOf } from "@billcycle/db";
import { sql } from "drizzle-orm";
import { enqueue } from "../jobs/job-contract";
import { storeMissingInvoicePdfsJob } from "../jobs/store-missing-invoice-pdfs-job";

/** An invoice this much younger than now may still be rendering in its batch: the sweep leaves it alone. */
export const INVOICE_PDF_GRACE_MS = 10 * 60_000;
/** How often a practice's invoices without a PDF are swept, at most: one job per practice per this slot. */
export const INVOICE_PDF_SWEEP_EVERY_MS = 15 * 60_000;
/** How far back the clock looks; an older invoice without a PDF still gets it on its first read. */
const LOOK_BACK_MS = 7 * 24 * 60 * 60_000;

/**
 * The clock's part of the PDF sweep: a batch commits its invoices and renders their PDFs after, so a crash in
 * between leaves invoices without one. Every practice with such an invoice (issued in the last week, at least 10
 * minutes ago) gets one store-missing-invoice-pdfs job per 15-minute slot (a singleton key per practice and slot,
 * so workers ticking at once add one). The partial index employer_invoices_created_idx keeps the look cheap.
 */
export const scheduleInvoicePdfSweep = async (
  database: Database,
  now: Date,
): Promise<{ scheduled: number }> => {
  const before = new Date(now.getTime() - INVOICE_PDF_GRACE_MS);
  const since = new Date(now.getTime() - LOOK_BACK_MS);
  const practices = rowsOf<{ practice_id: string }>(
    await database.db.execute(sql`SELECT DISTINCT i.practice_id FROM employer_invoices i
      WHERE i.kind = 'invoice'
        AND i.created_at >= ${since.toISOString()}::timestamptz AND i.created_at < ${before.toISOString()}::timestamptz
        AND NOT EXISTS (SELECT 1 FROM employer_invoice_pdfs p WHERE p.invoice_id = i.id)`),
  );
  const slot = Math.floor(now.getTime() / INVOICE_PDF_SWEEP_EVERY_MS);
  let scheduled = 0;
  for (const { practice_id: practiceId } of practices) {
    const added = await enqueue(
      database.db,
      storeMissingInvoicePdfsJob,
      { practiceId },
      { singletonKey: `invoice-pdf-sweep:${practiceId}:${slot}`, runAt: now, maxAttempts: 3 },
      now,
    );
    if (added) scheduled++;
  }
  return { scheduled };
};
