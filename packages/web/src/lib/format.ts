import { formatCents } from "@billcycle/core";

export { formatCents };

/**
 * Where and how a practice reads its dates and times: its IANA zone and its BCP 47 locale. Every formatter below
 * takes it, so no screen shows an instant in the browser's zone or a date in the browser's language.
 */
export type PracticeDisplay = { timeZone: string; locale: string };

const instantParts: Intl.DateTimeFormatOptions = {
  weekday: "short",
  month: "short",
  day: "numeric",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
};

/** "Tue, Nov 25, 2025, 3:00 PM CST": an instant in the practice's zone and locale. */
export const formatInstant = (iso: string | null | undefined, display: PracticeDisplay): string => {
  if (!iso) return "—";
  return new Intl.DateTimeFormat(display.locale, { ...instantParts, timeZone: display.timeZone }).format(
    new Date(iso),
  );
};

/** "Nov 25, 2025": the practice-local date of an instant. */
export const formatInstantDate = (iso: string, display: PracticeDisplay): string =>
  new Intl.DateTimeFormat(display.locale, {
    timeZone: display.timeZone,
    month: "short",
    day: "numeric",
    year: "numeric",
  }).format(new Date(iso));

/** "3:00 PM": the time of day of an instant in the practice's zone and locale. */
export const formatTime = (iso: string, display: PracticeDisplay): string =>
  new Intl.DateTimeFormat(display.locale, {
    timeZone: display.timeZone,
    hour: "numeric",
    minute: "2-digit",
  }).format(new Date(iso));

/** "3:00 PM": a practice wall-clock time ("15:00", a run time) written the practice's way. */
export const formatClockTime = (hhmm: string, display: PracticeDisplay): string => {
  const [h, m] = hhmm.split(":").map(Number);
  if (h === undefined || m === undefined || Number.isNaN(h) || Number.isNaN(m)) return hhmm;
  return new Intl.DateTimeFormat(display.locale, {
    timeZone: "UTC",
    hour: "numeric",
    minute: "2-digit",
  }).format(new Date(Date.UTC(2000, 0, 1, h, m)));
};

/** "Tue, Nov 25, 2025": a practice-local calendar date (YYYY-MM-DD), shown as itself in every browser zone. */
export const formatLocalDate = (
  date: string | null | undefined,
  display: PracticeDisplay,
  style: "long" | "short" = "long",
): string => {
  if (!date) return "—";
  const d = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(
    display.locale,
    style === "long"
      ? { timeZone: "UTC", weekday: "short", month: "short", day: "numeric", year: "numeric" }
      : { timeZone: "UTC", month: "short", day: "numeric" },
  ).format(d);
};

/** Today's calendar date (YYYY-MM-DD) in a time zone. */
export const todayIn = (timeZone: string, now: Date = new Date()): string =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    now,
  );

/** Adds days to a calendar date (YYYY-MM-DD). */
export const addDays = (date: string, days: number): string => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** The Monday on or before a calendar date. */
export const mondayOf = (date: string): string => {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, weekday === 0 ? -6 : 1 - weekday);
};

/** "2h 5m", "40s", "1.2 s" — durations and lateness in words. */
export const formatDuration = (ms: number | null | undefined): string => {
  if (ms === null || ms === undefined) return "—";
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes}m ${Math.floor((ms % 60_000) / 1000)}s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h ${minutes % 60}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
};

/** Dollars typed by a person ("12.50", "$1,200") to integer cents; null when blank, NaN when not a number. */
export const dollarsToCents = (text: string): number | null => {
  const t = text.replace(/[$,\s]/g, "");
  if (t === "") return null;
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return Number.NaN;
  const [whole, frac = ""] = t.split(".");
  return Number(whole) * 100 + Number(frac.padEnd(2, "0"));
};

/** Cents to dollars for an input field: 1250 → "12.50". */
export const centsToDollars = (cents: number | null | undefined): string =>
  cents === null || cents === undefined ? "" : (cents / 100).toFixed(2);

/** Codes to words: "late_cancel" → "late cancel", "filesWaiting" → "files waiting". */
export const words = (code: string): string =>
  code
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replaceAll("_", " ")
    .toLowerCase();

/** How far `timeZone`'s wall clock is ahead of UTC at the instant `utcMs` (ms; negative west of Greenwich). */
const zoneOffsetAt = (utcMs: number, timeZone: string): number => {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(utcMs));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return wall - Math.floor(utcMs / 1000) * 1000;
};

/**
 * The instant a calendar date (YYYY-MM-DD) begins in a time zone, as ISO: date filters on instants (created,
 * next send) mean the practice's days, not the browser's. Looked up twice so a DST change that day is right.
 */
export const startOfDayIn = (date: string, timeZone: string): string => {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  const first = midnightUtc - zoneOffsetAt(midnightUtc, timeZone);
  return new Date(midnightUtc - zoneOffsetAt(first, timeZone)).toISOString();
};

/** The last millisecond of a calendar date in a time zone, as ISO (an inclusive "to" bound). */
export const endOfDayIn = (date: string, timeZone: string): string =>
  new Date(Date.parse(startOfDayIn(addDays(date, 1), timeZone)) - 1).toISOString();
