import type { Database } from "@billcycle/db";

/**
 * Sessions (or invoices) per transaction of a nightly run. PGlite is one session that runs each statement on the
 * event loop's thread: while a batch's transaction runs, every API query waits for it, so batches there are
 * small. 50 sessions take ~40 ms (p50; under 230 ms at the worst, at load 5 on 2 shared cores), where 100 took
 * ~90 ms and up to 470 ms. PostgreSQL serves the API on other connections, and larger batches are faster there.
 */
export const PGLITE_NIGHTLY_BATCH = 50;
export const nightlyBatchSize = (database: Database): number =>
  database.kind === "pglite" ? PGLITE_NIGHTLY_BATCH : 1000;

/** The longest pause between two batches on PGlite. */
const MAX_PAUSE_MS = 250;

/**
 * Lets API requests in between two batches of a run. PGlite answers without real I/O, so a run's promise chain
 * would otherwise never give the event loop back until the run ends; and an API request is a chain of several
 * queries (token, membership, the page) with HTTP work between them, each step needing the thread. So on PGlite
 * the run pauses as long as its last batch took (at most 250 ms): the thread is the API's at least half the
 * time, and a request waits about one batch. PostgreSQL serves the API on other connections: only a yield.
 */
export const letRequestsIn = async (database: Database, lastBatchMs: number): Promise<void> => {
  const pause = database.kind === "pglite" ? Math.min(MAX_PAUSE_MS, Math.max(1, Math.round(lastBatchMs))) : 0;
  await new Promise((resolve) => (pause ? setTimeout(resolve, pause) : setImmediate(resolve)));
};
