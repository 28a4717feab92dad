import { assertTransition, type ShareReason, type ShareStatus, shareTransitions } from "@billcycle/core";
import { type Executor, pgArray, runPrepared } from "@billcycle/db";
import { sql } from "drizzle-orm";

/** One share's change: the path it takes (each step checked against shareTransitions) and what it records. */
export type ShareStatusChange = {
  id: string;
  /** The status the row must still be in; `path` ends at the status written (failed → scheduled for a retry). */
  from: ShareStatus;
  path: readonly ShareStatus[];
  reasons?: ShareReason[] | null;
  messageId?: string | null;
  /** A new due time (a retry). */
  dueAt?: Date | null;
  /** A manual retry starts its attempts again. */
  resetAttempts?: boolean;
};

/**
 * The one writer of document_shares.status: checks every step against the core table, writes the rows of a whole
 * batch in one statement (only those still in `from`, so a row another sender settled is left alone) and an audit
 * row for each, on the caller's transaction. Returns the ids written.
 */
export const writeShareStatuses = async (
  tx: Executor,
  input: {
    practiceId: string;
    changes: readonly ShareStatusChange[];
    now: Date;
    actor: string;
    userId?: string | null;
  },
): Promise<string[]> => {
  const { changes, now } = input;
  if (changes.length === 0) return [];
  const to: ShareStatus[] = [];
  for (const c of changes) {
    let at = c.from;
    for (const next of c.path) {
      assertTransition("Share status", shareTransitions, at, next);
      at = next;
    }
    to.push(at);
  }
  const nowText = now.toISOString();
  const rows = await runPrepared<{ id: string }>(
    tx,
    sql`WITH u AS (
        SELECT * FROM unnest(
          ${pgArray(
            changes.map((c) => c.id),
            "uuid",
          )}::uuid[],
          ${pgArray(
            changes.map((c) => c.from),
            "text",
          )}::text[],
          ${pgArray(to, "text")}::text[],
          ${pgArray(
            changes.map((c) => c.path.join(">")),
            "text",
          )}::text[],
          ${pgArray(
            changes.map((c) => c.reasons?.[0]?.code ?? null),
            "text",
          )}::text[],
          ${pgArray(
            changes.map((c) => (c.reasons ? c.reasons : null)),
            "jsonb",
          )}::jsonb[],
          ${pgArray(
            changes.map((c) => c.messageId ?? null),
            "text",
          )}::text[],
          ${pgArray(
            changes.map((c) => c.dueAt ?? null),
            "timestamptz",
          )}::timestamptz[],
          ${pgArray(
            changes.map((c) => c.resetAttempts === true),
            "boolean",
          )}::boolean[]
        ) AS u(id, from_status, to_status, path, reason_code, reasons, message_id, due_at, reset_attempts)
      ), changed AS (
        UPDATE document_shares s SET
          status = u.to_status,
          reason_code = u.reason_code,
          reasons = u.reasons,
          message_id = coalesce(u.message_id, s.message_id),
          sent_at = CASE WHEN u.to_status = 'sent' THEN ${nowText}::timestamptz ELSE NULL END,
          due_at = coalesce(u.due_at, s.due_at),
          attempts = CASE WHEN u.reset_attempts THEN 0 ELSE s.attempts END,
          lease_until = NULL,
          finished_at = CASE WHEN u.to_status = 'scheduled' THEN NULL ELSE ${nowText}::timestamptz END,
          version = s.version + 1,
          updated_at = ${nowText}::timestamptz
        FROM u
        WHERE s.practice_id = ${input.practiceId}::uuid AND s.id = u.id AND s.status = u.from_status
        RETURNING s.id, u.from_status, u.path, u.reason_code
      ), audited AS (
        INSERT INTO audit_log (practice_id, user_id, actor, action, entity, entity_id, at, details)
        SELECT ${input.practiceId}::uuid, ${input.userId ?? null}::uuid, ${input.actor}, 'transition', 'document_share',
          changed.id::text, ${nowText}::timestamptz,
          jsonb_strip_nulls(jsonb_build_object('from', changed.from_status, 'path', changed.path,
            'reason', changed.reason_code))
        FROM changed
      )
      SELECT changed.id::text AS id FROM changed`,
  );
  return rows.map((r) => r.id);
};
