import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCalendarDate, localDateAt } from "./local-date";

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
