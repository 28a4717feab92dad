import { DateTime } from "luxon";

/** A calendar date without a zone, "YYYY-MM-DD": how dates of service are kept. */
export type LocalDate = string;

/**
 * The calendar dates billcycle accepts from outside (API bodies and query strings, saved automation settings,
 * the CLI): 1900-01-01 through 2999-12-31, inclusive. One range for every date — dates of service, insurance
 * policy periods, automation start dates, list filters and dates of birth alike.
 *
 * Why: a date outside it is never a real billing date, and some cannot be stored or written at all — PostgreSQL
 * refuses "0000-01-01" (there is no year 0; SQLSTATE 22008), Luxon writes a date past 9999 as "+010000-01-01",
 * which PostgreSQL reads as a bad zone offset (22009), and the X12 837P writes dates as CCYYMMDD.
 * 1900 is below any living client's date of birth and any date of service or policy a practice still bills;
 * 2999 leaves centuries for far-future policy ends and filters ("to=2999-12-31" as "no end") while keeping
 * four-digit years. Dates are compared as strings: the fixed YYYY-MM-DD width orders them like the calendar.
 */
export const supportedDates = { from: "1900-01-01", to: "2999-12-31" } as const satisfies Record<
  string,
  LocalDate
>;

const HOUR = 3_600_000;
/** The westernmost and easternmost offsets any IANA zone uses (Etc/GMT+12 and Pacific/Kiritimati). */
const WESTMOST_OFFSET = -12 * HOUR;
const EASTMOST_OFFSET = 14 * HOUR;

/**
 * The instants billcycle accepts (appointment start and end times): exactly those whose local date lies within
 * {@link supportedDates} in every time zone, so any practice can date them, store the date in PostgreSQL and
 * bill it. From midnight of 1900-01-01 at UTC−12 (1900-01-01T12:00:00Z) to the last millisecond of 2999-12-31 at
 * UTC+14 (2999-12-31T09:59:59.999Z), inclusive.
 */
const FIRST_INSTANT = Date.parse(`${supportedDates.from}T00:00:00Z`) - WESTMOST_OFFSET;
const LAST_INSTANT = Date.parse(`${supportedDates.to}T00:00:00Z`) + 24 * HOUR - EASTMOST_OFFSET - 1;
export const supportedInstants: { readonly from: Date; readonly to: Date } = Object.freeze({
  from: new Date(FIRST_INSTANT),
  to: new Date(LAST_INSTANT),
});

/** A well-formed "YYYY-MM-DD" that names a real day of the (proleptic Gregorian) calendar, in any year. */
export const isCalendarDate = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return DateTime.fromISO(value, { zone: "UTC" }).isValid;
};

/** Whether a calendar date lies within {@link supportedDates}. */
export const isSupportedDate = (value: LocalDate): boolean =>
  value >= supportedDates.from && value <= supportedDates.to;

/** Whether an instant lies within {@link supportedInstants} (an invalid Date does not). */
export const isSupportedInstant = (at: Date): boolean => {
  const t = at.getTime();
  return t >= FIRST_INSTANT && t <= LAST_INSTANT;
};

/** The local date in `zone` at the instant `at`. */
export const localDateAt = (at: Date, zone: string): LocalDate =>
  DateTime.fromJSDate(at, { zone }).toISODate() as LocalDate;

/**
 * The calendar date `days` after (or before) `localDate`. Calendar days are UTC days, so Date.UTC does the sum (it
 * carries days into months and years); Luxon, ten times slower, for what Date.UTC would read otherwise (years
 * before 1000: it takes 0–99 as 1900–1999), a day the calendar does not have, and results past 9999. The claim
 * scrubber asks it once per claim, employer invoices for their due dates.
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
