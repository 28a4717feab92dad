import {
  type Clock,
  decideSendTime,
  decideWillFail,
  formatDollars,
  isInSendWindow,
  type OutreachSetStatus,
  renderTemplate,
} from "@billcycle/core";
import { type Database, type Executor, newId, pgArray, runPrepared } from "@billcycle/db";
import { sql } from "drizzle-orm";
import { systemActor } from "../auth/actor";
import { SET_FACTS_FROM, SET_FACTS_SELECT, type SetFacts, type SetPlan, toSetFacts } from "./outreach-facts";
import type { OutreachPorts } from "./outreach-ports";
import { DEFAULT_PAY_LINK_DAYS, signPayLink } from "./pay-link";
import {
  insertOutreachMessages,
  type MessageClaim,
  type MessageMove,
  moveOutreachMessages,
  moveOutreachSets,
  type SetMove,
} from "./write-outreach-status";

export type SendOutreachResult = {
  sent: number;
  failed: number;
  unknown: number;
  /** Due outside the patient's window, or waiting for a channel this worker lacks: moved to a later time. */
  rescheduled: number;
  paid: number;
};

export type SendOutreachOptions = {
  /** Sets claimed per round (default 200 on PostgreSQL, 20 on PGlite). */
  batchSize?: number;
  /** Messages in flight at once (default 32). */
  concurrency?: number;
};

const SEND_ACTOR = "system:outreach";
/** A channel this worker cannot send on is looked at again this much later. */
const NO_CHANNEL_WAIT_MS = 15 * 60 * 1000;

type Claimed = { facts: SetFacts; message: MessageClaim; nextPlan: SetPlan; last: boolean };

type Outcome =
  | { kind: "sent"; providerMessageId: string }
  | { kind: "failed"; code: string; message: string; bounce?: boolean }
  | { kind: "unknown"; message: string };

/**
 * Sends a practice's due outreach messages, a batch at a time, exactly once across workers: due sets are locked
 * (FOR UPDATE SKIP LOCKED) and each step's message row inserted under its idempotency key (set, rule set, step) and
 * the set moved to its next step — committed before anything is sent. Then the messages go out (outside any
 * transaction), then their outcomes are written. A key already used is never sent again; a sender killed between
 * claim and outcome leaves the message `sending`, which the janitor marks `unknown` (not re-sent).
 */
export const sendDueOutreach = async (
  database: Database,
  practiceId: string,
  ports: OutreachPorts,
  clock: Clock,
  options: SendOutreachOptions = {},
): Promise<SendOutreachResult> => {
  const batchSize = options.batchSize ?? (database.kind === "pglite" ? 20 : 200);
  const result: SendOutreachResult = { sent: 0, failed: 0, unknown: 0, rescheduled: 0, paid: 0 };
  // One limit for every message in flight, whichever batch it belongs to.
  const lanes = limiter(options.concurrency ?? 32);
  // The next batch is claimed while the previous one is out (its claim is committed, so no set is in both):
  // the database and the providers work at the same time. At most two batches are open; on an error the other
  // one is let finish (its messages are claimed: their outcomes must be written) before the error is thrown.
  let previous: Promise<void> = Promise.resolve();
  for (;;) {
    const claim = await claimDue(database, practiceId, ports, clock.now(), batchSize, result).catch(
      async (e: unknown) => {
        await previous.catch(() => undefined);
        throw e;
      },
    );
    const toSend = claim.claimed.filter((c) => c.message.status === "sending");
    const batch = Promise.all(toSend.map((c) => lanes(() => deliver(c, ports)))).then((outcomes) =>
      recordOutcomes(database, practiceId, toSend, outcomes, clock.now(), result),
    );
    batch.catch(() => undefined); // reported by the awaits below, not as an unhandled rejection meanwhile
    await previous.catch(async (e: unknown) => {
      await batch.catch(() => undefined);
      throw e;
    });
    previous = batch;
    if (claim.found < batchSize) break;
  }
  await previous;
  return result;
};

