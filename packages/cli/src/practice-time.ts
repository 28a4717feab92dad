import { type Database, tables } from "@billcycle/db";
import { eq } from "drizzle-orm";

/**
 * "2025-03-04 15:30 CST": an instant for a terminal, in a zone and labelled with it (sortable, unambiguous).
 * With "UTC" it reads "2025-03-04 21:30 UTC", for output that belongs to no practice.
 */
export const cliInstant = (at: Date | string | null | undefined, timeZone: string): string => {
  if (!at) return "—";
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const zone = timeZone === "UTC" ? "UTC" : part("timeZoneName");
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")} ${zone}`;
};

/** The practice's own zone, for printing its instants. */
export const practiceTimeZone = async (database: Database, practiceId: string): Promise<string> => {
  const [p] = await database.db
    .select({ timeZone: tables.practices.timeZone })
    .from(tables.practices)
    .where(eq(tables.practices.id, practiceId));
  return p?.timeZone ?? "UTC";
};
