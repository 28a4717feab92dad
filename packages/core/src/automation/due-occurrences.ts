import { DateTime } from "luxon";
import type { LocalDate } from "../time/local-date";

export type Occurrence = { localDate: LocalDate; scheduledAt: Date };

/**
 * The instant of a run at `runTime` ("HH:MM", practice wall clock) on `localDate` in `zone`.
 * A time that does not exist (inside a spring-forward gap, e.g. 02:30) moves forward by the gap (03:30);
 * a time that happens twice (fall-back) is its first occurrence. Either way one instant per local date.
 */
export const occurrenceInstant = (localDate: LocalDate, runTime: string, zone: string): Date => {
  const [hour, minute] = runTime.split(":").map(Number);
  const day = DateTime.fromISO(localDate, { zone });
  return day.set({ hour: hour ?? 0, minute: minute ?? 0, second: 0, millisecond: 0 }).toJSDate();
};

/**
 * Every occurrence with `after < scheduledAt <= upTo`, oldest first. `isRunDay` narrows to some local dates
 * (monthly creation runs on the 1st). Keyed by local date, so a run happens at most once per date.
 */
export const dueOccurrences = (input: {
  zone: string;
  runTime: string;
  after: Date;
  upTo: Date;
  isRunDay?: (localDate: LocalDate) => boolean;
}): Occurrence[] => {
  const { zone, runTime, after, upTo } = input;
  if (upTo.getTime() <= after.getTime()) return [];
  const first = DateTime.fromJSDate(after, { zone }).startOf("day").minus({ days: 1 });
  const last = DateTime.fromJSDate(upTo, { zone }).startOf("day").plus({ days: 1 });
  const result: Occurrence[] = [];
  for (let d = first; d <= last; d = d.plus({ days: 1 })) {
    const localDate = d.toISODate() as LocalDate;
    if (input.isRunDay && !input.isRunDay(localDate)) continue;
    const scheduledAt = occurrenceInstant(localDate, runTime, zone);
    if (scheduledAt.getTime() > after.getTime() && scheduledAt.getTime() <= upTo.getTime()) {
      result.push({ localDate, scheduledAt });
    }
  }
  return result;
};

/** The first day of the month before `localDate`'s month, and its last day: the monthly run's range. */
export const previousMonthRange = (localDate: LocalDate): { from: LocalDate; to: LocalDate } => {
  const d = DateTime.fromISO(localDate, { zone: "UTC" }).startOf("month").minus({ months: 1 });
  return { from: d.toISODate() as LocalDate, to: d.endOf("month").toISODate() as LocalDate };
};

export const isFirstOfMonth = (localDate: LocalDate): boolean => localDate.endsWith("-01");