const claimDue = async (
  database: Database,
  practiceId: string,
  ports: OutreachPorts,
  now: Date,
  batchSize: number,
  result: SendOutreachResult,
): Promise<{ claimed: Claimed[]; found: number }> =>
  database.db.transaction(async (tx) => {
    const nowText = now.toISOString();
    const rows = await runPrepared<Parameters<typeof toSetFacts>[0]>(
      tx,
      sql`SELECT ${SET_FACTS_SELECT} FROM ${SET_FACTS_FROM}
        WHERE s.practice_id = ${practiceId}::uuid AND s.status IN ('active','will_fail','failed')
          AND s.next_send_at <= ${nowText}::timestamptz
        ORDER BY s.next_send_at, s.id LIMIT ${batchSize}
        FOR UPDATE OF s SKIP LOCKED`,
    );
    const actor = systemActor(practiceId, "outreach");
    const claimed: Claimed[] = [];
    const schedules: ScheduleRow[] = [];
    const moves: SetMove[] = [];
    for (const row of rows) {
      const f = toSetFacts(row);
      const step = f.steps[f.stepIndex];
      if (f.amountCents === 0) {
        moves.push({ id: f.id, to: "paid", reason: "BALANCE_ZERO" });
        result.paid++;
        continue;
      }
      if (!step) {
        schedules.push({ id: f.id, stepIndex: f.stepIndex, lastSentDay: f.lastSentDay, plan: noPlan });
        moves.push({ id: f.id, to: "expired", reason: "ALL_STEPS_SENT" });
        continue;
      }
      const portMissing = step.channel === "sms" ? !ports.sms : !ports.mailer;
      if (!isInSendWindow(now, f.zone, step.sendWindow) || portMissing) {
        const later = portMissing
          ? new Date(now.getTime() + NO_CHANNEL_WAIT_MS)
          : decideSendTime({
              startedAt: f.startedAt,
              dayOffset: step.dayOffset,
              zone: f.zone,
              window: step.sendWindow,
              now,
            });
        schedules.push({
          id: f.id,
          stepIndex: f.stepIndex,
          lastSentDay: f.lastSentDay,
          plan: { nextSendAt: later, willFail: decideWillFail(step.channel, f.contact) },
        });
        result.rescheduled++;
        continue;
      }
      const reasons = decideWillFail(step.channel, f.contact);
      const messageId = newId(now.getTime());
      const values = {
        first_name: f.firstName,
        amount: formatDollars(f.amountCents),
        practice_name: f.practiceName,
        practice_phone: f.practicePhone ?? "",
        pay_link: payLink(ports, practiceId, f.id, now),
      };
      const to = step.channel === "sms" ? f.contact.phoneE164 : f.email;
      const message: MessageClaim = {
        id: messageId,
        setId: f.id,
        ruleSetId: f.ruleSetId,
        stepIndex: f.stepIndex,
        dayOffset: step.dayOffset,
        channel: step.channel,
        idempotencyKey: `${f.id}:${f.ruleSetId}:${f.stepIndex}`,
        status: reasons.length > 0 ? "failed" : "sending",
        toAddress: to,
        subject:
          step.channel === "email"
            ? renderTemplate(step.subject ?? "A balance from {practice_name}", values)
            : null,
        body: renderTemplate(step.template, values),
        failureCode: reasons[0]?.code ?? null,
        failureMessage: reasons[0]?.message ?? null,
      };
      const nextIndex = f.stepIndex + 1;
      const nextStep = f.steps[nextIndex];
      const nextPlan: SetPlan = nextStep
        ? {
            nextSendAt: decideSendTime({
              startedAt: f.startedAt,
              dayOffset: nextStep.dayOffset,
              zone: f.zone,
              window: nextStep.sendWindow,
              now,
            }),
            willFail: decideWillFail(nextStep.channel, f.contact),
          }
        : noPlan;
      schedules.push({ id: f.id, stepIndex: nextIndex, lastSentDay: step.dayOffset, plan: nextPlan });
      claimed.push({ facts: f, message, nextPlan, last: !nextStep });
    }
    const inserted = new Set(
      await insertOutreachMessages(tx, { practiceId, messages: claimed.map((c) => c.message), now }),
    );
    const fresh = claimed.filter((c) => inserted.has(c.message.id));
    await writeSchedules(tx, practiceId, schedules, now);
    await addMessageEvents(tx, practiceId, fresh, now);
    // Predicted to fail: recorded failed at once, never sent.
    for (const c of fresh.filter((x) => x.message.status === "failed")) {
      moves.push({ id: c.facts.id, to: "failed", reason: c.message.failureCode ?? "FAILED" });
      result.failed++;
    }
    await moveOutreachSets(tx, { practiceId, moves, now, actor });
    return { claimed: fresh, found: rows.length };
  });

