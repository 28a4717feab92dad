import { DateTime } from "luxon";
import type { LocalDate } from "../time/local-date";

/**
 * The date in a month on which superbills are created: the practice's day of month (1–31), or the month's last day
 * when the month is shorter (day 31 runs on April 30 and on February 28, or 29 in a leap year).
 */
export const superbillDateInMonth = (year: number, month: number, dayOfMonth: number): LocalDate => {
  const first = DateTime.fromObject({ year, month, day: 1 }, { zone: "UTC" });
  const day = Math.min(Math.max(1, Math.trunc(dayOfMonth)), first.daysInMonth ?? 28);
  return first.set({ day }).toISODate() ?? "";
};

/** Whether `today` (practice-local) is the month's superbill day. */
export const isSuperbillDay = (today: LocalDate, dayOfMonth: number): boolean => {
  const d = DateTime.fromISO(today, { zone: "UTC" });
  return superbillDateInMonth(d.year, d.month, dayOfMonth) === today;
};

/** A superbill created on `today` covers services up to the end of the previous month. */
export const superbillCoversThrough = (today: LocalDate): LocalDate =>
  DateTime.fromISO(today, { zone: "UTC" }).startOf("month").minus({ days: 1 }).toISODate() ?? "";
