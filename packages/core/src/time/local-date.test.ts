import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { addDays, isCalendarDate, localDateAt } from "./local-date";

/** An independent oracle: the platform's Intl calendar in the zone, formatted YYYY-MM-DD. */
const intlDate = (at: Date, zone: string): string =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(at);

describe("localDateAt", () => {
  it("an evening session in Chicago is dated the day before in UTC terms", () => {
    expect(localDateAt(new Date("2026-03-04T04:30:00Z"), "America/Chicago")).toBe("2026-03-03");
    expect(localDateAt(new Date("2026-03-04T06:00:00Z"), "America/Chicago")).toBe("2026-03-04");
  });

  it.each([
    // Spring forward in the US, 2026-03-08 02:00 local. Before it Chicago is UTC-6, after it UTC-5.
    ["2026-03-08T05:59:59Z", "America/Chicago", "2026-03-07"],
    ["2026-03-08T06:00:00Z", "America/Chicago", "2026-03-08"],
    ["2026-03-08T08:30:00Z", "America/Chicago", "2026-03-08"],
    ["2026-03-09T04:59:59Z", "America/Chicago", "2026-03-08"],
    ["2026-03-09T05:00:00Z", "America/Chicago", "2026-03-09"],
    // Fall back, 2026-11-01 02:00 local: midnight of Nov 1 is 05:00Z, midnight of Nov 2 is 06:00Z.
    ["2026-11-01T04:59:59Z", "America/Chicago", "2026-10-31"],
    ["2026-11-01T05:00:00Z", "America/Chicago", "2026-11-01"],
    ["2026-11-01T07:30:00Z", "America/Chicago", "2026-11-01"],
    ["2026-11-02T05:59:59Z", "America/Chicago", "2026-11-01"],
    ["2026-11-02T06:00:00Z", "America/Chicago", "2026-11-02"],
    // Arizona keeps UTC-7 all year.
    ["2026-03-08T06:59:59Z", "America/Phoenix", "2026-03-07"],
    ["2026-07-01T06:59:59Z", "America/Phoenix", "2026-06-30"],
    ["2026-07-01T07:00:00Z", "America/Phoenix", "2026-07-01"],
    // Far from UTC on both sides; year boundaries.
    ["2026-01-01T09:59:59Z", "Pacific/Honolulu", "2025-12-31"],
    ["2025-12-31T10:00:00Z", "Pacific/Kiritimati", "2026-01-01"],
    ["2024-02-29T23:30:00Z", "America/New_York", "2024-02-29"],
  ])("%s in %s is %s", (at, zone, expected) => {
    expect(localDateAt(new Date(at), zone)).toBe(expected);
  });

  it("matches the platform calendar for any instant in US zones", () => {
    const zones = [
      "America/Chicago",
      "America/New_York",
      "America/Denver",
      "America/Los_Angeles",
      "America/Phoenix",
      "America/Anchorage",
      "Pacific/Honolulu",
    ];
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("2000-01-01T00:00:00Z"),
          max: new Date("2040-12-31T23:59:59Z"),
          noInvalidDate: true,
        }),
        fc.constantFrom(...zones),
        (at, zone) => {
          expect(localDateAt(at, zone)).toBe(intlDate(at, zone));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("isCalendarDate", () => {
  it("accepts real calendar dates only", () => {
    for (const d of ["2026-03-03", "2024-02-29", "2000-02-29", "1999-12-31"])
      expect(isCalendarDate(d)).toBe(true);
    for (const d of [
      "2026-02-29",
      "1900-02-29",
      "2026-13-01",
      "2026-04-31",
      "2026-00-10",
      "2026-3-3",
      "2026-03-03T00:00:00Z",
      "03/03/2026",
      "",
    ]) {
      expect(isCalendarDate(d)).toBe(false);
    }
  });
});

describe("addDays", () => {
  const byLuxon = (date: string, days: number) =>
    DateTime.fromISO(date, { zone: "UTC" }).plus({ days }).toISODate();

  it("gives Luxon's calendar date for every day of 2023–2025 and offsets across month, year and leap days", () => {
    const offsets = [-800, -366, -365, -60, -29, -1, 0, 1, 28, 29, 30, 31, 59, 90, 180, 365, 366, 1461];
    let checked = 0;
    for (let t = Date.UTC(2023, 0, 1); t <= Date.UTC(2025, 11, 31); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      for (const days of offsets) {
        expect(addDays(date, days), `${date} ${days}`).toBe(byLuxon(date, days));
        checked++;
      }
    }
    expect(checked).toBe(1096 * offsets.length);
  });

  it("names the day after February in leap and common years, and century rules", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2100-02-28", 1)).toBe("2100-03-01");
    expect(addDays("2000-02-28", 1)).toBe("2000-02-29");
    expect(addDays("2026-12-31", 90)).toBe("2027-03-31");
  });

  it("answers as Luxon where Date.UTC would read the date otherwise", () => {
    for (const [date, days] of [
      ["0050-06-01", 10], // Date.UTC reads year 50 as 1950
      ["0999-12-31", 1],
      ["1000-01-01", -1],
      ["9999-12-31", 1], // past 9999 Luxon writes "+010000-01-01"
      ["2026-02-30", 1], // no such day
      ["2026-13-01", 1],
      ["26-01-01", 1],
    ] as const) {
      expect(addDays(date, days), `${date} ${days}`).toBe(byLuxon(date, days));
    }
  });
});