const noPlan: SetPlan = { nextSendAt: null, willFail: [] };

const payLink = (ports: OutreachPorts, practiceId: string, setId: string, now: Date): string => {
  const expiresAt = new Date(now.getTime() + (ports.payLinkDays ?? DEFAULT_PAY_LINK_DAYS) * 86_400_000);
  return `${ports.publicUrl.replace(/\/+$/, "")}/pay/${signPayLink(ports.payLinkKey, { practiceId, setId, expiresAt })}`;
};

type ScheduleRow = { id: string; stepIndex: number; lastSentDay: number | null; plan: SetPlan };

const writeSchedules = async (tx: Executor, practiceId: string, rows: ScheduleRow[], now: Date) => {
  if (rows.length === 0) return;
  await runPrepared(
    tx,
    sql`UPDATE outreach_sets s SET step_index = u.step_index, last_sent_day = u.last_sent_day,
        next_send_at = u.next_send_at, will_fail_reasons = u.will_fail, version = s.version + 1,
        updated_at = ${now.toISOString()}::timestamptz
      FROM unnest(${pgArray(
        rows.map((r) => r.id),
        "uuid",
      )}::uuid[], ${pgArray(
        rows.map((r) => r.stepIndex),
        "int",
      )}::int[], ${pgArray(
        rows.map((r) => r.lastSentDay),
        "int",
      )}::int[], ${pgArray(
        rows.map((r) => r.plan.nextSendAt),
        "timestamptz",
      )}::timestamptz[], ${pgArray(
        rows.map((r) => (r.plan.willFail.length ? r.plan.willFail : null)),
        "jsonb",
      )}::jsonb[]) AS u(id, step_index, last_sent_day, next_send_at, will_fail)
      WHERE s.practice_id = ${practiceId}::uuid AND s.id = u.id`,
  );
};

const addMessageEvents = async (tx: Executor, practiceId: string, claimed: Claimed[], now: Date) => {
  if (claimed.length === 0) return;
  await runPrepared(
    tx,
    sql`INSERT INTO outreach_events (id, practice_id, set_id, at, kind, actor, message_id, details)
      SELECT gen_random_uuid(), ${practiceId}::uuid, u.set_id, ${now.toISOString()}::timestamptz, 'message',
        ${SEND_ACTOR}, u.message_id, jsonb_build_object('step', u.step, 'channel', u.channel)
      FROM unnest(${pgArray(
        claimed.map((c) => c.facts.id),
        "uuid",
      )}::uuid[], ${pgArray(
        claimed.map((c) => c.message.id),
        "uuid",
      )}::uuid[], ${pgArray(
        claimed.map((c) => c.message.stepIndex),
        "int",
      )}::int[], ${pgArray(
        claimed.map((c) => c.message.channel),
        "text",
      )}::text[]) AS u(set_id, message_id, step, channel)`,
  );
};

