import { type Database, expireAllLeases } from "@billcycle/db";

/**
 * How long a claimed job belongs to its worker (BILLCYCLE_JOB_LEASE_MS), read the same way by `billcycle start`
 * and `billcycle worker`; undefined keeps the worker's default (5 minutes).
 */
export const jobLeaseMsFromEnv = (env: NodeJS.ProcessEnv = process.env): number | undefined => {
  const raw = env.BILLCYCLE_JOB_LEASE_MS?.trim();
  if (!raw) return undefined;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 1000)
    throw new Error(
      `BILLCYCLE_JOB_LEASE_MS must be a whole number of milliseconds, at least 1000 (got "${raw}")`,
    );
  return ms;
};

/**
 * On the embedded database the data-directory lock proves this process is the only one: a job still leased was
 * leased by a process that died (kill -9, a crash, a power cut), so it is taken over at once rather than after
 * its lease runs out. Never on PostgreSQL, where other live workers may hold leases.
 */
export const takeOverEmbeddedLeases = async (
  database: Database,
  now: Date,
  log: (msg: string) => void,
): Promise<void> => {
  if (database.kind !== "pglite") return;
  const n = await expireAllLeases(database.db, now);
  if (n > 0) log(`${n} job(s) left running by a previous process: taken over now`);
};
