import type { Database } from "@billcycle/db";

/**
 * Sessions (or invoices) per transaction of a nightly run. PGlite is one session that runs each statement on the
 * event loop's thread: while a batch's transaction runs, every API query waits for it, so batches there are
 * small (100 sessions, ~30 ms on an idle machine). PostgreSQL serves the API on other connections, and larger batches are faster there.
 */
export const nightlyBatchSize = (database: Database): number => (database.kind === "pglite" ? 100 : 1000);

/** Rounds of letting queued queries go first, at most, between two batches (bounds the pause to ~0.1–0.5 s). */
const MAX_ROUNDS = 25;
/** A probe slower than this waited for someone else's query. */
const WAITED_MS = 2;

/**
 * Lets API requests in between two batches of a run. Yields to the event loop (PGlite answers without real I/O,
 * so a run's promise chain would otherwise never give it back), then on PGlite queues a trivial query behind
 * whatever the API has queued: an API request is a chain of queries (token, membership, the list), and each
 * round lets every waiting chain take one more step. It stops as soon as a round finds no one ahead, so an idle
 * API costs one round per batch. PostgreSQL serves the API on other connections: only the yield.
 */
export const letRequestsIn = async (database?: Database): Promise<void> => {
  await new Promise((resolve) => setImmediate(resolve));
  if (database?.kind !== "pglite") return;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const t0 = performance.now();
    await database.exec("SELECT 1");
    if (performance.now() - t0 < WAITED_MS) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
};
