import type { Database } from "../database";
import { JOBS_CHANNEL } from "./job-queue";

/**
 * Calls `onJob` when a job is enqueued (NOTIFY from the enqueueing transaction), so idle workers start within
 * milliseconds instead of waiting for the next poll. Polling remains the fallback.
 */
export const subscribeToJobs = async (
  database: Database,
  onJob: () => void,
): Promise<() => Promise<void>> => {
  if (database.native.pglite) {
    const unsubscribe = await database.native.pglite.listen(JOBS_CHANNEL, onJob);
    return unsubscribe;
  }
  const pool = database.native.pool;
  if (!pool) return async () => undefined;
  const client = await pool.connect();
  client.on("notification", onJob);
  await client.query(`LISTEN ${JOBS_CHANNEL}`);
  return async () => {
    client.off("notification", onJob);
    await client.query(`UNLISTEN ${JOBS_CHANNEL}`).catch(() => undefined);
    client.release();
  };
};
