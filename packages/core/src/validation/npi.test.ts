import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidNpi, npiWithCheckDigit } from "./npi";

/**
 * The check digit as CMS describes it, written independently of the implementation: double every other
 * digit of the 9-digit stem starting from the rightmost, sum the digits of the products and the undoubled
 * digits, add 24 (the 80840 prefix), and take the distance to the next multiple of ten.
 */
const cmsCheckDigit = (stem: string): number => {
  let total = 24;
  [...stem].reverse().forEach((ch, i) => {
    const d = Number(ch);
    if (i % 2 === 0) {
      const doubled = d * 2;
      total += Math.floor(doubled / 10) + (doubled % 10);
    } else {
      total += d;
    }
  });
  return (10 - (total % 10)) % 10;
};

const stem = fc
  .tuple(fc.constantFrom("1", "2"), fc.stringMatching(/^\d{8}$/))
  .map(([first, rest]) => `${first}${rest}`);

describe("isValidNpi", () => {
  it("accepts the CMS example NPI and refuses it with any other check digit", () => {
    expect(isValidNpi("1234567893")).toBe(true);
    for (const d of "012456789") expect(isValidNpi(`123456789${d}`)).toBe(false);
  });

  it("refuses anything that is not ten digits starting with 1 or 2", () => {
    for (const bad of [
      "",
      "123456789",
      "12345678931",
      "0234567893",
      "3234567893",
      "12345678 3",
      "123456789A",
    ]) {
      expect(isValidNpi(bad)).toBe(false);
    }
    expect(isValidNpi(" 1234567893")).toBe(false);
    expect(isValidNpi("1234567893\n")).toBe(false);
  });

  it("agrees with the CMS check-digit procedure for every stem", () => {
    fc.assert(
      fc.property(stem, fc.integer({ min: 0, max: 9 }), (s, d) => {
        expect(isValidNpi(`${s}${d}`)).toBe(d === cmsCheckDigit(s));
      }),
      { numRuns: 500 },
    );
  });

  it("catches every single-digit typo in a valid NPI", () => {
    fc.assert(
      fc.property(stem, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (s, pos, delta) => {
        const valid = npiWithCheckDigit(s);
        const digits = [...valid];
        digits[pos] = String((Number(digits[pos]) + delta) % 10);
        const typo = digits.join("");
        // A typo in the first digit can leave [12]; everything else must fail the check digit.
        expect(isValidNpi(typo)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe("npiWithCheckDigit", () => {
  it("completes a stem to the valid NPI", () => {
    expect(npiWithCheckDigit("123456789")).toBe("1234567893");
    fc.assert(
      fc.property(stem, (s) => {
        const npi = npiWithCheckDigit(s);
        expect(npi.slice(0, 9)).toBe(s);
        expect(Number(npi[9])).toBe(cmsCheckDigit(s));
      }),
    );
  });

  it("refuses a stem that cannot become an NPI", () => {
    expect(() => npiWithCheckDigit("923456789")).toThrow(/no check digit/);
  });
});
