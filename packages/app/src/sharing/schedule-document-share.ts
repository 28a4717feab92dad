import { DomainError } from "@billcycle/core";
import { type Executor, newId, pgArray, runPrepared } from "@billcycle/db";
import { type SQL, sql } from "drizzle-orm";
import { parseJobPayload } from "../jobs/job-contract";
import { shareDocumentsJob } from "../jobs/share-documents-job";

const SHARE_DOCUMENTS = shareDocumentsJob.name;

const delayOf = sql`make_interval(mins => coalesce((p.billing_settings->>'shareDelayMinutes')::int, 60))`;

/**
 * Enqueues the practice's share job for each minute in which new shares fall due (the job runs at the end of that
 * minute, so every share due in it is due when it runs). Keyed per practice and minute: one job however many
 * shares. `dueAts` is a SELECT of due_at values. Wakes idle workers.
 */
const enqueueShareJobs = (practiceId: string, dueAts: SQL, now: string): SQL => sql`
  INSERT INTO jobs (queue, version, payload, singleton_key, run_at, max_attempts, created_at)
  SELECT ${SHARE_DOCUMENTS}, ${shareDocumentsJob.version}::int,
    ${JSON.stringify(parseJobPayload(shareDocumentsJob, { practiceId }))}::jsonb,
    ${`${SHARE_DOCUMENTS}:${practiceId}:`} || extract(epoch FROM r.run_at)::bigint::text, r.run_at, 10,
    ${now}::timestamptz
  FROM (SELECT DISTINCT date_trunc('minute', d.due_at)
      + CASE WHEN d.due_at = date_trunc('minute', d.due_at) THEN interval '0' ELSE interval '1 minute' END AS run_at
    FROM (${dueAts}) d(due_at)) r
  ON CONFLICT (singleton_key) DO NOTHING
  RETURNING id`;

const withJobs = (practiceId: string, shares: SQL, now: string): SQL => sql`
  WITH shares AS (${shares}),
  jobs_added AS (${enqueueShareJobs(practiceId, sql`SELECT due_at FROM shares`, now)})
  SELECT (SELECT count(*) FROM shares)::int AS scheduled,
    (SELECT min(due_at) FROM shares) AS due_at,
    (SELECT count(*) FROM jobs_added)::int AS jobs,
    CASE WHEN EXISTS (SELECT 1 FROM jobs_added) THEN pg_notify('billcycle_jobs', ${SHARE_DOCUMENTS}) END
      AS notified`;

/** Unique per subject: what ON CONFLICT checks (naming it, the other unique indexes are not probed per row). */
const INVOICE_SHARE_KEY = sql`(practice_id, invoice_id) WHERE subject_type = 'invoice'`;
const DOCUMENT_SHARE_KEY = sql`(practice_id, document_id) WHERE subject_type = 'document'`;

/**
 * Schedules the sharing of the bills of invoices that just became Open, `shareDelayMinutes` from `now`: one
 * INSERT … SELECT for the whole batch (the nightly run calls it once per batch, in the batch's transaction), and
 * the job that will send them. An invoice already scheduled is left alone (unique per invoice). Whether each bill
 * is then sent or skipped is decided when it falls due, with the settings of that moment. `created`: the invoices
 * were created in this transaction, so none can have a share yet, and the insert skips ON CONFLICT's speculative
 * insertion (a third of the insert's time: 14 → 10 ms per 1,000 shares).
 */
export const scheduleInvoiceShares = async (
  tx: Executor,
  input: { practiceId: string; invoiceIds: readonly string[]; now: Date; created?: boolean },
): Promise<number> => {
  if (input.invoiceIds.length === 0) return 0;
  const now = input.now.toISOString();
  const shareIds = input.invoiceIds.map(() => newId(input.now.getTime()));
  const [row] = await runPrepared<{ scheduled: number }>(
    tx,
    withJobs(
      input.practiceId,
      sql`INSERT INTO document_shares
          (id, practice_id, client_id, subject_type, kind, invoice_id, status, due_at, created_at, updated_at)
        SELECT u.share_id, i.practice_id, i.client_id, 'invoice', 'invoice', i.id, 'scheduled',
          ${now}::timestamptz + ${delayOf}, ${now}::timestamptz, ${now}::timestamptz
        FROM unnest(${pgArray(input.invoiceIds, "uuid")}::uuid[], ${pgArray(shareIds, "uuid")}::uuid[])
            AS u(invoice_id, share_id)
          -- One primary-key probe per id, the conditions applied after it (OFFSET 0 keeps them out): a prepared
          -- statement's generic plan took the practice's Open invoices (their partial index) for one row and
          -- joined them to every id, quadratic in a night's batches.
          CROSS JOIN LATERAL (SELECT i.id, i.practice_id, i.client_id, i.status FROM invoices i
            WHERE i.id = u.invoice_id OFFSET 0) i
          JOIN practices p ON p.id = i.practice_id
        WHERE i.practice_id = ${input.practiceId}::uuid AND i.status = 'open'
        ${input.created ? sql`` : sql`ON CONFLICT ${INVOICE_SHARE_KEY} DO NOTHING`}
        RETURNING due_at`,
      now,
    ),
  );
  return Number(row?.scheduled ?? 0);
};

