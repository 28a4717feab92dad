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
