import {
  assertTransition,
  type OutreachMessageStatus,
  type OutreachSetStatus,
  outreachMessageTransitions,
  outreachSetTransitions,
  sourcesOf,
} from "@billcycle/core";
import { type Executor, newId, pgArray, runPrepared } from "@billcycle/db";
import { sql } from "drizzle-orm";
import type { Actor } from "../auth/actor";

/**
 * The one writer of outreach_sets.status and outreach_messages.status. A set moves only from a state the core
 * table lets move to the target (`status = ANY(sourcesOf(…))` in the WHERE, so a row another worker or person
 * settled meanwhile is left alone); each move writes a timeline event and an audit row in the caller's transaction.
 */
export type SetMove = {
  id: string;
  to: OutreachSetStatus;
  /** Why, for the timeline (a machine code or a person's note). */
  reason?: string | undefined;
  /** Only from these states (an action checks its availability; the transition table is checked anyway). */
  from?: readonly OutreachSetStatus[] | undefined;
};

export type SetMoved = { id: string; from: OutreachSetStatus; to: OutreachSetStatus };

/** Statuses in which a set has nothing scheduled. */
const UNSCHEDULED: readonly OutreachSetStatus[] = [
  "paused",
  "expired",
  "paid",
  "cancelled",
  "written_off",
  "collections",
];

