import { notFound } from "@billcycle/core";
import { type Executor, rowsOf } from "@billcycle/db";
import { sql } from "drizzle-orm";
import { invoiceSummaries } from "./employer-billing-context";
import type { EmployerBatchDetail, EmployerBatchView } from "./employer-billing-schemas";

type BatchRow = {
  id: string;
  number: string | number;
  kind: EmployerBatchView["kind"];
  employer_id: string | null;
  group_id: string | null;
  dos_from: string | null;
  dos_to: string | null;
  post_from: string | null;
  post_to: string | null;
  note: string | null;
  rebatch_of_number: string | number | null;
  created_by: string;
  created_at: string | Date;
  invoice_count: string | number;
  encounter_count: string | number;
  total_cents: string | number;
};

/** Batches with their counts; `where` narrows `b` (employer_invoice_batches). */
export const batchRows = async (
  tx: Executor,
  practiceId: string,
  where: ReturnType<typeof sql>,
  tail: ReturnType<typeof sql> = sql``,
): Promise<EmployerBatchView[]> =>
  rowsOf<BatchRow>(
    await tx.execute(sql`
      SELECT b.id, b.number, b.kind, b.employer_id, b.group_id, b.dos_from::text, b.dos_to::text, b.post_from::text,
        b.post_to::text, b.note, rb.number AS rebatch_of_number, b.created_by, b.created_at,
        (SELECT count(*) FROM employer_invoices i WHERE i.practice_id = b.practice_id AND i.batch_id = b.id) AS invoice_count,
        (SELECT count(DISTINCT l.appointment_id) FROM employer_invoices i
          JOIN employer_invoice_lines l ON l.practice_id = i.practice_id AND l.invoice_id = i.id
          WHERE i.practice_id = b.practice_id AND i.batch_id = b.id) AS encounter_count,
        (SELECT COALESCE(sum(i.total_cents), 0) FROM employer_invoices i
          WHERE i.practice_id = b.practice_id AND i.batch_id = b.id) AS total_cents
      FROM employer_invoice_batches b
      LEFT JOIN employer_invoice_batches rb ON rb.practice_id = b.practice_id AND rb.id = b.rebatch_of_batch_id
      WHERE b.practice_id = ${practiceId} AND (${where})
      ORDER BY b.number DESC ${tail}`),
  ).map((r) => ({
    id: r.id,
    number: Number(r.number),
    kind: r.kind,
    employerId: r.employer_id,
    groupId: r.group_id,
    dosFrom: r.dos_from,
    dosTo: r.dos_to,
    postFrom: r.post_from,
    postTo: r.post_to,
    note: r.note,
    rebatchOfBatchNumber: r.rebatch_of_number === null ? null : Number(r.rebatch_of_number),
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
    invoiceCount: Number(r.invoice_count),
    encounterCount: Number(r.encounter_count),
    totalCents: Number(r.total_cents),
  }));

/** One batch with its invoices, by id or by its number (`stb 1042`). */
export const getEmployerBatch = async (
  tx: Executor,
  practiceId: string,
  by: { batchId: string } | { number: number },
): Promise<EmployerBatchDetail> => {
  const [batch] = await batchRows(
    tx,
    practiceId,
    "batchId" in by ? sql`b.id = ${by.batchId}` : sql`b.number = ${by.number}`,
  );
  if (!batch) throw notFound("Batch");
  const invoices = await invoiceSummaries(tx, practiceId, sql`i.batch_id = ${batch.id}`);
  return { batch, invoices };
};
