import type pg from "pg";
import type { Database } from "../database";
import { JOBS_CHANNEL } from "./job-queue";

/** How long after a lost LISTEN connection the subscription is opened again (polling covers the gap). */
export const RELISTEN_MS = 1_000;

/**
 * Calls `onJob` when a job is enqueued (NOTIFY from the enqueueing transaction), so idle workers start within
 * milliseconds instead of waiting for the next poll. Polling remains the fallback.
 *
 * On PostgreSQL the LISTEN connection stays checked out of the pool for the worker's life. When the server
 * closes it (a restart, a failover, an administrator ending sessions) the connection is discarded and LISTEN
 * is issued again on a new one after `relistenMs`, retrying until it succeeds or the subscription is closed:
 * the worker neither crashes nor stays deaf to wakeups.
 */
export const subscribeToJobs = async (
  database: Database,
  onJob: () => void,
  relistenMs = RELISTEN_MS,
): Promise<() => Promise<void>> => {
  if (database.native.pglite) {
    const unsubscribe = await database.native.pglite.listen(JOBS_CHANNEL, onJob);
    return unsubscribe;
  }
  const pool = database.native.pool;
  if (!pool) return async () => undefined;
  // "starting" until the first LISTEN succeeds (a failure then is the caller's), "closed" once unsubscribed.
  let state: "starting" | "active" | "closed" = "starting";
  let current: pg.PoolClient | undefined;
  let retry: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (state === "active" && retry === undefined) retry = setTimeout(relisten, relistenMs);
  };

  const listen = async (): Promise<void> => {
    const client = await pool.connect();
    let released = false;
    const lost = (err: Error) => {
      if (released) return;
      released = true;
      client.off("notification", onJob);
      client.release(err); // an error destroys the connection instead of returning it to the pool
      if (current === client) current = undefined;
      schedule();
    };
    client.on("error", lost);
    client.on("notification", onJob);
    try {
      await client.query(`LISTEN ${JOBS_CHANNEL}`);
    } catch (e) {
      lost(e as Error);
      throw e;
    }
    if (state === "closed") {
      released = true;
      client.off("notification", onJob);
      client.release(true);
      return;
    }
    current = client;
  };
  function relisten(): void {
    retry = undefined;
    listen().catch(schedule);
  }

  await listen();
  state = "active";
  return async () => {
    state = "closed";
    if (retry !== undefined) clearTimeout(retry);
    const client = current;
    current = undefined;
    if (client === undefined) return;
    client.off("notification", onJob);
    await client.query(`UNLISTEN ${JOBS_CHANNEL}`).catch(() => undefined);
    client.release();
  };
};
