import { DomainError } from "@billcycle/core";
import { type Database, type Executor, pgArray, runPrepared } from "@billcycle/db";
import { sql } from "drizzle-orm";
import { systemActor } from "../auth/actor";
import { loadSetFacts, planNextStep, settledStatus } from "./outreach-facts";
import { phoneToE164 } from "./phone-number";
import type { SmsProvider } from "./sms-provider";
import { addOutreachEvent, moveOutreachMessages, moveOutreachSets } from "./write-outreach-status";

const CALLBACK_ACTOR = "system:twilio";

/** INVALID_SIGNATURE unless the provider signed exactly this URL and these parameters. */
export const assertSmsSignature = (
  sms: SmsProvider | null | undefined,
  signature: string | undefined,
  url: string,
  params: Record<string, string>,
): void => {
  if (!sms || !signature || !sms.verifyCallback(signature, url, params)) {
    throw new DomainError("INVALID_SIGNATURE", "The callback's signature does not verify");
  }
};

type MessageRow = { id: string; set_id: string; status: string; latest: boolean };

/**
 * A delivery report: `delivered` marks the message delivered; `undelivered`/`failed` marks it failed and, when it
 * is the set's latest message, the set Failed. The same report twice (provider id and status) is one event.
 * Reports for messages we do not know are ignored (another practice's number, an old message).
 */
export const handleSmsStatusCallback = async (
  database: Database,
  input: { practiceId: string; params: Record<string, string>; now: Date },
): Promise<{ recorded: boolean }> => {
  const { practiceId, params, now } = input;
  const sid = params.MessageSid ?? params.SmsSid ?? "";
  const status = params.MessageStatus ?? params.SmsStatus ?? "";
  if (!sid || !status)
    throw new DomainError("VALIDATION_FAILED", "MessageSid and MessageStatus are required");
  return database.db.transaction(async (tx) => {
    const [message] = await runPrepared<MessageRow>(
      tx,
      sql`SELECT m.id::text AS id, m.set_id::text AS set_id, m.status,
          NOT EXISTS (SELECT 1 FROM outreach_messages n WHERE n.practice_id = m.practice_id AND n.set_id = m.set_id
            AND n.id > m.id) AS latest
        FROM outreach_messages m WHERE m.practice_id = ${practiceId}::uuid AND m.provider_message_id = ${sid}
        FOR UPDATE`,
    );
    if (!message) return { recorded: false };
    const fresh = await addOutreachEvent(tx, {
      practiceId,
      setId: message.set_id,
      at: now,
      kind: "delivery",
      actor: CALLBACK_ACTOR,
      messageId: message.id,
      details: { status, errorCode: params.ErrorCode ?? null },
      dedupeKey: `twilio:${sid}:${status}`,
    });
    if (!fresh) return { recorded: false };
    if (status === "delivered") {
      await moveOutreachMessages(tx, { practiceId, now, moves: [{ id: message.id, to: "delivered" }] });
    } else if (status === "undelivered" || status === "failed") {
      const code = `TWILIO_${params.ErrorCode || status.toUpperCase()}`;
      await moveOutreachMessages(tx, {
        practiceId,
        now,
        moves: [
          { id: message.id, to: "failed", failureCode: code, failureMessage: `Twilio reports ${status}` },
        ],
      });
      if (message.latest) {
        await moveOutreachSets(tx, {
          practiceId,
          moves: [{ id: message.set_id, to: "failed", reason: code }],
          now,
          actor: systemActor(practiceId, "twilio"),
        });
      }
    }
    return { recorded: true };
  });
};

const STOP = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"]);
const START = new Set(["START", "YES", "UNSTOP", "OPTIN"]);
const HELP = new Set(["HELP", "INFO"]);

export type InboundSmsResult = {
  /** The text to answer with (HELP), or null for none. */
  reply: string | null;
  keyword: "stop" | "start" | "help" | null;
  setIds: string[];
};

/**
 * An inbound text: recorded on the timeline of the sender's open sets (else their latest set); STOP and START
 * change the patient's SMS preference (and the sets' Will Fail prediction), HELP answers with the practice's
 * contact. The same inbound message twice is recorded once.
 */
