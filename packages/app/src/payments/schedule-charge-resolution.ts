import { type Database, rowsOf } from "@billcycle/db";
import { sql } from "drizzle-orm";
import { enqueue } from "../jobs/job-contract";
import { resolveCardChargesJob } from "../jobs/resolve-card-charges-job";
import { DEFAULT_PENDING_AFTER_MS } from "./resolve-unknown-charges";

/** How often a practice's unknown charges are asked about, at most: one job per practice per this slot. */
export const CHARGE_RESOLUTION_EVERY_MS = 5 * 60_000;

/**
 * The clock's part of the janitor: every practice with a charge whose outcome is unknown (a timeout, a 5xx, a
 * dropped connection), or a pending one older than `pendingAfterMs` (its process died between the commit and
 * Stripe's answer), gets one resolve-card-charges job per 5-minute slot (a singleton key per practice and slot, so
 * workers ticking at once add one). The job asks Stripe, never charges again. Practices with nothing unresolved
 * get no job; the partial index card_charges_unresolved_idx keeps the look cheap.
 */
export const scheduleChargeResolution = async (
  database: Database,
  now: Date,
  { pendingAfterMs = DEFAULT_PENDING_AFTER_MS }: { pendingAfterMs?: number } = {},
): Promise<{ scheduled: number }> => {
  const stale = new Date(now.getTime() - pendingAfterMs);
  const practices = rowsOf<{ practice_id: string }>(
    await database.db.execute(sql`SELECT DISTINCT practice_id FROM card_charges
      WHERE status IN ('pending', 'unknown')
        AND (status = 'unknown' OR created_at <= ${stale.toISOString()}::timestamptz)`),
  );
  const slot = Math.floor(now.getTime() / CHARGE_RESOLUTION_EVERY_MS);
  let scheduled = 0;
  for (const { practice_id: practiceId } of practices) {
    const added = await enqueue(
      database.db,
      resolveCardChargesJob,
      { practiceId },
      { singletonKey: `resolve-charges:${practiceId}:${slot}`, runAt: now, maxAttempts: 1 },
      now,
    );
    if (added) scheduled++;
  }
  return { scheduled };
};
