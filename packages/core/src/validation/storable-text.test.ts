import { describe, expect, it } from "vitest";
import { escapeUnstorable, findUnstorableText, unstorableCharacter } from "./storable-text";

describe("unstorableCharacter", () => {
  it.each([
    ["", null],
    ["Casey", null],
    ["José Muñoz", null],
    ["Ng 🌱", null],
    ["\ud83c\udf31", null],
  ])("stores %j", (text, expected) => {
    expect(unstorableCharacter(text)).toEqual(expected);
  });

  it.each([
    ["Ca\u0000sey", 2, "NUL character"],
    ["\u0000", 0, "NUL character"],
    ["Client\ud800", 6, "lone surrogate"],
    ["\ud800x", 0, "lone surrogate"],
    ["x\udc00", 1, "lone surrogate"],
    ["\udf31\ud83c", 0, "lone surrogate"],
    ["🌱\ud83c", 2, "lone surrogate"],
  ])("refuses %j at %i (%s)", (text, index, reason) => {
    expect(unstorableCharacter(text)).toEqual({ index, reason });
  });
});

describe("findUnstorableText", () => {
  it("walks objects and arrays and names the first bad string by its dotted path", () => {
    expect(findUnstorableText({ a: "ok", b: { c: ["x", "y\u0000"] } })).toEqual({
      path: "b.c.1",
      index: 1,
      reason: "NUL character",
    });
    expect(findUnstorableText(["fine", 1, null, true, { n: 2 }])).toBeNull();
    expect(findUnstorableText("\ud800")).toEqual({ path: "", index: 0, reason: "lone surrogate" });
  });

  it("checks keys too, and escapes them in the path", () => {
    expect(findUnstorableText({ ok: { "x\u0000": 1 } })).toEqual({
      path: "ok.x\\u0000",
      index: 1,
      reason: "NUL character",
    });
  });

  it("escapeUnstorable writes the bad characters as \\uXXXX and leaves pairs alone", () => {
    expect(escapeUnstorable("a\u0000b\ud800c🌱")).toBe("a\\u0000b\\ud800c🌱");
  });
});
