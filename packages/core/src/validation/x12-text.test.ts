import { describe, expect, it } from "vitest";
import {
  decodeX12Bytes,
  describeCharacter,
  isX12Text,
  readInboundText,
  toX12Text,
  unwritableCharacters,
} from "./x12-text";

describe("text for X12 files", () => {
  it.each([
    ["José Muñoz", "Jose Munoz"],
    ["Łukasz Żółć", "Lukasz Zolc"],
    ["Straße", "Strasse"],
    ["Ærøskøbing", "AEroskobing"],
    ["O’Brien – Jr.", "O'Brien - Jr."],
    ["O´Brien", "O'Brien"],
    ["Kalanianaʻole Hwy", "Kalaniana'ole Hwy"],
    ["Col·legi", "Col.legi"],
    ["½ Main St", "1/2 Main St"],
    ["Zoë Brontë-Ñandú", "Zoe Bronte-Nandu"],
    ["ﬁve ²", "five 2"],
    ["Anne\u00adMarie\u200b Lee", "AnneMarie Lee"],
    ["12 Oak Ave \n Apt 3", "12 Oak Ave Apt 3"],
    ["Plain ASCII stays", "Plain ASCII stays"],
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

  it("reports the separators, and look-alikes that spelling would turn into them", () => {
    expect(unwritableCharacters("Suite 5*B ~ 6")).toEqual(["*", "~"]);
    // A full-width colon (typed on a CJK keyboard) decomposes to ":", the component separator.
    expect(toX12Text("Ste：5")).toBe("Ste:5");
    expect(unwritableCharacters("Ste：5")).toEqual(["："]);
  });

  it("never respells an identifier: any character outside printable ASCII is reported", () => {
    expect(unwritableCharacters("XØ123", false)).toEqual(["Ø"]);
    expect(unwritableCharacters("ABCß", false)).toEqual(["ß"]);
    expect(unwritableCharacters("M123-456", false)).toEqual([]);
    expect(unwritableCharacters("M1:23", false)).toEqual([":"]);
  });

  it("describes characters with their code point, invisible ones by code point alone", () => {
    expect(describeCharacter("王")).toBe("王 (U+738B)");
    expect(describeCharacter("\u200b")).toBe("U+200B");
    expect(describeCharacter("👍")).toBe("👍 (U+1F44D)");
  });

  it("treats control characters and non-ASCII as not X12 text", () => {
    expect(isX12Text("A\u0007B")).toBe(false);
    expect(isX12Text("é")).toBe(false);
    expect(isX12Text("")).toBe(true);
  });

  it("decodes a received file: UTF-8 when it is UTF-8 (without a byte-order mark), else Windows-1252", () => {
    const bytes = (...b: number[]) => Uint8Array.from(b);
    expect(decodeX12Bytes(bytes(0x41, 0xc3, 0x91, 0x7e))).toBe("AÑ~");
    expect(decodeX12Bytes(bytes(0xef, 0xbb, 0xbf, 0x49, 0x53, 0x41))).toBe("ISA");
    // 0xD1 is Ñ in Latin-1 and Windows-1252; 0x80-0x9F are € ’ “ ” … in Windows-1252, not control characters.
    expect(decodeX12Bytes(bytes(0x41, 0xd1, 0x80, 0x92, 0x93, 0x94, 0x85))).toBe("AÑ€’“”…");
    // The five bytes Windows-1252 leaves unused stay what Latin-1 makes of them.
    expect(decodeX12Bytes(bytes(0xd1, 0x81, 0x8d, 0x8f, 0x90, 0x9d))).toBe("Ñ\u0081\u008d\u008f\u0090\u009d");
    expect(decodeX12Bytes(bytes())).toBe("");
  });

  it("reads UTF-16 and UTF-32 files, with or without a byte-order mark, and refuses what holds NUL", () => {
    const x12 = "ISA*00*Ñ~GS*HP~";
    const utf16be = (t: string) => Buffer.from(t, "utf16le").swap16();
    const utf32 = (t: string, le: boolean) => {
      const points = [...t].map((c) => c.codePointAt(0) as number);
      const b = Buffer.alloc(points.length * 4);
      for (const [i, p] of points.entries()) {
        if (le) b.writeUInt32LE(p, i * 4);
        else b.writeUInt32BE(p, i * 4);
      }
      return b;
    };
    const cases: Array<[Uint8Array, string]> = [
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(x12, "utf16le")]), "utf-16le"],
      [Buffer.from(x12, "utf16le"), "utf-16le"],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(x12)]), "utf-16be"],
      [utf16be(x12), "utf-16be"],
      [Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32(x12, true)]), "utf-32le"],
      [utf32(x12, false), "utf-32be"],
    ];
    for (const [bytes, encoding] of cases) {
      expect(readInboundText(bytes)).toEqual({ ok: true, text: x12, encoding });
      expect(decodeX12Bytes(bytes)).toBe(x12);
    }
    expect(readInboundText(Buffer.from("ISA*00*\u0000~"))).toEqual({
      ok: false,
      code: "FILE_NOT_TEXT",
      reason: "the file holds a NUL character (at character 8): it is not a text X12 file",
    });
    // A byte-order mark followed by an odd byte count is not UTF-16.
    expect(readInboundText(Uint8Array.from([0xff, 0xfe, 0x49]))).toMatchObject({
      ok: false,
      code: "FILE_NOT_TEXT",
    });
    expect(readInboundText(Buffer.from("ISA*00*Ñ~"))).toEqual({
      ok: true,
      text: "ISA*00*Ñ~",
      encoding: "utf-8",
    });
  });
});
