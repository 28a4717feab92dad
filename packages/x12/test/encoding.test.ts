import { describe, expect, it } from "vitest";
import { parse835, parseX12, read835All, type X12Error } from "../src/index.js";
import { envelope, thrown } from "./helpers/samples.js";

/** An 835 header whose payer name (N1*PR, segment 6) is `name`, as bytes. */
const HEADER = (name: string) => [
  "BPR*I*100*C*CHK************20260105",
  "TRN*1*CHK1*1512345678",
  `N1*PR*${name}`,
  "N1*PE*CLINIC*XX*1234567893",
];
const bytes = (name: Buffer | string): Buffer => {
  const [before, after] = envelope(HEADER("@@NAME@@")).split("@@NAME@@") as [string, string];
  return Buffer.concat([
    Buffer.from(before, "latin1"),
    typeof name === "string" ? Buffer.from(name, "utf8") : name,
    Buffer.from(after, "latin1"),
  ]);
};
const LATIN1_NAME = Buffer.from("PAYÑER", "latin1"); // Ñ is the single byte 0xD1: not UTF-8

/** The input cut into `size`-byte chunks, streamed. */
async function* chunks(input: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < input.length; at += size) yield input.subarray(at, at + size);
}

describe("text that is not valid UTF-8", () => {
  it("is BAD_ENCODING in strict mode, naming the segment, the byte and the way to read Latin-1", () => {
    const err = thrown(() => parse835(bytes(LATIN1_NAME))) as X12Error;
    expect(err).toMatchObject({
      code: "BAD_ENCODING",
      segmentId: "N1",
      segmentNumber: 6,
      found: "0xD1",
      byteOffset: bytes(LATIN1_NAME).indexOf("N1*PR*"),
    });
    expect(err.message).toContain("byte 9 of the segment is not valid UTF-8");
    expect(err.expected).toContain('{ encoding: "latin1" }');
  });

  it("is a warning in lenient mode, the text keeping U+FFFD; with encoding latin1 it reads as written", () => {
    const [lenient] = parse835(bytes(LATIN1_NAME), { strict: false });
    expect(lenient?.payer.name).toBe("PAY\uFFFDER");
    expect(lenient?.warnings.map((w) => `${w.code} ${w.segmentId} ${w.segmentNumber}`)).toEqual([
      "BAD_ENCODING N1 6",
    ]);
    const [latin1] = parse835(bytes(LATIN1_NAME), { encoding: "latin1" });
    expect(latin1?.payer.name).toBe("PAYÑER");
    expect(latin1?.warnings).toEqual([]);
  });

  it("leaves valid UTF-8 alone, U+FFFD written as such included", () => {
    for (const name of ["PAYÑER", "PAY\uFFFDER", "保险 PAYER"]) {
      const [r] = parse835(bytes(name));
      expect(r?.payer.name).toBe(name);
      expect(r?.warnings).toEqual([]);
    }
  });

  it("is found whatever the chunking, on the 835 fast path and the generic reader alike, and only once", async () => {
    for (const size of [1, 2, 3, 7, 64, 1 << 16]) {
      // A valid three-byte character cut by chunk boundaries is not a bad byte.
      const [ok] = await read835All(chunks(bytes("PAY€ER"), size));
      expect(ok?.payer.name, `chunk ${size}`).toBe("PAY€ER");
      expect(ok?.warnings, `chunk ${size}`).toEqual([]);
      const warnings: X12Error[] = [];
      const [r] = await read835All(chunks(bytes(LATIN1_NAME), size), {
        strict: false,
        onWarning: (w) => warnings.push(w),
      });
      expect(r?.payer.name).toBe("PAY\uFFFDER");
      expect(
        warnings.map((w) => w.code),
        `chunk ${size}`,
      ).toEqual(["BAD_ENCODING"]);
    }
    expect(thrown(() => parseX12(bytes(LATIN1_NAME)))).toMatchObject({
      code: "BAD_ENCODING",
      segmentNumber: 6,
    });
  });

  it("is found by the generic reader in a slice that also holds multi-byte text, in every segment that has it", () => {
    // é makes the slice's decoded length differ from its byte length: segments are then decoded one by one.
    const text = envelope([
      "BPR*I*100*C*CHK************20260105",
      "TRN*1*CHK1*1512345678",
      "N1*PR*CAFÉ",
      "N1*PE*@@BAD1@@*XX*1234567893",
      "REF*TJ*@@BAD2@@",
    ]);
    const [head, rest] = text.split("@@BAD1@@") as [string, string];
    const [middle, tail] = rest.split("@@BAD2@@") as [string, string];
    const input = Buffer.concat([
      Buffer.from(head, "utf8"),
      Buffer.from([0x43, 0xd1]),
      Buffer.from(middle, "utf8"),
      Buffer.from([0xff, 0x31]),
      Buffer.from(tail, "utf8"),
    ]);
    expect(thrown(() => parseX12(input))).toMatchObject({
      code: "BAD_ENCODING",
      segmentId: "N1",
      segmentNumber: 7,
    });
    const lenient = parseX12(input, { strict: false });
    expect(lenient.warnings.map((w) => `${w.code} ${w.segmentId} ${w.segmentNumber} ${w.found}`)).toEqual([
      "BAD_ENCODING N1 7 0xD1",
      "BAD_ENCODING REF 8 0xFF",
    ]);
    const [r] = parse835(input, { strict: false });
    expect(r?.payer.name).toBe("CAFÉ");
    expect(r?.warnings.map((w) => w.segmentNumber)).toEqual([7, 8]);
  });

  it.each([
    ["a lone continuation byte", [0x80], 0],
    ["an overlong encoding of '/'", [0xc0, 0xaf], 0],
    ["an overlong three-byte form", [0xe0, 0x80, 0xaf], 0],
    ["a UTF-16 surrogate", [0xed, 0xa0, 0x80], 0],
    ["a code point above U+10FFFF", [0xf4, 0x90, 0x80, 0x80], 0],
    ["a byte no UTF-8 uses", [0xff], 0],
    ["a sequence cut short before the next character", [0xe2, 0x82, 0x41], 0],
    ["a valid character, then a bad byte", [0xc3, 0xa9, 0xd1], 2],
    ["a sequence cut short by the end of the segment", [0x41, 0xe2, 0x82], 1],
  ])("refuses %s at the right byte", (_name, sequence, index) => {
    const name = Buffer.concat([Buffer.from("PAY"), Buffer.from(sequence)]);
    const err = thrown(() => parse835(bytes(name))) as X12Error;
    expect(err.code).toBe("BAD_ENCODING");
    expect(err.message).toContain(`byte ${6 + 3 + index} of the segment`);
    expect(err.found).toBe(`0x${(sequence[index] as number).toString(16).toUpperCase().padStart(2, "0")}`);
  });
});

