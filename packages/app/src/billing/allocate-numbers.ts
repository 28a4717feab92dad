import { type Executor, rowsOf } from "@billcycle/db";
import { sql } from "drizzle-orm";

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
