import { describe, expect, it } from "vitest";
import { canonicalLocale } from "./locale";

describe("canonicalLocale", () => {
  it("gives the canonical BCP 47 tag of a locale the formatter knows", () => {
    expect(canonicalLocale("en-us")).toBe("en-US");
    expect(canonicalLocale("de-DE")).toBe("de-DE");
    expect(canonicalLocale("fr-CA")).toBe("fr-CA");
  });

  it("refuses malformed tags and locales the formatter would silently replace", () => {
    for (const tag of ["", "en_US", "1234", "xx-ZZ", "English"]) expect(canonicalLocale(tag)).toBeNull();
  });
});