describe("input that is UTF-16 or UTF-32 text", () => {
  const text = envelope(HEADER("PAYER"));
  const utf16le = Buffer.from(text, "utf16le");
  const cases: Array<[string, Buffer, string]> = [
    ["UTF-16LE with a byte-order mark", Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le]), "UTF-16LE"],
    ["UTF-16LE without one", utf16le, "UTF-16LE"],
    [
      "UTF-16BE with a byte-order mark",
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(utf16le).swap16()]),
      "UTF-16BE",
    ],
    ["UTF-16BE without one", Buffer.from(utf16le).swap16(), "UTF-16BE"],
  ];
  it.each(cases)(
    "%s is NO_ISA saying what it looks like, read whole or streamed",
    async (_, input, found) => {
      for (const error of [
        thrown(() => parse835(input)) as X12Error,
        (await read835All(chunks(input, 7)).catch((e: unknown) => e)) as X12Error,
      ]) {
        expect(error).toMatchObject({ code: "NO_ISA", found });
        expect(error.message).toContain(`looks like ${found} text`);
      }
    },
  );

  it("8-bit prose without ISA is still the plain NO_ISA", () => {
    const error = thrown(() =>
      parseX12("Just some prose.\nNo interchange here at all, in eight bits.\n"),
    ) as X12Error;
    expect(error).toMatchObject({ code: "NO_ISA", found: undefined });
  });
});
