/**
 * The tokenizer's answers do not depend on how the input is cut into chunks, lenient mode says what it
 * tolerated, and errors about the envelope or an unfinished segment still name the segment.
 */
import { describe, expect, it } from "vitest";
import { parseX12, type ReadOptions, readX12, type X12Error } from "../src/index.js";
import { envelope } from "./helpers/samples.js";

const TEXT = envelope(["BPR*I*100*C*CHK************20260105", "TRN*1*CHK1*1512345678"]);

/** The error (or "ok") of reading `text` whole, and streamed in chunks of `size` bytes. */
async function outcome(text: string, options: ReadOptions, size?: number): Promise<string> {
  try {
    if (size === undefined) parseX12(text, options);
    else {
      const bytes = Buffer.from(text);
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      for await (const _ of readX12(chunks, options));
    }
    return "ok";
  } catch (e) {
    const x = e as X12Error;
    return `${x.code} ${x.segmentId ?? "?"} ${x.segmentNumber ?? "?"}`;
  }
}

describe("limits hold however the input is chunked", () => {
  it("maxSegmentBytes refuses the same segment whole, in 7-byte chunks and in 64 KiB chunks", async () => {
    const options = { maxSegmentBytes: 30 };
    const answers = [
      await outcome(TEXT, options),
      await outcome(TEXT, options, 7),
      await outcome(TEXT, options, 65536),
    ];
    // GS (segment 2, 53 bytes) is the first segment longer than 30 bytes.
    expect(answers).toEqual(Array(3).fill("SEGMENT_TOO_LONG GS 2"));
    expect(await outcome(TEXT, { maxSegmentBytes: 60 })).toBe("ok");
  });

  it("maxPreambleBytes refuses the same prose whole and chunked", async () => {
    const text = `${"Remittance report for the clinic.\n".repeat(90)}${TEXT}`;
    const options = { maxPreambleBytes: 1000 };
    const answers = [
      await outcome(text, options),
      await outcome(text, options, 7),
      await outcome(text, options, 65536),
    ];
    expect(answers).toEqual(Array(3).fill("NO_ISA ? ?"));
    expect(await outcome(text, { maxPreambleBytes: 4000 })).toBe("ok");
  });
});

describe("what errors name", () => {
  it("a lenient read of an ISA of the wrong width warns BAD_ISA_LENGTH instead of passing silently", () => {
    const narrow = TEXT.replace("SENDER         ", "SENDER");
    const warnings: X12Error[] = [];
    const parsed = parseX12(narrow, { strict: false, onWarning: (w) => warnings.push(w) });
    expect(parsed.transactions).toHaveLength(1);
    expect(warnings.map((w) => `${w.code} ${w.segmentId}${w.elementPosition}`)).toEqual([
      "BAD_ISA_LENGTH ISA6",
    ]);
    expect(parsed.warnings.map((w) => w.code)).toEqual(["BAD_ISA_LENGTH"]);
  });

  it("ISA delimiters that collide are located in ISA", () => {
    // ISA16, the component separator, made the same as the element separator.
    const clash = TEXT.replace("*0*T*:~", "*0*T**~");
    expect(() => parseX12(clash)).toThrowError(
      expect.objectContaining({
        code: "BAD_DELIMITERS",
        segmentNumber: 1,
        segmentId: "ISA",
        elementPosition: 16,
      }),
    );
  });

  it("a last segment without terminator names its id", () => {
    const cut = TEXT.slice(0, TEXT.indexOf("IEA") + 8);
    const warnings: X12Error[] = [];
    parseX12(cut, { strict: false, onWarning: (w) => warnings.push(w) });
    expect(warnings.find((w) => w.code === "TRUNCATED")).toMatchObject({
      segmentId: "IEA",
      segmentNumber: 8,
    });
  });
});
