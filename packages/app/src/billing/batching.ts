import type { Database } from "@billcycle/db";

/**
 * Sessions (or invoices) per transaction of a nightly run. PGlite is one session that runs each statement on the
 * event loop's thread: while a batch's transaction runs, every API query waits for it, so batches there are
 * small enough (~0.1 s) to keep the API's p99 low during a run. PostgreSQL serves the API on other connections,
 * and larger batches are faster there.
 */
export const nightlyBatchSize = (database: Database): number => (database.kind === "pglite" ? 250 : 1000);

/**
 * Lets timers and I/O (an HTTP request arriving, its queries) run between batches. PGlite answers without real
 * I/O, so a run's promise chain would otherwise never give the event loop back until the run ends.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
