import {
  type ContactFacts,
  decideSendTime,
  decideWillFail,
  type OutreachSetStatus,
  patientTimeZone,
  type RuleStep,
  type WillFailReason,
} from "@billcycle/core";
import { type Executor, pgArray, runPrepared } from "@billcycle/db";
import { type SQL, sql } from "drizzle-orm";
import { phoneToE164 } from "./phone-number";

/** Amount Outstanding of set `s`: the open client responsibility of its issued invoices, read live. */
export const amountOutstandingText = (alias: string): string =>
  `(SELECT coalesce(sum(greatest(0, i.client_cents - i.client_paid_cents - i.client_written_off_cents)), 0)
    FROM outreach_set_invoices si JOIN invoices i ON i.practice_id = si.practice_id AND i.id = si.invoice_id
    WHERE si.practice_id = ${alias}.practice_id AND si.set_id = ${alias}.id AND i.status IN ('open','processed'))`;

export const amountOutstandingSql = (alias: string): SQL => sql.raw(amountOutstandingText(alias));

export type SetFacts = {
  id: string;
  practiceId: string;
  clientId: string;
  ruleSetId: string;
  status: OutreachSetStatus;
  stepIndex: number;
  lastSentDay: number | null;
  startedAt: Date;
  steps: RuleStep[];
  firstName: string;
  email: string | null;
  phone: string | null;
  contact: ContactFacts;
  zone: string;
  practiceName: string;
  practicePhone: string | null;
  amountCents: number;
};

type Row = {
  id: string;
  practice_id: string;
  client_id: string;
  rule_set_id: string;
  status: OutreachSetStatus;
  step_index: number;
  last_sent_day: number | null;
  created_at: string | Date;
  steps: RuleStep[];
  first_name: string;
  email: string | null;
  phone: string | null;
  sms_opt_in: boolean;
  email_opt_in: boolean;
  email_bounced: boolean;
  time_zone: string | null;
  state: string | null;
  practice_name: string;
  practice_phone: string | null;
  practice_zone: string;
  amount: string | number;
};

/** The select list and joins that make SetFacts of `outreach_sets s`. */
export const SET_FACTS_SELECT = sql.raw(`s.id::text AS id, s.practice_id::text AS practice_id,
    s.client_id::text AS client_id, s.rule_set_id::text AS rule_set_id, s.status, s.step_index, s.last_sent_day,
    s.created_at, r.steps, c.first_name, c.email, c.phone, c.sms_opt_in, c.email_opt_in,
    (c.email_bounced_at IS NOT NULL) AS email_bounced, c.time_zone, c.address->>'state' AS state,
    p.name AS practice_name, p.phone AS practice_phone, p.time_zone AS practice_zone,
    ${amountOutstandingText("s")} AS amount`);

export const SET_FACTS_FROM = sql.raw(`outreach_sets s
    JOIN outreach_rule_sets r ON r.practice_id = s.practice_id AND r.id = s.rule_set_id
    JOIN clients c ON c.practice_id = s.practice_id AND c.id = s.client_id
    JOIN practices p ON p.id = s.practice_id`);

export const toSetFacts = (r: Row): SetFacts => {
  const phoneE164 = phoneToE164(r.phone);
  return {
    id: r.id,
    practiceId: r.practice_id,
    clientId: r.client_id,
    ruleSetId: r.rule_set_id,
    status: r.status,
    stepIndex: Number(r.step_index),
    lastSentDay: r.last_sent_day === null ? null : Number(r.last_sent_day),
    startedAt: new Date(r.created_at),
    steps: r.steps,
    firstName: r.first_name,
    email: r.email,
    phone: phoneE164,
    contact: {
      phoneE164,
      hasPhone: !!r.phone?.trim(),
      smsOptIn: r.sms_opt_in,
      hasEmail: !!r.email?.trim(),
      emailOptIn: r.email_opt_in,
      emailBounced: r.email_bounced,
    },
    zone: patientTimeZone({ patientZone: r.time_zone, addressState: r.state, practiceZone: r.practice_zone }),
    practiceName: r.practice_name,
    practicePhone: r.practice_phone,
    amountCents: Number(r.amount),
  };
};

/** The facts of the given sets, locked FOR UPDATE when `lock` (the caller will move them). */
export const loadSetFacts = async (
  tx: Executor,
  practiceId: string,
  setIds: readonly string[],
  lock: boolean,
): Promise<SetFacts[]> => {
  if (setIds.length === 0) return [];
  const rows = await runPrepared<Row>(
    tx,
    sql`SELECT ${SET_FACTS_SELECT} FROM ${SET_FACTS_FROM}
      WHERE s.practice_id = ${practiceId}::uuid AND s.id = ANY(${pgArray(setIds, "uuid")}::uuid[])
      ORDER BY s.id ${lock ? sql`FOR UPDATE OF s` : sql``}`,
  );
  return rows.map(toSetFacts);
};

export type SetPlan = {
  /** When the next step goes out (null: every step is done). */
  nextSendAt: Date | null;
  /** Why the next step is predicted to fail (empty: it should go through). */
  willFail: WillFailReason[];
};

/** The next step's send time in the patient's window and its Will Fail prediction. */
export const planNextStep = (f: SetFacts, stepIndex: number, now: Date): SetPlan => {
  const step = f.steps[stepIndex];
  if (!step) return { nextSendAt: null, willFail: [] };
  return {
    nextSendAt: decideSendTime({
      startedAt: f.startedAt,
      dayOffset: step.dayOffset,
      zone: f.zone,
      window: step.sendWindow,
      now,
    }),
    willFail: decideWillFail(step.channel, f.contact),
  };
};

/** Writes a set's schedule (not its status): step, last day sent, next send time and prediction. */
export const writeSetSchedule = async (
  tx: Executor,
  input: {
    practiceId: string;
    setId: string;
    stepIndex?: number;
    lastSentDay?: number | null;
    ruleSetId?: string;
    plan: SetPlan;
    now: Date;
  },
): Promise<void> => {
  await runPrepared(
    tx,
    sql`UPDATE outreach_sets SET
        step_index = coalesce(${input.stepIndex ?? null}::int, step_index),
        last_sent_day = CASE WHEN ${input.lastSentDay !== undefined} THEN ${input.lastSentDay ?? null}::int
          ELSE last_sent_day END,
        rule_set_id = coalesce(${input.ruleSetId ?? null}::uuid, rule_set_id),
        next_send_at = ${input.plan.nextSendAt?.toISOString() ?? null}::timestamptz,
        will_fail_reasons = ${input.plan.willFail.length ? JSON.stringify(input.plan.willFail) : null}::jsonb,
        version = version + 1, updated_at = ${input.now.toISOString()}::timestamptz
      WHERE practice_id = ${input.practiceId}::uuid AND id = ${input.setId}::uuid`,
  );
};

/**
 * The status a working set should be in after its schedule changed: Will Fail when the next step is predicted to
 * fail, Active when it is not, Expired when nothing is left. Paused and Failed stay (a person or the next send
 * moves them). Returns null when the set is already there.
 */
export const settledStatus = (
  current: OutreachSetStatus,
  plan: SetPlan,
  keepFailed: boolean,
): OutreachSetStatus | null => {
  if (current === "paused") return null;
  if (current === "failed" && keepFailed) return null;
  const to: OutreachSetStatus =
    plan.nextSendAt === null ? "expired" : plan.willFail.length > 0 ? "will_fail" : "active";
  return to === current ? null : to;
};
