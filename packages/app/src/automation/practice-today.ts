import { type LocalDate, localDateAt } from "@billcycle/core";
import { type Executor, tables } from "@billcycle/db";
import { eq } from "drizzle-orm";

/** The practice's IANA zone and its local date at `now`. */
export const practiceToday = async (
  tx: Executor,
  practiceId: string,
  now: Date,
): Promise<{ timeZone: string; today: LocalDate }> => {
  const [p] = await tx
    .select({ timeZone: tables.practices.timeZone })
    .from(tables.practices)
    .where(eq(tables.practices.id, practiceId));
  const timeZone = p?.timeZone ?? "UTC";
  return { timeZone, today: localDateAt(now, timeZone) };
};