const deliver = async (c: Claimed, ports: OutreachPorts): Promise<Outcome> => {
  const { message, facts } = c;
  if (message.channel === "sms") {
    const callback = `${(ports.statusCallbackUrl ?? `${ports.publicUrl.replace(/\/+$/, "")}/api/v1/webhooks/twilio`).replace(/\/+$/, "")}/${facts.practiceId}/status`;
    return ports.sms!.send({ to: message.toAddress!, body: message.body, statusCallback: callback });
  }
  const mailer = ports.mailer!;
  const outcome = await mailer.send({
    to: message.toAddress!,
    fromName: facts.practiceName,
    subject: message.subject ?? "",
    text: message.body,
    html: `<p>${message.body.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`).replace(/\n/g, "<br>")}</p>`,
    messageId: `<outreach.${message.id}@${mailer.fromAddress.split("@").pop() || "billcycle.invalid"}>`,
  });
  if (outcome.ok) return { kind: "sent", providerMessageId: outcome.messageId };
  return {
    kind: "failed",
    code: outcome.code,
    message: outcome.message,
    bounce: outcome.code === "SMTP_REFUSED",
  };
};

const recordOutcomes = async (
  database: Database,
  practiceId: string,
  claimed: Claimed[],
  outcomes: Outcome[],
  now: Date,
  result: SendOutreachResult,
) => {
  if (claimed.length === 0) return;
  const messageMoves: MessageMove[] = [];
  const setMoves: SetMove[] = [];
  const bounced: string[] = [];
  claimed.forEach((c, i) => {
    const o = outcomes[i]!;
    if (o.kind === "sent") {
      result.sent++;
      messageMoves.push({ id: c.message.id, to: "sent", providerMessageId: o.providerMessageId });
      const to: OutreachSetStatus = c.last ? "expired" : c.nextPlan.willFail.length ? "will_fail" : "active";
      if (to !== c.facts.status)
        setMoves.push({ id: c.facts.id, to, reason: c.last ? "ALL_STEPS_SENT" : undefined });
    } else if (o.kind === "failed") {
      result.failed++;
      messageMoves.push({ id: c.message.id, to: "failed", failureCode: o.code, failureMessage: o.message });
      setMoves.push({ id: c.facts.id, to: "failed", reason: o.code });
      if (o.bounce) bounced.push(c.facts.clientId);
    } else {
      result.unknown++;
      messageMoves.push({
        id: c.message.id,
        to: "unknown",
        failureCode: "OUTCOME_UNKNOWN",
        failureMessage: o.message,
      });
    }
  });
  await database.db.transaction(async (tx) => {
    await moveOutreachMessages(tx, { practiceId, moves: messageMoves, now });
    await moveOutreachSets(tx, {
      practiceId,
      moves: setMoves,
      now,
      actor: systemActor(practiceId, "outreach"),
    });
    if (bounced.length) await markEmailBounced(tx, practiceId, bounced, now);
  });
};

/** The patient's address refused mail: the next email is predicted to fail until the address changes. */
export const markEmailBounced = async (tx: Executor, practiceId: string, clientIds: string[], now: Date) => {
  await runPrepared(
    tx,
    sql`UPDATE clients SET email_bounced_at = ${now.toISOString()}::timestamptz
      WHERE practice_id = ${practiceId}::uuid AND id = ANY(${pgArray(clientIds, "uuid")}::uuid[])`,
  );
};

/**
 * Messages left `sending` longer than `leaseMs` (their sender died or hung between claim and outcome) become
 * `unknown`: they may have gone out, so they are not sent again; a person sees them on the timeline.
 */
export const markStaleOutreachMessages = async (
  database: Database,
  practiceId: string,
  now: Date,
  leaseMs = 120_000,
): Promise<number> =>
  database.db.transaction(async (tx) => {
    const stale = await runPrepared<{ id: string }>(
      tx,
      sql`SELECT id::text AS id FROM outreach_messages WHERE practice_id = ${practiceId}::uuid AND status = 'sending'
        AND created_at < ${new Date(now.getTime() - leaseMs).toISOString()}::timestamptz`,
    );
    const moved = await moveOutreachMessages(tx, {
      practiceId,
      now,
      moves: stale.map((s) => ({
        id: s.id,
        to: "unknown" as const,
        failureCode: "OUTCOME_UNKNOWN",
        failureMessage:
          "The sender stopped before recording whether the message went out; it is not sent again",
      })),
    });
    return moved.length;
  });

/** Runs the functions given to it at most `limit` at a time, in the order given. */
const limiter = (limit: number) => {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    // A finishing call hands its slot to the next waiting one, so a new call cannot slip in between.
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await fn();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
};
