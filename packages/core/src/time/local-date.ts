import { DateTime } from "luxon";

/** A calendar date without a zone, "YYYY-MM-DD": how dates of service are kept. */
export type LocalDate = string;

export const isLocalDate = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return DateTime.fromISO(value, { zone: "UTC" }).isValid;
};

/** The local date in `zone` at the instant `at`. */
export const localDateAt = (at: Date, zone: string): LocalDate =>
  DateTime.fromJSDate(at, { zone }).toISODate() as LocalDate;
