import {
  isOutreachActionAllowed,
  type OutreachSetStatus,
  outreachActions,
  type RuleStep,
  type WillFailReason,
} from "@billcycle/core";
import { type Database, type Executor, isUuid, pgArray, rowsOf, runPrepared } from "@billcycle/db";
import { type SQL, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { TenantActor } from "../resources/crud";
import { likeEscape } from "../resources/like-pattern";
import { amountOutstandingText } from "./outreach-facts";
import type { ListOutreachSetsQuery, OutreachSetView } from "./outreach-schemas";
import { phoneToE164 } from "./phone-number";

type SetRow = {
  id: string;
  status: OutreachSetStatus;
  amount: string | number;
  client_id: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  email: string | null;
  rule_set_id: string;
  rule_set_name: string;
  steps: RuleStep[];
  started_by: "auto" | "manual";
  created_at: string | Date;
  next_send_at: string | Date | null;
  step_index: number;
  will_fail_reasons: WillFailReason[] | null;
  invoice_ids: string[] | null;
  version: number;
};

const iso = (d: string | Date) => new Date(d).toISOString();

export const toSetView = (r: SetRow): OutreachSetView => ({
  id: r.id,
  status: r.status,
  amountOutstandingCents: Number(r.amount),
  patient: {
    clientId: r.client_id,
    firstName: r.first_name,
    lastName: r.last_name,
    phone: r.phone,
    email: r.email,
  },
  ruleSet: { id: r.rule_set_id, name: r.rule_set_name },
  startedBy: r.started_by,
  createdAt: iso(r.created_at),
  nextSendAt: r.next_send_at ? iso(r.next_send_at) : null,
  stepIndex: Number(r.step_index),
  stepCount: r.steps.length,
  willFailReasons: r.will_fail_reasons ?? [],
  invoiceIds: r.invoice_ids ?? [],
  actions: outreachActions.filter((a) => isOutreachActionAllowed(a, r.status)),
  version: Number(r.version),
});

const SELECT = sql.raw(`s.id::text AS id, s.status, ${amountOutstandingText("s")} AS amount,
    s.client_id::text AS client_id, c.first_name, c.last_name, c.phone, c.email,
    s.rule_set_id::text AS rule_set_id, r.name AS rule_set_name, r.steps, s.started_by, s.created_at,
    s.next_send_at, s.step_index, s.will_fail_reasons, s.version,
    ARRAY(SELECT si.invoice_id::text FROM outreach_set_invoices si
      WHERE si.practice_id = s.practice_id AND si.set_id = s.id ORDER BY si.invoice_id) AS invoice_ids`);

const JOINS = sql.raw(`JOIN clients c ON c.practice_id = s.practice_id AND c.id = s.client_id
    JOIN outreach_rule_sets r ON r.practice_id = s.practice_id AND r.id = s.rule_set_id`);

const FROM = sql`outreach_sets s ${JOINS}`;

/**
 * What a search matches: a set or patient id as an id; anything else the patient's name (either order) or phone by
 * contains-match (digits only, the last ten, from four digits on; or the whole number in E.164).
 */
const searchMatch = (text: string): { id: string } | { client: SQL } => {
  if (isUuid(text)) return { id: text };
  const pattern = `%${likeEscape(text)}%`;
  const phone = phoneToE164(text);
  const digits = text.replace(/\D/g, "");
  const or: SQL[] = [
    sql`(c.first_name || ' ' || c.last_name) ILIKE ${pattern}`,
    sql`(c.last_name || ', ' || c.first_name) ILIKE ${pattern}`,
  ];
  if (digits.length >= 4) {
    or.push(sql`regexp_replace(coalesce(c.phone, ''), '[^0-9]', '', 'g') LIKE ${`%${digits.slice(-10)}%`}`);
  }
  if (phone) or.push(sql`c.phone = ${phone}`);
  return { client: sql`(${sql.join(or, sql` OR `)})` };
};

/**
 * Name and phone searches look the patients up first (trigram indexes, migration 0025; the phone's E.164 index,
 * 0038) and list only their sets, when at most this many match. Left to one query, the planner guessed a
 * surname or four digits match 1% of patients and walked every set newest first for the page (bench:outreach:
 * seconds at 120,000 sets). A search matching more than this (one or two letters) keeps the one query: a page of
 * its sets lies among the newest.
 */
export const SEARCH_PATIENT_LIMIT = 2000;

/** The query of the patients a name or phone search matches (one more than the limit), or null for an id. */
export const searchedClientsSql = (practiceId: string, search: string): SQL | null => {
  const match = searchMatch(search.trim());
  if (!("client" in match)) return null;
  return sql`SELECT c.id::text AS id FROM clients c
      WHERE c.practice_id = ${practiceId}::uuid AND ${match.client} LIMIT ${SEARCH_PATIENT_LIMIT + 1}`;
};

/** The patients a name or phone search matches, or null for a set/patient id or more than SEARCH_PATIENT_LIMIT. */
export const searchedClientIds = async (
  tx: Executor,
  practiceId: string,
  search: string | undefined,
): Promise<string[] | null> => {
  const query = search ? searchedClientsSql(practiceId, search) : null;
  if (!query) return null;
  const rows = rowsOf<{ id: string }>(await tx.execute(query));
  return rows.length > SEARCH_PATIENT_LIMIT ? null : rows.map((r) => r.id);
};

/**
 * The WHERE of the filters, all combinable (the metric cards ignore them: they follow the practice). `clientIds`:
 * the patients the search matches when searchedClientIds found them (the same sets as the search itself).
 */
const filtersOf = (
  practiceId: string,
  q: Partial<ListOutreachSetsQuery>,
  clientIds: string[] | null,
): SQL[] => {
  const where: SQL[] = [sql`s.practice_id = ${practiceId}::uuid`];
  if (q.search) {
    const match = searchMatch(q.search.trim());
    // An id is looked up as an id: its digits are no phone number, and the name and phone terms in one OR with the
    // set's columns would make every search a walk of all sets.
    if ("id" in match) where.push(sql`(s.id = ${match.id}::uuid OR s.client_id = ${match.id}::uuid)`);
    else if (clientIds) where.push(sql`s.client_id = ANY(${pgArray(clientIds, "uuid")}::uuid[])`);
    else where.push(match.client);
  }
  if (q.status?.length) where.push(sql`s.status = ANY(${pgArray(q.status, "text")}::text[])`);
  if (q.minAmountCents !== undefined)
    where.push(sql`${sql.raw(amountOutstandingText("s"))} >= ${q.minAmountCents}`);
  if (q.maxAmountCents !== undefined)
    where.push(sql`${sql.raw(amountOutstandingText("s"))} <= ${q.maxAmountCents}`);
  if (q.createdFrom) where.push(sql`s.created_at >= ${q.createdFrom}::timestamptz`);
  if (q.createdTo) where.push(sql`s.created_at <= ${q.createdTo}::timestamptz`);
  if (q.nextSendFrom) where.push(sql`s.next_send_at >= ${q.nextSendFrom}::timestamptz`);
  if (q.nextSendTo) where.push(sql`s.next_send_at <= ${q.nextSendTo}::timestamptz`);
  if (q.ruleSetId) where.push(sql`s.rule_set_id = ${q.ruleSetId}::uuid`);
  return where;
};

/**
 * The list's query: one page (and one row more) of the practice's sets, newest first. `clientIds` from
 * searchedClientIds (null: the search's own terms). bench/outreach-explain.ts EXPLAINs it.
 */
export const outreachListSql = (
  practiceId: string,
  query: ListOutreachSetsQuery,
  clientIds: string[] | null,
): SQL => {
  const where = filtersOf(practiceId, query, clientIds);
  if (query.cursor) where.push(sql`s.id < ${query.cursor}::uuid`);
  const filtered = sql.join(where, sql` AND `);
  // The searched patients' sets first, through their index (OFFSET 0 keeps the planner from walking every set
  // newest first instead, as it did with a surname's 240 patients: it took them for spread evenly over the ids).
  const from = clientIds ? sql`(SELECT * FROM outreach_sets s WHERE ${filtered} OFFSET 0) s ${JOINS}` : FROM;
  return sql`SELECT ${SELECT} FROM ${from} ${clientIds ? sql`` : sql`WHERE ${filtered}`}
      ORDER BY s.id DESC LIMIT ${query.limit + 1}`;
};

/**
 * Invoice sets newest first, filtered on the server, keyset pages by id. Audited as a list read. Not a named
 * prepared statement: PostgreSQL plans it for each query's own values (a cached generic plan, used after five runs
 * of one filter shape, cannot tell a rare status or a narrow range from a common one: up to seconds at 120,000 sets).
 */
export const listOutreachSets = async (
  database: Database,
  input: { actor: TenantActor; query: ListOutreachSetsQuery; now: Date },
): Promise<{ items: OutreachSetView[]; nextCursor: string | null }> => {
  const { actor, query } = input;
  const clientIds = await searchedClientIds(database.db, actor.practiceId, query.search);
  const rows =
    clientIds?.length === 0
      ? []
      : rowsOf<SetRow>(await database.db.execute(outreachListSql(actor.practiceId, query, clientIds)));
  await recordAudit(database.db, actor, "list", "outreach_set", null, input.now, {
    filters: Object.keys(query).filter((k) => k !== "limit" && k !== "cursor"),
  });
  const items = rows.slice(0, query.limit).map(toSetView);
  return { items, nextCursor: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
};

/** The sets with these ids, in the practice (others are left out). */
export const loadSetViews = async (
  tx: Executor,
  practiceId: string,
  ids: readonly string[],
): Promise<OutreachSetView[]> => {
  if (ids.length === 0) return [];
  const rows = await runPrepared<SetRow>(
    tx,
    sql`SELECT ${SELECT} FROM ${FROM}
      WHERE s.practice_id = ${practiceId}::uuid AND s.id = ANY(${pgArray(ids, "uuid")}::uuid[]) ORDER BY s.id DESC`,
  );
  return rows.map(toSetView);
};

/** The four metric cards: counts of Failed, Expired, Paused and Will Fail sets of the whole practice. */
export const countOutreachMetrics = async (
  database: Database,
  actor: TenantActor,
): Promise<{ failed: number; expired: number; paused: number; willFail: number }> => {
  const rows = await runPrepared<{ status: OutreachSetStatus; n: string | number }>(
    database.db,
    sql`SELECT status, count(*) AS n FROM outreach_sets
      WHERE practice_id = ${actor.practiceId}::uuid AND status IN ('failed','expired','paused','will_fail')
      GROUP BY status`,
  );
  const n = (s: OutreachSetStatus) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { failed: n("failed"), expired: n("expired"), paused: n("paused"), willFail: n("will_fail") };
};