export const handleInboundSms = async (
  database: Database,
  input: { practiceId: string; params: Record<string, string>; now: Date },
): Promise<InboundSmsResult> => {
  const { practiceId, params, now } = input;
  const from = phoneToE164(params.From);
  const body = (params.Body ?? "").slice(0, 1600);
  const sid = params.MessageSid ?? params.SmsSid ?? "";
  const word = body.trim().toUpperCase();
  const keyword = STOP.has(word) ? "stop" : START.has(word) ? "start" : HELP.has(word) ? "help" : null;
  if (!from) return { reply: null, keyword, setIds: [] };
  return database.db.transaction(async (tx) => {
    const clients = await runPrepared<{
      client_id: string;
      practice_name: string;
      practice_phone: string | null;
      email: string | null;
    }>(
      tx,
      sql`SELECT DISTINCT s.client_id::text AS client_id, p.name AS practice_name, p.phone AS practice_phone,
          p.billing_contact_email AS email
        FROM outreach_messages m JOIN outreach_sets s ON s.practice_id = m.practice_id AND s.id = m.set_id
          JOIN practices p ON p.id = m.practice_id
        WHERE m.practice_id = ${practiceId}::uuid AND m.to_address = ${from} AND m.channel = 'sms'`,
    );
    if (clients.length === 0) return { reply: null, keyword, setIds: [] };
    const clientIds = clients.map((c) => c.client_id);
    const sets = await runPrepared<{ id: string; client_id: string }>(
      tx,
      sql`SELECT DISTINCT ON (client_id) id::text AS id, client_id::text AS client_id FROM outreach_sets
        WHERE practice_id = ${practiceId}::uuid AND client_id = ANY(${pgArray(clientIds, "uuid")}::uuid[])
        ORDER BY client_id, (status IN ('active','paused','expired','failed','will_fail')) DESC, id DESC`,
    );
    const recorded: string[] = [];
    for (const s of sets) {
      const fresh = await addOutreachEvent(tx, {
        practiceId,
        setId: s.id,
        at: now,
        kind: "reply",
        actor: "patient",
        details: { body, keyword },
        dedupeKey: sid ? `twilio-in:${sid}:${s.id}` : null,
      });
      if (fresh) recorded.push(s.id);
    }
    if (recorded.length === 0) return { reply: null, keyword, setIds: [] };
    if (keyword === "stop" || keyword === "start") {
      await runPrepared(
        tx,
        sql`UPDATE clients SET sms_opt_in = ${keyword === "start"}, version = version + 1,
            updated_at = ${now.toISOString()}::timestamptz
          WHERE practice_id = ${practiceId}::uuid AND id = ANY(${pgArray(clientIds, "uuid")}::uuid[])`,
      );
      for (const setId of recorded) {
        await addOutreachEvent(tx, {
          practiceId,
          setId,
          at: now,
          kind: "preference",
          actor: "patient",
          details: { sms: keyword === "start" ? "opted_in" : "opted_out" },
        });
      }
      await repredictSets(tx, practiceId, recorded, now);
    }
    const p = clients[0]!;
    const contact = [p.practice_phone, p.email].filter(Boolean).join(" or ");
    const reply =
      keyword === "help"
        ? `${p.practice_name} billing: ${contact || "contact the practice"}. Reply STOP to stop texts.`
        : null;
    if (keyword === "help") {
      for (const setId of recorded) {
        await addOutreachEvent(tx, {
          practiceId,
          setId,
          at: now,
          kind: "help",
          actor: CALLBACK_ACTOR,
          details: { reply },
        });
      }
    }
    return { reply, keyword, setIds: recorded };
  });
};

/** After a contact preference changed: each working set's next step is predicted again (Active ↔ Will Fail). */
export const repredictSets = async (tx: Executor, practiceId: string, setIds: string[], now: Date) => {
  const facts = await loadSetFacts(tx, practiceId, setIds, true);
  for (const f of facts) {
    if (f.status !== "active" && f.status !== "will_fail") continue;
    const plan = planNextStep(f, f.stepIndex, now);
    await runPrepared(
      tx,
      sql`UPDATE outreach_sets SET will_fail_reasons = ${plan.willFail.length ? JSON.stringify(plan.willFail) : null}::jsonb
        WHERE practice_id = ${practiceId}::uuid AND id = ${f.id}::uuid`,
    );
    const to = settledStatus(f.status, plan, true);
    if (to && to !== "expired") {
      await moveOutreachSets(tx, {
        practiceId,
        moves: [{ id: f.id, to, reason: plan.willFail[0]?.code ?? "PREDICTION_CLEARED" }],
        now,
        actor: systemActor(practiceId, "outreach"),
      });
    }
  }
};

/** A patient's contact details changed (a new address, a fixed number): their working sets are predicted again. */
export const repredictClientOutreach = async (
  tx: Executor,
  practiceId: string,
  clientId: string,
  now: Date,
) => {
  const sets = await runPrepared<{ id: string }>(
    tx,
    sql`SELECT id::text AS id FROM outreach_sets WHERE practice_id = ${practiceId}::uuid
      AND client_id = ${clientId}::uuid AND status IN ('active','will_fail') ORDER BY id`,
  );
  if (sets.length > 0)
    await repredictSets(
      tx,
      practiceId,
      sets.map((s) => s.id),
      now,
    );
};
