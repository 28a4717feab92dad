import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { dueOccurrences, isFirstOfMonth, occurrenceInstant, previousMonthRange } from "./due-occurrences";

const utc = (iso: string) => new Date(iso);
const localOf = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone }).toFormat("yyyy-LL-dd HH:mm ZZZZ");

describe("occurrences across DST in three time zones", () => {
  it("America/New_York spring forward: 02:30 runs once, at 03:30 EDT", () => {
    const occ = dueOccurrences({
      zone: "America/New_York",
      runTime: "02:30",
      after: utc("2026-03-07T00:00Z"),
      upTo: utc("2026-03-10T00:00Z"),
    });
    expect(occ.map((o) => o.localDate)).toEqual(["2026-03-07", "2026-03-08", "2026-03-09"]);
    expect(localOf(occ[1]!.scheduledAt, "America/New_York")).toBe("2026-03-08 03:30 EDT");
    expect(occ[1]!.scheduledAt.toISOString()).toBe("2026-03-08T07:30:00.000Z");
  });
  it("America/New_York fall back: 01:30 happens twice but runs once", () => {
    const occ = dueOccurrences({
      zone: "America/New_York",
      runTime: "01:30",
      after: utc("2026-10-31T12:00Z"),
      upTo: utc("2026-11-02T12:00Z"),
    });
    expect(occ.map((o) => o.localDate)).toEqual(["2026-11-01", "2026-11-02"]);
    // 23 hours then 25: the repeated hour's first occurrence, 01:30 EDT.
    expect(occ[0]!.scheduledAt.toISOString()).toBe("2026-11-01T05:30:00.000Z");
  });
  it("Europe/Berlin: 02:30 on the spring-forward night runs at 03:30 CEST; the fall-back night once", () => {
    const spring = dueOccurrences({
      zone: "Europe/Berlin",
      runTime: "02:30",
      after: utc("2026-03-28T12:00Z"),
      upTo: utc("2026-03-30T12:00Z"),
    });
    expect(spring.map((o) => localOf(o.scheduledAt, "Europe/Berlin"))).toEqual([
      "2026-03-29 03:30 GMT+2",
      "2026-03-30 02:30 GMT+2",
    ]);
    const fall = dueOccurrences({
      zone: "Europe/Berlin",
      runTime: "02:30",
      after: utc("2026-10-24T12:00Z"),
      upTo: utc("2026-10-26T12:00Z"),
    });
    expect(fall).toHaveLength(2);
    expect(fall.map((o) => o.localDate)).toEqual(["2026-10-25", "2026-10-26"]);
  });
  it("Australia/Sydney (southern hemisphere): April fall-back and October spring-forward", () => {
    const april = dueOccurrences({
      zone: "Australia/Sydney",
      runTime: "02:30",
      after: utc("2026-04-03T12:00Z"),
      upTo: utc("2026-04-06T12:00Z"),
    });
    expect(april.map((o) => o.localDate)).toEqual(["2026-04-04", "2026-04-05", "2026-04-06"]);
    const october = dueOccurrences({
      zone: "Australia/Sydney",
      runTime: "02:30",
      after: utc("2026-10-02T12:00Z"),
      upTo: utc("2026-10-05T12:00Z"),
    });
    expect(october.map((o) => o.localDate)).toEqual(["2026-10-03", "2026-10-04", "2026-10-05"]);
    expect(localOf(october[1]!.scheduledAt, "Australia/Sydney")).toBe("2026-10-04 03:30 GMT+11");
  });
  it("a run at 23:00 across a month end lands on each local date once", () => {
    const occ = dueOccurrences({
      zone: "America/Chicago",
      runTime: "23:00",
      after: utc("2026-01-30T12:00Z"),
      upTo: utc("2026-02-02T12:00Z"),
    });
    expect(occ.map((o) => o.localDate)).toEqual(["2026-01-30", "2026-01-31", "2026-02-01"]);
    // 23:00 CST is 05:00 UTC the next day: the local date, not the UTC date, is the key.
    expect(occ[1]!.scheduledAt.toISOString()).toBe("2026-02-01T05:00:00.000Z");
  });
  it("monthly runs are on the 1st only, covering the whole previous month (leap years included)", () => {
    const occ = dueOccurrences({
      zone: "Australia/Sydney",
      runTime: "00:30",
      after: utc("2028-01-15T00:00Z"),
      upTo: utc("2028-04-15T00:00Z"),
      isRunDay: isFirstOfMonth,
    });
    expect(occ.map((o) => o.localDate)).toEqual(["2028-02-01", "2028-03-01", "2028-04-01"]);
    expect(previousMonthRange("2028-03-01")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(previousMonthRange("2026-03-01")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(previousMonthRange("2026-01-01")).toEqual({ from: "2025-12-01", to: "2025-12-31" });
  });
  it("the window is half-open: an occurrence exactly at `after` is not due again", () => {
    const at = occurrenceInstant("2026-03-04", "23:00", "America/Chicago");
    expect(
      dueOccurrences({
        zone: "America/Chicago",
        runTime: "23:00",
        after: at,
        upTo: new Date(at.getTime() + 3600_000),
      }),
    ).toEqual([]);
    expect(
      dueOccurrences({
        zone: "America/Chicago",
        runTime: "23:00",
        after: new Date(at.getTime() - 1),
        upTo: at,
      }),
    ).toHaveLength(1);
  });
});
