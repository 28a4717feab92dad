import { notFound, type OutreachChannel, type OutreachMessageStatus } from "@billcycle/core";
import { type Database, runPrepared } from "@billcycle/db";
import { sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { TenantActor } from "../resources/crud";
import { loadSetViews } from "./list-outreach-sets";
import type { OutreachSetView } from "./outreach-schemas";

type EventRow = {
  id: string;
  at: string | Date;
  kind: string;
  actor: string;
  actor_name: string | null;
  details: Record<string, unknown> | null;
  message_id: string | null;
  channel: OutreachChannel | null;
  status: OutreachMessageStatus | null;
  to_address: string | null;
  subject: string | null;
  body: string | null;
  failure_code: string | null;
  failure_message: string | null;
};

/**
 * The Invoice Timeline of one set, oldest first: every message (channel, text, delivery status), delivery report,
 * patient reply, payment and status change, with who or what did it and when. Audited as a read.
 */
export const getOutreachTimeline = async (
  database: Database,
  input: { actor: TenantActor; setId: string; now: Date },
) => {
  const { actor } = input;
  const [set] = await loadSetViews(database.db, actor.practiceId, [input.setId]);
  if (!set) throw notFound("Invoice set");
  const rows = await runPrepared<EventRow>(
    database.db,
    sql`SELECT e.id::text AS id, e.at, e.kind, e.actor, e.details,
        (SELECT u.name FROM users u JOIN memberships mb ON mb.user_id = u.id AND mb.practice_id = e.practice_id
          WHERE e.actor LIKE 'user:%' AND u.id::text = substr(e.actor, 6)) AS actor_name,
        e.message_id::text AS message_id, m.channel, m.status, m.to_address, m.subject, m.body, m.failure_code,
        m.failure_message
      FROM outreach_events e
        LEFT JOIN outreach_messages m ON m.practice_id = e.practice_id AND m.id = e.message_id
      WHERE e.practice_id = ${actor.practiceId}::uuid AND e.set_id = ${input.setId}::uuid
      ORDER BY e.at, e.seq`,
  );
  await recordAudit(database.db, actor, "read", "outreach_set", input.setId, input.now);
  return {
    set: set satisfies OutreachSetView,
    events: rows.map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      kind: r.kind,
      actor: r.actor,
      actorName: r.actor_name,
      details: r.details,
      message:
        r.message_id && r.channel && r.status
          ? {
              id: r.message_id,
              channel: r.channel,
              status: r.status,
              to: r.to_address,
              subject: r.subject,
              body: r.body ?? "",
              failureCode: r.failure_code,
              failureMessage: r.failure_message,
            }
          : null,
    })),
  };
};
