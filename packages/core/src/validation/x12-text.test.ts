import { describe, expect, it } from "vitest";
import { isX12Text, toX12Text, unwritableCharacters } from "./x12-text";

describe("text for X12 files", () => {
  it.each([
    ["José Muñoz", "Jose Munoz"],
    ["Łukasz Żółć", "Lukasz Zolc"],
    ["Straße", "Strasse"],
    ["Ærøskøbing", "AEroskobing"],
    ["O’Brien – Jr.", "O'Brien - Jr."],
    ["Zoë Brontë-Ñandú", "Zoe Bronte-Nandu"],
    ["ﬁve ²", "five 2"],
    ["12 Oak Ave\nApt 3", "12 Oak Ave Apt 3"],
    ["Plain ASCII ~ stays", "Plain ASCII ~ stays"],
  ])("spells %j as %j, printable ASCII", (typed, written) => {
    expect(toX12Text(typed)).toBe(written);
    expect(isX12Text(toX12Text(typed))).toBe(true);
    expect(unwritableCharacters(typed)).toEqual([]);
  });

  it("keeps what has no Latin spelling, and names it once per character as typed", () => {
    expect(toX12Text("王小明")).toBe("王小明");
    expect(isX12Text(toX12Text("Kim 김민준"))).toBe(false);
    // The Hangul syllables themselves, not the jamo that decomposition makes of them.
    expect(unwritableCharacters("Kim 김민준 김")).toEqual(["김", "민", "준"]);
  });

  it("treats control characters and non-ASCII as not X12 text", () => {
    expect(isX12Text("A\u0007B")).toBe(false);
    expect(isX12Text("é")).toBe(false);
    expect(isX12Text("")).toBe(true);
  });
});
