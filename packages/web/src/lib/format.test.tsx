import { describe, expect, it } from "vitest";
import {
  addDays,
  centsToDollars,
  dollarsToCents,
  endOfDayIn,
  formatClockTime,
  formatDuration,
  formatInstant,
  formatLocalDate,
  formatTime,
  mondayOf,
  startOfDayIn,
  todayIn,
  words,
} from "./format";

describe("formatting", () => {
  it("reads dollars people type as integer cents, without floating point", () => {
    expect(dollarsToCents("12.5")).toBe(1250);
    expect(dollarsToCents("$1,200.07")).toBe(120007);
    expect(dollarsToCents("0.1")).toBe(10);
    expect(dollarsToCents(" ")).toBeNull();
    expect(dollarsToCents("12.345")).toBeNaN();
    expect(dollarsToCents("ten")).toBeNaN();
    expect(centsToDollars(1250)).toBe("12.50");
  });

  it("shows local dates as themselves and instants in the practice's zone", () => {
    const chicago = { timeZone: "America/Chicago", locale: "en-US" };
    expect(formatLocalDate("2025-03-09", chicago)).toBe("Sun, Mar 9, 2025");
    expect(formatInstant("2025-03-09T08:30:00Z", chicago)).toBe("Sun, Mar 9, 2025, 3:30 AM CDT");
    expect(formatInstant("2025-03-09T07:30:00Z", chicago)).toBe("Sun, Mar 9, 2025, 1:30 AM CST");
    expect(todayIn("America/Los_Angeles", new Date("2025-03-10T05:00:00Z"))).toBe("2025-03-09");
  });

  it("writes dates and times in the practice's locale, not the browser's", () => {
    const montreal = { timeZone: "America/Toronto", locale: "fr-CA" };
    const london = { timeZone: "Europe/London", locale: "en-GB" };
    expect(formatInstant("2025-03-09T18:30:00Z", montreal)).toContain("14 h 30");
    // Day before month, a 24-hour clock: the practice's way, whatever the browser's language.
    expect(formatLocalDate("2025-03-09", london)).toMatch(/^Sun,? 9 Mar 2025$/);
    expect(formatTime("2025-03-09T18:30:00Z", london)).toBe("18:30");
    expect(formatClockTime("23:00", { timeZone: "UTC", locale: "en-US" })).toBe("11:00 PM");
    expect(formatClockTime("23:00", london)).toBe("23:00");
  });

  it("turns a practice's calendar day into the instants it spans, across DST changes", () => {
    expect(startOfDayIn("2025-03-08", "America/Chicago")).toBe("2025-03-08T06:00:00.000Z");
    // The spring-forward day is 23 hours long; the fall-back day 25.
    expect(startOfDayIn("2025-03-09", "America/Chicago")).toBe("2025-03-09T06:00:00.000Z");
    expect(endOfDayIn("2025-03-09", "America/Chicago")).toBe("2025-03-10T04:59:59.999Z");
    expect(startOfDayIn("2025-11-02", "America/Chicago")).toBe("2025-11-02T05:00:00.000Z");
    expect(endOfDayIn("2025-11-02", "America/Chicago")).toBe("2025-11-03T05:59:59.999Z");
    expect(startOfDayIn("2025-07-01", "Asia/Kolkata")).toBe("2025-06-30T18:30:00.000Z");
    expect(startOfDayIn("2025-07-01", "UTC")).toBe("2025-07-01T00:00:00.000Z");
  });

  it("does calendar arithmetic on dates, across month ends and DST", () => {
    expect(addDays("2025-02-27", 2)).toBe("2025-03-01");
    expect(mondayOf("2025-03-09")).toBe("2025-03-03");
    expect(mondayOf("2025-03-10")).toBe("2025-03-10");
  });

  it("turns codes into words", () => {
    expect(words("late_cancel")).toBe("late cancel");
    expect(words("filesWaiting")).toBe("files waiting");
    expect(words("NOTE_NOT_SIGNED")).toBe("note not signed");
  });

  it("says durations and lateness in words", () => {
    expect(formatDuration(450)).toBe("450 ms");
    expect(formatDuration(1500)).toBe("1.5 s");
    expect(formatDuration(3 * 60_000 + 4000)).toBe("3m 4s");
    expect(formatDuration(26 * 3_600_000)).toBe("26h 0m");
    expect(formatDuration(null)).toBe("—");
  });
});
