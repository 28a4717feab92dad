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

/**
 * The calendar date `days` after (or before) `localDate`. Calendar days are UTC days, so Date.UTC does the sum (it
 * carries days into months and years); Luxon, ten times slower, for what Date.UTC would read otherwise (years
 * before 1000: it takes 0–99 as 1900–1999), a day the calendar does not have, and results past 9999. The scrubber
 * asks this once per claim.
 */
export const addDays = (localDate: LocalDate, days: number): LocalDate => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]) - 1, Number(m[3])] : [0, 0, 0];
  const day = new Date(Date.UTC(y, mo, d));
  const real = m !== null && y >= 1000 && day.getUTCMonth() === mo && day.getUTCDate() === d;
  const t = Date.UTC(y, mo, d + days);
  const year = new Date(t).getUTCFullYear();
  if (!real || !Number.isSafeInteger(days) || year < 1000 || year > 9999)
    return DateTime.fromISO(localDate, { zone: "UTC" }).plus({ days }).toISODate() as LocalDate;
  return new Date(t).toISOString().slice(0, 10);
};