export const moveOutreachSets = async (
  tx: Executor,
  input: { practiceId: string; moves: readonly SetMove[]; now: Date; actor: Actor },
): Promise<SetMoved[]> => {
  const moved: SetMoved[] = [];
  const nowText = input.now.toISOString();
  const groups = new Map<string, SetMove[]>();
  for (const m of input.moves) {
    const key = `${m.to}|${(m.from ?? []).join(",")}|${m.reason ?? ""}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  for (const group of groups.values()) {
    const { to, from, reason } = group[0]!;
    const sources = sourcesOf(outreachSetTransitions, to).filter((s) => !from || from.includes(s));
    if (sources.length === 0) continue;
    const rows = await runPrepared<{ id: string; from_status: OutreachSetStatus }>(
      tx,
      sql`WITH o AS (
          SELECT id, status AS from_status FROM outreach_sets
          WHERE practice_id = ${input.practiceId}::uuid AND id = ANY(${pgArray(
            group.map((m) => m.id),
            "uuid",
          )}::uuid[])
            AND status = ANY(${pgArray(sources, "text")}::text[])
          FOR UPDATE
        ), changed AS (
          UPDATE outreach_sets s SET status = ${to}, moved_at = ${nowText}::timestamptz,
            next_send_at = CASE WHEN ${UNSCHEDULED.includes(to)} THEN NULL ELSE s.next_send_at END,
            will_fail_reasons = CASE WHEN ${to} = 'will_fail' THEN s.will_fail_reasons ELSE NULL END,
            version = s.version + 1, updated_at = ${nowText}::timestamptz
          FROM o WHERE s.practice_id = ${input.practiceId}::uuid AND s.id = o.id
          RETURNING s.id, o.from_status
        ), events AS (
          INSERT INTO outreach_events (id, practice_id, set_id, at, kind, actor, details)
          SELECT gen_random_uuid(), ${input.practiceId}::uuid, changed.id, ${nowText}::timestamptz, 'status',
            ${input.actor.label},
            jsonb_strip_nulls(jsonb_build_object('from', changed.from_status, 'to', ${to}::text,
              'reason', ${reason ?? null}::text))
          FROM changed
        ), audited AS (
          INSERT INTO audit_log (practice_id, user_id, actor, action, entity, entity_id, at, details)
          SELECT ${input.practiceId}::uuid, ${input.actor.userId}::uuid, ${input.actor.label}, 'transition',
            'outreach_set', changed.id::text, ${nowText}::timestamptz,
            jsonb_build_object('from', changed.from_status, 'to', ${to}::text)
          FROM changed
        )
        SELECT id::text AS id, from_status FROM changed`,
    );
    for (const r of rows) {
      assertTransition("Outreach set", outreachSetTransitions, r.from_status, to);
      moved.push({ id: r.id, from: r.from_status, to });
    }
  }
  return moved;
};

/** Inserts a new set in its initial state (active, or will_fail when its first message is predicted to fail). */
export const insertOutreachSet = async (
  tx: Executor,
  input: {
    id: string;
    practiceId: string;
    clientId: string;
    ruleSetId: string;
    status: "active" | "will_fail";
    startedBy: "auto" | "manual";
    nextSendAt: Date | null;
    willFailReasons: unknown;
    now: Date;
  },
): Promise<boolean> => {
  const nowText = input.now.toISOString();
  const rows = await runPrepared<{ id: string }>(
    tx,
    sql`INSERT INTO outreach_sets (id, practice_id, client_id, rule_set_id, status, started_by, next_send_at,
        will_fail_reasons, moved_at, created_at, updated_at)
      VALUES (${input.id}::uuid, ${input.practiceId}::uuid, ${input.clientId}::uuid, ${input.ruleSetId}::uuid,
        ${input.status}, ${input.startedBy}, ${input.nextSendAt?.toISOString() ?? null}::timestamptz,
        ${input.willFailReasons === null ? null : JSON.stringify(input.willFailReasons)}::jsonb,
        ${nowText}::timestamptz, ${nowText}::timestamptz, ${nowText}::timestamptz)
      ON CONFLICT DO NOTHING RETURNING id::text AS id`,
  );
  return rows.length > 0;
};

/** A message claimed for sending (or recorded failed at once when predicted to fail). */
export type MessageClaim = {
  id: string;
  setId: string;
  ruleSetId: string;
  stepIndex: number;
  dayOffset: number;
  channel: "sms" | "email";
  idempotencyKey: string;
  status: "sending" | "failed";
  toAddress: string | null;
  subject: string | null;
  body: string;
  failureCode?: string | null;
  failureMessage?: string | null;
};

/** Inserts the claimed messages; a key already used is skipped (returned ids are the ones inserted). */
export const insertOutreachMessages = async (
  tx: Executor,
  input: { practiceId: string; messages: readonly MessageClaim[]; now: Date },
): Promise<string[]> => {
  if (input.messages.length === 0) return [];
  const m = input.messages;
  const col = (f: (x: MessageClaim) => unknown, type: string) => pgArray(m.map(f), type);
  const rows = await runPrepared<{ id: string }>(
    tx,
    sql`INSERT INTO outreach_messages (id, practice_id, set_id, rule_set_id, step_index, day_offset, channel,
        idempotency_key, status, to_address, subject, body, failure_code, failure_message, created_at, updated_at)
      SELECT u.id, ${input.practiceId}::uuid, u.set_id, u.rule_set_id, u.step_index, u.day_offset, u.channel,
        u.idempotency_key, u.status, u.to_address, u.subject, u.body, u.failure_code, u.failure_message,
        ${input.now.toISOString()}::timestamptz, ${input.now.toISOString()}::timestamptz
      FROM unnest(${col((x) => x.id, "uuid")}::uuid[], ${col((x) => x.setId, "uuid")}::uuid[],
        ${col((x) => x.ruleSetId, "uuid")}::uuid[], ${col((x) => x.stepIndex, "int")}::int[],
        ${col((x) => x.dayOffset, "int")}::int[], ${col((x) => x.channel, "text")}::text[],
        ${col((x) => x.idempotencyKey, "text")}::text[], ${col((x) => x.status, "text")}::text[],
        ${col((x) => x.toAddress, "text")}::text[], ${col((x) => x.subject, "text")}::text[],
        ${col((x) => x.body, "text")}::text[], ${col((x) => x.failureCode ?? null, "text")}::text[],
        ${col((x) => x.failureMessage ?? null, "text")}::text[])
        AS u(id, set_id, rule_set_id, step_index, day_offset, channel, idempotency_key, status, to_address,
          subject, body, failure_code, failure_message)
      ON CONFLICT (practice_id, idempotency_key) DO NOTHING
      RETURNING id::text AS id`,
  );
  return rows.map((r) => r.id);
};

export type MessageMove = {
  id: string;
  to: OutreachMessageStatus;
  providerMessageId?: string | null;
  failureCode?: string | null;
  failureMessage?: string | null;
};

/** Moves messages by outreachMessageTransitions (rows no longer in a source state are left alone). */
export const moveOutreachMessages = async (
  tx: Executor,
  input: { practiceId: string; moves: readonly MessageMove[]; now: Date },
): Promise<Array<{ id: string; from: OutreachMessageStatus; to: OutreachMessageStatus }>> => {
  const out: Array<{ id: string; from: OutreachMessageStatus; to: OutreachMessageStatus }> = [];
  const nowText = input.now.toISOString();
  for (const to of new Set(input.moves.map((m) => m.to))) {
    const group = input.moves.filter((m) => m.to === to);
    const sources = sourcesOf(outreachMessageTransitions, to);
    const rows = await runPrepared<{ id: string; from_status: OutreachMessageStatus }>(
      tx,
      sql`WITH u AS (
          SELECT * FROM unnest(${pgArray(
            group.map((g) => g.id),
            "uuid",
          )}::uuid[], ${pgArray(
            group.map((g) => g.providerMessageId ?? null),
            "text",
          )}::text[], ${pgArray(
            group.map((g) => g.failureCode ?? null),
            "text",
          )}::text[], ${pgArray(
            group.map((g) => g.failureMessage ?? null),
            "text",
          )}::text[]) AS u(id, provider_id, failure_code, failure_message)
        ), o AS (
          SELECT m.id, m.status AS from_status FROM outreach_messages m JOIN u ON u.id = m.id
          WHERE m.practice_id = ${input.practiceId}::uuid AND m.status = ANY(${pgArray(sources, "text")}::text[])
          FOR UPDATE OF m
        )
        UPDATE outreach_messages m SET status = ${to},
          provider_message_id = coalesce(u.provider_id, m.provider_message_id),
          failure_code = coalesce(u.failure_code, m.failure_code),
          failure_message = coalesce(u.failure_message, m.failure_message),
          sent_at = CASE WHEN ${to} IN ('sent','delivered') THEN coalesce(m.sent_at, ${nowText}::timestamptz)
            ELSE m.sent_at END,
          version = m.version + 1, updated_at = ${nowText}::timestamptz
        FROM u, o WHERE m.id = u.id AND o.id = m.id
        RETURNING m.id::text AS id, o.from_status`,
    );
    for (const r of rows) {
      assertTransition("Outreach message", outreachMessageTransitions, r.from_status, to);
      out.push({ id: r.id, from: r.from_status, to });
    }
  }
  return out;
};

/** One timeline event (not a status change: those are written by moveOutreachSets). */
export const addOutreachEvent = async (
  tx: Executor,
  e: {
    practiceId: string;
    setId: string;
    at: Date;
    kind:
      | "started"
      | "charge_added"
      | "message"
      | "delivery"
      | "reply"
      | "preference"
      | "help"
      | "payment"
      | "rule_set"
      | "skipped";
    actor: string;
    messageId?: string | null;
    details?: Record<string, unknown> | null;
    dedupeKey?: string | null;
  },
): Promise<boolean> => {
  const rows = await runPrepared<{ id: string }>(
    tx,
    sql`INSERT INTO outreach_events (id, practice_id, set_id, at, kind, actor, message_id, details, dedupe_key)
      VALUES (${newId(e.at.getTime())}::uuid, ${e.practiceId}::uuid, ${e.setId}::uuid, ${e.at.toISOString()}::timestamptz,
        ${e.kind}, ${e.actor}, ${e.messageId ?? null}::uuid, ${e.details ? JSON.stringify(e.details) : null}::jsonb,
        ${e.dedupeKey ?? null})
      ON CONFLICT DO NOTHING RETURNING id::text AS id`,
  );
  return rows.length > 0;
};
