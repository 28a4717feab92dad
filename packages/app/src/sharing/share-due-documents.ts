import {
  type Clock,
  type DocumentKind,
  DomainError,
  decideDocumentShare,
  MAX_SHARE_ATTEMPTS,
  type ShareDocumentKinds,
  type ShareReason,
  type ShareSubjectType,
  shareRetryDelayMinutes,
} from "@billcycle/core";
import { type Database, pgArray, runPrepared } from "@billcycle/db";
import { sql } from "drizzle-orm";
import { composeShareEmail } from "./compose-share-email";
import { enqueueShareRetries } from "./schedule-document-share";
import { DEFAULT_SHARE_LINK_DAYS, signShareLink } from "./share-link";
import type { MailOutcome } from "./share-mailer";
import type { SharingPorts } from "./sharing-ports";
import { type ShareStatusChange, writeShareStatuses } from "./write-share-status";

export const SHARE_ACTOR = "system:share-documents";

export type ShareDueResult = {
  sent: number;
  skipped: number;
  /** Failed attempts put back to be tried again later. */
  retrying: number;
  /** Failed attempts with no attempt left. */
  failed: number;
  /** Due shares another sender holds: look again when its lease ends (it may have died). */
  retryAt: Date | null;
};

export type ShareDueOptions = {
  /** Shares claimed and sent per round (default 100 on PostgreSQL, 20 on PGlite). */
  batchSize?: number;
  /** A claimed share is this sender's this long; a sender killed mid-send leaves it to run out (default 2 min). */
  leaseMs?: number;
};

type DueRow = {
  id: string;
  kind: DocumentKind;
  subject_type: ShareSubjectType;
  invoice_id: string | null;
  document_id: string | null;
  attempts: number;
  due_at: string | Date;
  email: string | null;
  email_opt_in: boolean;
  auto_share_documents: boolean;
  share_document_kinds: ShareDocumentKinds;
  practice_name: string;
  practice_sharing_on: boolean;
  subject_void: boolean;
};

type Claimed = DueRow & { to: string; attempt: number };

const failure = (code: ShareReason["code"], message: string): ShareReason => ({ code, message });

/**
 * Sends the practice's due shares, a batch at a time, exactly once across workers: a batch is claimed in one
 * transaction (due rows locked FOR UPDATE SKIP LOCKED, each decided; skipped ones written with their reasons,
 * sendable ones leased and their attempt counted), then each bill is issued (as its invoice now stands) and each
 * email sent outside any transaction, then the outcomes are written in one transaction. A sender killed between
 * claim and outcome leaves its leases to run out; the next sends again with the same Message-ID.
 */
export const shareDueDocuments = async (
  database: Database,
  practiceId: string,
  ports: SharingPorts,
  clock: Clock,
  options: ShareDueOptions = {},
): Promise<ShareDueResult> => {
  const batchSize = options.batchSize ?? (database.kind === "pglite" ? 20 : 100);
  const leaseMs = options.leaseMs ?? 120_000;
  const result: ShareDueResult = { sent: 0, skipped: 0, retrying: 0, failed: 0, retryAt: null };
  for (;;) {
    const now = clock.now();
    const { claimed, found } = await claimDueShares(database, practiceId, now, batchSize, leaseMs, result);
    if (found === 0) break;
    const outcomes = await mapLimited(claimed, 16, (share) =>
      sendShare(database, practiceId, share, ports, now),
    );
    await recordOutcomes(database, practiceId, claimed, outcomes, clock.now(), result);
    if (found < batchSize) break;
  }
  const now = clock.now();
  const [held] = await runPrepared<{ lease_until: string | Date | null }>(
    database.db,
    sql`SELECT min(lease_until) AS lease_until FROM document_shares
      WHERE practice_id = ${practiceId}::uuid AND status = 'scheduled' AND due_at <= ${now.toISOString()}::timestamptz
        AND lease_until > ${now.toISOString()}::timestamptz`,
  );
  result.retryAt = held?.lease_until ? new Date(held.lease_until) : null;
  return result;
};

const claimDueShares = async (
  database: Database,
  practiceId: string,
  now: Date,
  batchSize: number,
  leaseMs: number,
  result: ShareDueResult,
): Promise<{ claimed: Claimed[]; found: number }> =>
  database.db.transaction(async (tx) => {
    const nowText = now.toISOString();
    const rows = await runPrepared<DueRow>(
      tx,
      sql`SELECT s.id::text AS id, s.kind, s.subject_type, s.invoice_id::text AS invoice_id,
          s.document_id::text AS document_id, s.attempts, s.due_at,
          c.email, c.email_opt_in, c.auto_share_documents, c.share_document_kinds, p.name AS practice_name,
          coalesce((p.billing_settings->>'autoShareEnabled')::boolean, true) AS practice_sharing_on,
          coalesce(CASE WHEN s.subject_type = 'invoice' THEN i.status = 'void' ELSE d.status = 'void' END, false)
            AS subject_void
        FROM document_shares s
          JOIN practices p ON p.id = s.practice_id
          JOIN clients c ON c.practice_id = s.practice_id AND c.id = s.client_id
          LEFT JOIN invoices i ON i.practice_id = s.practice_id AND i.id = s.invoice_id
          LEFT JOIN documents d ON d.practice_id = s.practice_id AND d.id = s.document_id
        WHERE s.practice_id = ${practiceId}::uuid AND s.status = 'scheduled'
          AND s.due_at <= ${nowText}::timestamptz
          AND (s.lease_until IS NULL OR s.lease_until <= ${nowText}::timestamptz)
        ORDER BY s.due_at, s.id
        LIMIT ${batchSize}
        FOR UPDATE OF s SKIP LOCKED`,
    );
    const skips: ShareStatusChange[] = [];
    const claimed: Claimed[] = [];
    for (const row of rows) {
      const decision = decideDocumentShare({
        practiceSharingOn: row.practice_sharing_on,
        clientSharingOn: row.auto_share_documents,
        clientKinds: row.share_document_kinds,
        kind: row.kind,
        email: row.email,
        emailOptIn: row.email_opt_in,
        subjectVoid: row.subject_void,
      });
      if (decision.action === "skip") {
        skips.push({ id: row.id, from: "scheduled", path: ["skipped"], reasons: decision.reasons });
      } else claimed.push({ ...row, to: decision.to, attempt: Number(row.attempts) + 1 });
    }
    result.skipped += (
      await writeShareStatuses(tx, { practiceId, changes: skips, now, actor: SHARE_ACTOR })
    ).length;
    if (claimed.length > 0) {
      await runPrepared(
        tx,
        sql`UPDATE document_shares SET lease_until = ${new Date(now.getTime() + leaseMs).toISOString()}::timestamptz,
            attempts = attempts + 1, updated_at = ${nowText}::timestamptz
          WHERE practice_id = ${practiceId}::uuid AND id = ANY(${pgArray(
            claimed.map((c) => c.id),
            "uuid",
          )}::uuid[])`,
      );
    }
    return { claimed, found: rows.length };
  });

