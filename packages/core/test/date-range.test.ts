import {
  isCalendarDate,
  isSupportedDate,
  isSupportedInstant,
  localDateAt,
  supportedDates,
  supportedInstants,
} from "@billcycle/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

/** Every zone the platform knows, plus the two furthest from UTC (Intl lists only canonical names). */
const zones = [...Intl.supportedValuesOf("timeZone"), "Etc/GMT+12", "Etc/GMT-14", "Pacific/Kiritimati"];
const WEST = "Etc/GMT+12"; // UTC−12
const EAST = "Pacific/Kiritimati"; // UTC+14 (in 2999 as today)
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);
/** What the API accepts as a date (schemas/common.ts checks the two in turn, for distinct messages). */
const isLocalDate = (d: string) => isCalendarDate(d) && isSupportedDate(d);

describe("supported dates", () => {
  it("are 1900-01-01 through 2999-12-31, bounds included", () => {
    expect(supportedDates).toEqual({ from: "1900-01-01", to: "2999-12-31" });
    for (const d of ["1900-01-01", "1900-01-02", "1961-11-23", "2026-03-03", "2999-12-30", "2999-12-31"]) {
      expect([d, isLocalDate(d)]).toEqual([d, true]);
    }
  });

  it("refuse real calendar dates outside the range: year 0000, year 9999 and a day past each bound", () => {
    for (const d of ["0000-01-01", "0001-01-01", "1000-06-15", "1899-12-31", "3000-01-01", "9999-12-31"]) {
      expect([d, isCalendarDate(d), isSupportedDate(d), isLocalDate(d)]).toEqual([d, true, false, false]);
    }
  });

  it("any calendar date of years 0000-9999 is accepted exactly when it lies within the range", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("0000-01-01T00:00:00Z"),
          max: new Date("9999-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        (at) => {
          const d = at.toISOString().slice(0, 10);
          expect(isLocalDate(d)).toBe(d >= "1900-01-01" && d <= "2999-12-31");
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("supported instants", () => {
  it("run from midnight of 1900-01-01 at UTC−12 to the last millisecond of 2999-12-31 at UTC+14", () => {
    expect(supportedInstants.from.toISOString()).toBe("1900-01-01T12:00:00.000Z");
    expect(supportedInstants.to.toISOString()).toBe("2999-12-31T09:59:59.999Z");
    expect(localDateAt(supportedInstants.from, WEST)).toBe("1900-01-01");
    expect(localDateAt(ms(supportedInstants.from, -1), WEST)).toBe("1899-12-31");
    expect(localDateAt(supportedInstants.to, EAST)).toBe("2999-12-31");
    expect(localDateAt(ms(supportedInstants.to, 1), EAST)).toBe("3000-01-01");
  });

  it("include both bounds and refuse a millisecond outside either, year 0, year 10000 and an invalid date", () => {
    expect(isSupportedInstant(supportedInstants.from)).toBe(true);
    expect(isSupportedInstant(supportedInstants.to)).toBe(true);
    expect(isSupportedInstant(new Date("2026-03-02T15:00:00Z"))).toBe(true);
    for (const at of [
      ms(supportedInstants.from, -1),
      ms(supportedInstants.to, 1),
      new Date("0000-01-01T10:00:00Z"),
      new Date("9999-12-31T23:30:00-12:00"), // 10000-01-01T11:30:00Z
      new Date("1900-01-01T00:00:00Z"),
      new Date("3000-01-01T00:00:00Z"),
      new Date(Number.NaN),
    ]) {
      expect([at.getTime(), isSupportedInstant(at)]).toEqual([at.getTime(), false]);
    }
  });

  it("are dated within the supported dates in every time zone, at both bounds", () => {
    for (const zone of zones) {
      expect([zone, isLocalDate(localDateAt(supportedInstants.from, zone))]).toEqual([zone, true]);
      expect([zone, isLocalDate(localDateAt(supportedInstants.to, zone))]).toEqual([zone, true]);
    }
  });

  it("any supported instant has a supported local date in any zone", () => {
    fc.assert(
      fc.property(
        fc.date({ min: supportedInstants.from, max: supportedInstants.to, noInvalidDate: true }),
        fc.constantFrom(...zones),
        (at, zone) => {
          expect(isSupportedInstant(at)).toBe(true);
          expect(isLocalDate(localDateAt(at, zone))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
