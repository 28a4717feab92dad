import { describe, expect, it } from "vitest";
import { isValidTimeZone } from "./time-zone";

describe("isValidTimeZone", () => {
  it.each([
    "America/Chicago",
    "America/New_York",
    "America/Phoenix",
    "Pacific/Honolulu",
    "America/Anchorage",
    "Etc/UTC",
  ])("accepts the IANA zone %s", (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });

  it.each([
    "",
    "CST",
    "EST",
    "PST8PDT",
    "UTC",
    "+05:00",
    "UTC-6",
    "GMT-6",
    "Mars/Olympus",
    "America/Springfield",
    "America/",
  ])("refuses %s (abbreviations, offsets and names that are not zones)", (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});