type SendOutcome =
  | MailOutcome
  | { ok: false; code: "BILL_NOT_ISSUED" | "MAIL_NOT_CONFIGURED"; message: string };

/** The bill is issued when its share falls due (reusing one a crashed attempt already issued), then mailed. */
const sendShare = async (
  database: Database,
  practiceId: string,
  share: Claimed,
  ports: SharingPorts,
  now: Date,
): Promise<SendOutcome> => {
  if (!ports.mailer) {
    return {
      ok: false,
      code: "MAIL_NOT_CONFIGURED",
      message: "no mail server is configured (BILLCYCLE_SMTP_URL)",
    };
  }
  let documentId = share.document_id;
  if (share.subject_type === "invoice" && documentId === null) {
    try {
      documentId = await billDocumentFor(database, practiceId, share, ports, now);
    } catch (e) {
      const code = e instanceof DomainError ? e.code : "INTERNAL";
      return { ok: false, code: "BILL_NOT_ISSUED", message: `the bill could not be issued (${code})` };
    }
  }
  if (documentId === null)
    return { ok: false, code: "BILL_NOT_ISSUED", message: "the share has no document" };
  const expiresAt = new Date(now.getTime() + (ports.linkDays ?? DEFAULT_SHARE_LINK_DAYS) * 86_400_000);
  const token = signShareLink(ports.linkKey, { practiceId, documentId, expiresAt });
  const email = composeShareEmail({
    shareId: share.id,
    to: share.to,
    practiceName: share.practice_name,
    link: `${ports.publicUrl.replace(/\/+$/, "")}/d/${token}`,
    linkExpiresAt: expiresAt,
    fromAddress: ports.mailer.fromAddress,
  });
  return ports.mailer.send(email);
};

const billDocumentFor = async (
  database: Database,
  practiceId: string,
  share: Claimed,
  ports: SharingPorts,
  now: Date,
): Promise<string> => {
  const invoiceId = share.invoice_id!;
  // A bill issued for this share by an attempt that died before recording it: issued at or after the due time.
  const [earlier] = await runPrepared<{ id: string }>(
    database.db,
    sql`SELECT id::text AS id FROM documents
      WHERE practice_id = ${practiceId}::uuid AND invoice_id = ${invoiceId}::uuid AND kind = 'invoice'
        AND status = 'issued' AND issued_at >= ${new Date(share.due_at).toISOString()}::timestamptz
      ORDER BY issued_at DESC, id DESC LIMIT 1`,
  );
  const documentId =
    earlier?.id ?? (await ports.issueBillDocument(database, { practiceId, invoiceId, now })).documentId;
  await runPrepared(
    database.db,
    sql`UPDATE document_shares SET document_id = ${documentId}::uuid
      WHERE practice_id = ${practiceId}::uuid AND id = ${share.id}::uuid AND document_id IS NULL`,
  );
  return documentId;
};

const recordOutcomes = async (
  database: Database,
  practiceId: string,
  claimed: Claimed[],
  outcomes: SendOutcome[],
  now: Date,
  result: ShareDueResult,
): Promise<void> => {
  if (claimed.length === 0) return;
  const changes: ShareStatusChange[] = [];
  const retries: Date[] = [];
  claimed.forEach((share, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) {
      changes.push({ id: share.id, from: "scheduled", path: ["sent"], messageId: outcome.messageId });
      result.sent++;
      return;
    }
    const reasons = [failure(outcome.code, outcome.message)];
    if (share.attempt >= MAX_SHARE_ATTEMPTS) {
      changes.push({ id: share.id, from: "scheduled", path: ["failed"], reasons });
      result.failed++;
      return;
    }
    const dueAt = new Date(now.getTime() + shareRetryDelayMinutes(share.attempt) * 60_000);
    changes.push({ id: share.id, from: "scheduled", path: ["failed", "scheduled"], reasons, dueAt });
    retries.push(dueAt);
    result.retrying++;
  });
  await database.db.transaction(async (tx) => {
    await writeShareStatuses(tx, { practiceId, changes, now, actor: SHARE_ACTOR });
    await enqueueShareRetries(tx, { practiceId, dueAts: retries, now });
  });
};

/** `fn` over `items`, at most `limit` at a time, results in order. */
const mapLimited = async <T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> => {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  });
  await Promise.all(lanes);
  return out;
};
