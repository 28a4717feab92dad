import { type Executor, rowsOf } from "@billcycle/db";
import { type SQL, sql } from "drizzle-orm";

/**
 * Reserves `count` consecutive numbers from a per-practice counter and returns the first. The counter row is
 * locked until the transaction ends, so numbers are unique and, when the transaction commits, gap-free.
 */
export const allocateNumbers = async (
  tx: Executor,
  practiceId: string,
  name: string,
  count: number,
  start = 1000,
): Promise<number> => {
  const result = await tx.execute(sql`
    INSERT INTO practice_counters (practice_id, name, value) VALUES (${practiceId}, ${name}, ${start - 1 + count})
    ON CONFLICT (practice_id, name) DO UPDATE SET value = practice_counters.value + ${count}
    RETURNING value`);
  const last = Number(rowsOf<{ value: string | number }>(result)[0]?.value);
  return last - count + 1;
};

/**
 * `allocateNumbers` on a session of the caller's own (`Database.withSession`, which takes SQL text: the values are
 * checked, then written in), committed at once: unique, not gap-free. For a run whose batches reserve numbers outside
 * their transactions: with the session taken before any batch, no batch ever waits for a pool connection while it
 * holds one.
 */
export const allocateNumbersOnSession = async (
  exec: (sqlText: string) => Promise<Array<Record<string, unknown>>>,
  practiceId: string,
  name: string,
  count: number,
  start = 1000,
): Promise<number> => {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(practiceId)) {
    throw new Error("allocateNumbersOnSession: practiceId is not a uuid");
  }
  if (!/^[a-z_]+$/.test(name) || !Number.isSafeInteger(count) || count < 1 || !Number.isSafeInteger(start)) {
    throw new Error("allocateNumbersOnSession: bad counter name, count or start");
  }
  const [row] = await exec(`
    INSERT INTO practice_counters (practice_id, name, value) VALUES ('${practiceId}', '${name}', ${start - 1 + count})
    ON CONFLICT (practice_id, name) DO UPDATE SET value = practice_counters.value + ${count}
    RETURNING value`);
  return Number(row?.value) - count + 1;
};

/**
 * The same reservation as a statement to embed in a larger one: `count` is an SQL expression, and when it is 0 no
 * counter row is touched. RETURNING the last number reserved.
 */
export const reserveNumbersStatement = (
  practiceId: string,
  name: string,
  count: SQL,
  start = 1000,
): SQL => sql`
  INSERT INTO practice_counters (practice_id, name, value)
  SELECT ${practiceId}::uuid, ${name}::text, ${start - 1}::bigint + c.n FROM (SELECT (${count})::bigint AS n) c
  WHERE c.n > 0
  ON CONFLICT (practice_id, name) DO UPDATE SET value = practice_counters.value + (excluded.value - ${start - 1}::bigint)
  RETURNING value`;
