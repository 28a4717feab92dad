import { enqueue, sendOutreachJob } from "@billcycle/app";
import { type Database, rowsOf } from "@billcycle/db";
import { sql } from "drizzle-orm";

/**
 * The clock's share of outreach: it only selects due work. Each practice with a set due now (or with a default
 * rule set, once an hour, to start sets after the practice's days outstanding) gets one send-outreach job, keyed by
 * practice and minute, so several workers ticking at once enqueue it once.
 */
export const tickOutreach = async (database: Database, now: Date): Promise<{ enqueued: number }> => {
  const minute = Math.floor(now.getTime() / 60_000);
  const rows = rowsOf<{ practice_id: string }>(
    await database.db.execute(sql`SELECT DISTINCT practice_id::text AS practice_id FROM outreach_sets
      WHERE status IN ('active','will_fail','failed') AND next_send_at <= ${now.toISOString()}::timestamptz
      UNION SELECT practice_id::text FROM outreach_rule_sets WHERE is_default AND ${minute % 60 === 0}`),
  );
  let enqueued = 0;
  for (const { practice_id } of rows) {
    const added = await enqueue(
      database.db,
      sendOutreachJob,
      { practiceId: practice_id },
      { singletonKey: `${sendOutreachJob.name}:${practice_id}:${minute}`, runAt: now },
      now,
    );
    if (added) enqueued++;
  }
  return { enqueued };
};