export type ScheduledDocumentShare = { scheduled: boolean; dueAt: Date | null };

/**
 * Schedules the sharing of an issued superbill or statement, `shareDelayMinutes` after it was issued. Call it on
 * the transaction that issues the document. A bill's document is not scheduled here (its invoice's share issues
 * it when due), nor a void one; a document already scheduled is left alone. `scheduled` says whether a row was
 * added.
 */
export const scheduleDocumentShare = async (
  tx: Executor,
  input: { practiceId: string; documentId: string; now: Date },
): Promise<ScheduledDocumentShare> => {
  const now = input.now.toISOString();
  const [row] = await runPrepared<{ scheduled: number; due_at: string | Date | null }>(
    tx,
    withJobs(
      input.practiceId,
      sql`INSERT INTO document_shares
          (id, practice_id, client_id, subject_type, kind, document_id, status, due_at, created_at, updated_at)
        SELECT ${newId(input.now.getTime())}::uuid, d.practice_id, d.client_id, 'document', d.kind, d.id, 'scheduled',
          d.issued_at + ${delayOf}, ${now}::timestamptz, ${now}::timestamptz
        FROM documents d JOIN practices p ON p.id = d.practice_id
        WHERE d.practice_id = ${input.practiceId}::uuid AND d.id = ${input.documentId}::uuid
          AND d.kind <> 'invoice' AND d.status = 'issued'
        ON CONFLICT ${DOCUMENT_SHARE_KEY} DO NOTHING
        RETURNING due_at`,
      now,
    ),
  );
  if (!row) throw new DomainError("INTERNAL", "scheduling a share returned nothing");
  const scheduled = Number(row.scheduled) > 0;
  return { scheduled, dueAt: scheduled && row.due_at !== null ? new Date(row.due_at) : null };
};

/**
 * scheduleDocumentShare for many issued documents at once (a superbills batch): one INSERT … SELECT on the caller's
 * transaction, and the share jobs of the minutes they fall due in. Returns how many shares were added.
 */
export const scheduleDocumentShares = async (
  tx: Executor,
  input: { practiceId: string; documentIds: readonly string[]; now: Date },
): Promise<number> => {
  if (input.documentIds.length === 0) return 0;
  const now = input.now.toISOString();
  const shareIds = input.documentIds.map(() => newId(input.now.getTime()));
  const [row] = await runPrepared<{ scheduled: number }>(
    tx,
    withJobs(
      input.practiceId,
      sql`INSERT INTO document_shares
          (id, practice_id, client_id, subject_type, kind, document_id, status, due_at, created_at, updated_at)
        SELECT u.share_id, d.practice_id, d.client_id, 'document', d.kind, d.id, 'scheduled',
          d.issued_at + ${delayOf}, ${now}::timestamptz, ${now}::timestamptz
        FROM unnest(${pgArray(input.documentIds, "uuid")}::uuid[], ${pgArray(shareIds, "uuid")}::uuid[])
            AS u(document_id, share_id)
          CROSS JOIN LATERAL (SELECT d.id, d.practice_id, d.client_id, d.kind, d.status, d.issued_at
            FROM documents d WHERE d.id = u.document_id OFFSET 0) d
          JOIN practices p ON p.id = d.practice_id
        WHERE d.practice_id = ${input.practiceId}::uuid AND d.kind <> 'invoice' AND d.status = 'issued'
        ON CONFLICT ${DOCUMENT_SHARE_KEY} DO NOTHING
        RETURNING due_at`,
      now,
    ),
  );
  return Number(row?.scheduled ?? 0);
};

/** Enqueues the share job for shares put back to wait until `dueAts` (retries), on the caller's transaction. */
export const enqueueShareRetries = async (
  tx: Executor,
  input: { practiceId: string; dueAts: readonly Date[]; now: Date },
): Promise<void> => {
  if (input.dueAts.length === 0) return;
  await runPrepared(
    tx,
    sql`WITH jobs_added AS (${enqueueShareJobs(
      input.practiceId,
      sql`SELECT unnest(${pgArray(input.dueAts, "timestamptz")}::timestamptz[])`,
      input.now.toISOString(),
    )})
    SELECT CASE WHEN EXISTS (SELECT 1 FROM jobs_added) THEN pg_notify('billcycle_jobs', ${SHARE_DOCUMENTS}) END
      AS notified`,
  );
};
