import type { Database } from "@billcycle/db";

/**
 * Sessions (or invoices) per transaction of a nightly run. PGlite is one session that runs each statement on the
 * event loop's thread: while a batch's transaction runs, every API query waits for it, so batches there are
 * small. 50 sessions take ~40 ms (p50; under 230 ms at the worst, at load 5 on 2 shared cores), where 100 took
 * ~90 ms and up to 470 ms. It is where a PGlite run starts and the most it grows back to (batchSizer). PostgreSQL
 * serves the API on other connections, and larger batches are faster there.
 */
export const PGLITE_NIGHTLY_BATCH = 50;
export const nightlyBatchSize = (database: Database): number =>
  database.kind === "pglite" ? PGLITE_NIGHTLY_BATCH : 1000;

/**
 * How long one nightly batch's transaction should hold the PGlite session. At 50 sessions a batch takes 30–40 ms
 * on a small database, but the processing batch grew to 466 ms (p50) and 1.4 s at 100,000 invoices on a loaded
 * machine, and every API query waits that long: the size follows the time instead.
 */
export const PGLITE_BATCH_TARGET_MS = 120;

/**
 * The smallest adaptive batch. A batch's time is mostly fixed cost (PGlite plans every statement, and a loaded
 * machine gives the process a fraction of a core): at 30,000 invoices and load 28, batches of 10, 25 and 50 took
 * 325, 222 and 270 ms (p50), so a smaller batch would only cost throughput.
 */
export const PGLITE_MIN_BATCH = 25;

/**
 * The next batch's size from the last one's size and transaction time: in proportion to the target when the last
 * batch held the session longer (never below `min`), back up by a quarter when it took under half the
 * target (never above `max`), otherwise the same.
 */
export const nextBatchSize = (
  size: number,
  elapsedMs: number,
  max: number,
  targetMs: number = PGLITE_BATCH_TARGET_MS,
  min: number = PGLITE_MIN_BATCH,
): number => {
  if (elapsedMs > targetMs)
    return Math.max(min, Math.min(size - 1, Math.floor((size * targetMs) / elapsedMs)));
  if (elapsedMs < targetMs / 2) return Math.min(max, size + Math.ceil(size / 4));
  return size;
};

/** The batch size of one nightly run: `size` for the next batch, `record` after each batch's transaction. */
export type BatchSizer = { readonly size: number; record: (elapsedMs: number) => void };

/** A size that follows each batch's transaction time (nextBatchSize), from `start`, between `min` and `max`. */
export const adaptiveBatchSizer = (
  start: number,
  max: number,
  targetMs: number = PGLITE_BATCH_TARGET_MS,
  min: number = PGLITE_MIN_BATCH,
): BatchSizer => {
  let size = start;
  return {
    get size() {
      return size;
    },
    record: (elapsedMs) => {
      size = nextBatchSize(size, elapsedMs, max, targetMs, min);
    },
  };
};

/**
 * The sizer of a nightly run: the caller's (a number stays fixed), else on PGlite one that adapts to each batch's
 * transaction time from PGLITE_NIGHTLY_BATCH down, and PostgreSQL's fixed 1,000.
 */
export const batchSizer = (database: Database, chosen?: number | BatchSizer): BatchSizer => {
  if (typeof chosen === "object") return chosen;
  if (chosen !== undefined || database.kind !== "pglite")
    return { size: chosen ?? nightlyBatchSize(database), record: () => undefined };
  return adaptiveBatchSizer(PGLITE_NIGHTLY_BATCH, PGLITE_NIGHTLY_BATCH);
};

/** The longest pause between two batches on PGlite. */
const MAX_PAUSE_MS = 250;

/**
 * The longest a batch waits for API requests in flight to finish (so a stream of requests cannot stop a run).
 * Requests at 20/s take a few milliseconds each; the run gets in between them.
 */
const MAX_DEFER_MS = 2000;

/** API requests this process is answering, and what waits for there to be none. */
let requestsInFlight = 0;
let waitingForIdle: Array<() => void> = [];

/**
 * Marks an API request as in flight until the returned function is called (the server's first middleware). On
 * PGlite a nightly batch waits for the requests in flight to finish before it starts: a request is several queries
 * in a row (token, membership, the page, the audit row), and a batch that started between two of them made the
 * request wait a whole batch at each step. Now a request waits at most for the batch already running.
 */
export const beginRequest = (): (() => void) => {
  requestsInFlight++;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    requestsInFlight--;
    if (requestsInFlight > 0) return;
    const waiting = waitingForIdle;
    waitingForIdle = [];
    for (const resolve of waiting) resolve();
  };
};

/** Resolves when no API request is in flight, or after `maxMs`. */
const requestsIdle = (maxMs: number): Promise<void> =>
  requestsInFlight === 0
    ? Promise.resolve()
    : new Promise((resolve) => {
        const timer = setTimeout(resolve, maxMs);
        waitingForIdle.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });

/**
 * Lets timers and I/O run: a query sent goes out, an HTTP request to the embedded server is answered. PGlite
 * answers in microtasks, so work that only awaits it never gives the event loop a turn otherwise.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Lets API requests in between two batches of a run. PGlite answers without real I/O, so a run's promise chain
 * would otherwise never give the event loop back until the run ends; and an API request is a chain of several
 * queries (token, membership, the page) with HTTP work between them, each step needing the thread. So on PGlite
 * the run pauses as long as its last batch took (at most 250 ms), then waits until no request is in flight (at most
 * 2 s): the thread is the API's at least half the time, and a request waits at most the batch running when it came.
 * PostgreSQL serves the API on other connections: only a yield.
 */
export const letRequestsIn = async (database: Database, lastBatchMs: number): Promise<void> => {
  if (database.kind !== "pglite") {
    await yieldToEventLoop();
    return;
  }
  const pause = Math.min(MAX_PAUSE_MS, Math.max(1, Math.round(lastBatchMs)));
  await new Promise((resolve) => setTimeout(resolve, pause));
  await requestsIdle(MAX_DEFER_MS);
};
