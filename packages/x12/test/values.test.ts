import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatCents,
  isoToX12Date,
  isX12Time,
  parseCents,
  parseX12DateOrRange,
  x12DateToIso,
} from "../src/index.js";

describe("money", () => {
  it("parses decimal strings digit by digit into cents", () => {
    expect(parseCents("0")).toBe(0);
    expect(parseCents("100")).toBe(10000);
    expect(parseCents("100.00")).toBe(10000);
    expect(parseCents("766.5")).toBe(76650);
    expect(parseCents(".75")).toBe(75);
    expect(parseCents("-1.27")).toBe(-127);
    expect(parseCents("-0")).toBe(0);
    expect(parseCents("211366.97")).toBe(21136697);
    expect(parseCents("0.29")).toBe(29); // 0.29 * 100 is 28.999999999999996 in floating point
    expect(parseCents("1.005")).toBeNaN();
    expect(parseCents("1.500")).toBe(150);
  });

  it("rejects non-amounts", () => {
    for (const bad of ["", "-", ".", "1,00", "1e3", "+1", " 1", "1.2.3", "0x10", "12a"]) {
      expect(parseCents(bad), bad).toBeNaN();
    }
  });

  it("rounds half away from zero only when asked", () => {
    expect(parseCents("1.005", "halfAwayFromZero")).toBe(101);
    expect(parseCents("-1.005", "halfAwayFromZero")).toBe(-101);
    expect(parseCents("1.0049", "halfAwayFromZero")).toBe(100);
    expect(parseCents("2.675", "halfAwayFromZero")).toBe(268);
  });

  it("formats cents as X12 decimals without trailing zeros", () => {
    expect(formatCents(0)).toBe("0");
    expect(formatCents(10000)).toBe("100");
    expect(formatCents(76650)).toBe("766.5");
    expect(formatCents(75)).toBe(".75");
    expect(formatCents(5)).toBe(".05");
    expect(formatCents(-127)).toBe("-1.27");
    expect(() => formatCents(1.5)).toThrow(RangeError);
  });

  it("round-trips every cent amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (cents) => parseCents(formatCents(cents)) === cents),
      { numRuns: 500 },
    );
  });
});

describe("dates", () => {
  it("converts CCYYMMDD to ISO and back, validating the calendar", () => {
    expect(x12DateToIso("20240229")).toBe("2024-02-29");
    expect(x12DateToIso("20230229")).toBeUndefined();
    expect(x12DateToIso("20241301")).toBeUndefined();
    expect(x12DateToIso("2024011")).toBeUndefined();
    expect(isoToX12Date("2024-01-31")).toBe("20240131");
    expect(isoToX12Date("2024-02-30")).toBeUndefined();
  });

  it("reads D8 and RD8 values", () => {
    expect(parseX12DateOrRange("D8", "20050314")).toEqual({ from: "2005-03-14" });
    expect(parseX12DateOrRange("RD8", "20050314-20050325")).toEqual({ from: "2005-03-14", to: "2005-03-25" });
    expect(parseX12DateOrRange("RD8", "20050325-20050314")).toBeUndefined();
    expect(parseX12DateOrRange("DT", "200503141200")).toBeUndefined();
  });

  it("validates times", () => {
    expect(isX12Time("1253")).toBe(true);
    expect(isX12Time("153830")).toBe(true);
    expect(isX12Time("09460000")).toBe(true);
    expect(isX12Time("2460")).toBe(false);
    expect(isX12Time("12")).toBe(false);
  });
});
