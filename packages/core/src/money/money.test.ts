import { describe, expect, it } from "vitest";
import { dollarsToCents, formatCents, isNonNegativeCents, isValidCents, sumCents } from "./money";

describe("cents", () => {
  it("is a safe integer, never fractional or a string", () => {
    for (const v of [0, 1, -1, 15000, Number.MAX_SAFE_INTEGER]) expect(isValidCents(v)).toBe(true);
    for (const v of [
      0.5,
      12.34,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.MAX_SAFE_INTEGER + 1,
      "100",
      null,
      undefined,
      10n,
    ]) {
      expect(isValidCents(v)).toBe(false);
    }
  });

  it("non-negative cents refuse negatives", () => {
    expect(isNonNegativeCents(0)).toBe(true);
    expect(isNonNegativeCents(1)).toBe(true);
    expect(isNonNegativeCents(-1)).toBe(false);
    expect(isNonNegativeCents(1.5)).toBe(false);
  });

  it("formats for people", () => {
    expect(formatCents(12345)).toBe("$123.45");
    expect(formatCents(-500)).toBe("-$5.00");
    expect(formatCents(5)).toBe("$0.05");
    expect(formatCents(0)).toBe("$0.00");
    expect(formatCents(100_000_000)).toBe("$1,000,000.00");
    expect(formatCents(-1)).toBe("-$0.01");
    expect(formatCents(2500, "CAD")).toBe("CAD 25.00");
  });

  it("sums exactly where floating-point dollars would drift", () => {
    const tenCents = Array.from({ length: 10 }, () => 10);
    expect(sumCents(tenCents)).toBe(100);
    expect(sumCents([])).toBe(0);
    expect(sumCents([15000, -2500, 1])).toBe(12501);
  });
});

describe("dollarsToCents", () => {
  it("reads dollars as typed, without floating point", () => {
    expect(dollarsToCents("12.5")).toBe(1250);
    expect(dollarsToCents(" 12.50 ")).toBe(1250);
    expect(dollarsToCents("$0.07")).toBe(7);
    expect(dollarsToCents("120")).toBe(12000);
  });
  it("refuses what is not an amount in dollars", () => {
    for (const bad of ["", "1.234", "-5", "1e3", "12,50", "abc"]) {
      expect(() => dollarsToCents(bad), bad).toThrow(expect.objectContaining({ code: "INVALID_AMOUNT" }));
    }
  });
});
