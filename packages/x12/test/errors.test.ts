import { describe, expect, it } from "vitest";
import {
  counterControlNumbers,
  parse835,
  parse837P,
  parse999,
  parseX12,
  SegmentScanner,
  write837P,
  X12Error,
  type X12ErrorCode,
} from "../src/index.js";
import { batch, claim } from "./helpers/claims.js";
import { envelope, thrown } from "./helpers/samples.js";

const ISA =
  "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260101*1200*^*00501*000000001*0*T*:~";
const HEADER835 = [
  "BPR*I*100*C*CHK************20260105",
  "TRN*1*CHK1*1512345678",
  "N1*PR*PAYER",
  "N1*PE*CLINIC*XX*1234567893",
];

/** One input per error code, with what the error must name. */
const CASES: Array<[X12ErrorCode, () => unknown, Record<string, unknown>]> = [
  ["NO_ISA", () => parseX12("Just some prose.\nNo interchange here.\n"), {}],
  [
    "BAD_ISA_LENGTH",
    () => parseX12(`${ISA.replace("RECEIVER       ", "RECEIVER")}GS*HP~`),
    { segmentId: "ISA", elementPosition: 8, expected: "15 characters" },
  ],
  ["BAD_DELIMITERS", () => parseX12(ISA.replace("*^*", "***")), { segmentId: "ISA", elementPosition: 11 }],
  ["NO_DELIMITERS", () => parse835("ST*835*0001~BPR*I~SE*3*0001~"), { segmentId: "ST", segmentNumber: 1 }],
  [
    "BAD_SEGMENT_ID",
    () => parseX12(`${ISA}GS*HP*A*B*20260101*1200*1*X*005010X221A1~bpr*1~`),
    { segmentNumber: 3 },
  ],
  [
    "SEGMENT_TOO_LONG",
    () => {
      const s = new SegmentScanner({ maxSegmentBytes: 64 });
      const sink = { segment: () => {} };
      s.push(`${ISA}GS*${"X".repeat(100)}`, sink);
    },
    { segmentNumber: 2 },
  ],
  [
    "BAD_ENCODING",
    () => parse835(Buffer.from(envelope(HEADER835).replace("N1*PR*PAYER", "N1*PR*PAYÑER"), "latin1")),
    { segmentId: "N1", segmentNumber: 6, found: "0xD1" },
  ],
  [
    "ENVELOPE_MISMATCH",
    () => parseX12(envelope(HEADER835).replace("GE*1*1~", "")),
    { segmentId: "IEA", expected: "GE before IEA" },
  ],
  [
    "CONTROL_NUMBER_MISMATCH",
    () => parseX12(envelope(HEADER835).replace("SE*6*0001", "SE*6*0002")),
    { segmentId: "SE", elementPosition: 2, expected: "0001", found: "0002" },
  ],
  [
    "SEGMENT_COUNT_MISMATCH",
    () => parseX12(envelope(HEADER835).replace("SE*6*", "SE*7*")),
    { segmentId: "SE", elementPosition: 1, expected: "6", found: "7" },
  ],
  [
    "TRANSACTION_COUNT_MISMATCH",
    () => parseX12(envelope(HEADER835).replace("GE*1*1", "GE*0*1")),
    { segmentId: "GE", elementPosition: 1 },
  ],
  [
    "GROUP_COUNT_MISMATCH",
    () => parseX12(envelope(HEADER835).replace("IEA*1*", "IEA*2*")),
    { segmentId: "IEA", elementPosition: 1 },
  ],
  [
    "UNEXPECTED_SEGMENT",
    () => parse835(envelope([...HEADER835, "HI*ABK:E119"])),
    { segmentId: "HI", segmentNumber: 8 },
  ],
  ["MISSING_SEGMENT", () => parse835(envelope(HEADER835.slice(1))), { segmentId: "TRN", expected: "BPR" }],
  [
    "BAD_ELEMENT",
    () => parse835(envelope([...HEADER835, "CLP*P1*1*ABC*0"])),
    { segmentId: "CLP", elementPosition: 3, found: "ABC", loop: "2100" },
  ],
  [
    "TRUNCATED",
    () => {
      const text = envelope(HEADER835);
      return parseX12(text.slice(0, text.indexOf("GE*")));
    },
    { expected: "GE", segmentId: "SE" },
  ],
  [
    "UNSUPPORTED_TRANSACTION",
    () => parse999(envelope(HEADER835)),
    { segmentId: "ST", expected: "999", found: "835" },
  ],
  [
    "UNSUPPORTED_VERSION",
    () => parse835(envelope(HEADER835, { version: "004010X091A1" })),
    { segmentId: "GS", elementPosition: 8, expected: "005010X221A1 or 005010X221", found: "004010X091A1" },
  ],
  [
    "INVALID_MODEL",
    () =>
      write837P(batch([claim("P", { placeOfService: "1" })]), { controlNumbers: counterControlNumbers() }),
    { path: "transactions[0].claims[0].placeOfService" },
  ],
];

describe("every error kind", () => {
  for (const [code, run, fields] of CASES) {
    it(`${code}: an X12Error naming where and what was expected`, () => {
      const err = thrown(run);
      expect(err).toBeInstanceOf(X12Error);
      expect(err).toMatchObject({ code, ...fields });
      const message = (err as X12Error).message;
      expect(message.startsWith(`${code}: `)).toBe(true);
      if ((err as X12Error).segmentNumber !== undefined)
        expect(message).toContain(`segment ${(err as X12Error).segmentNumber}`);
      if ((err as X12Error).expected !== undefined) expect(message).toContain("expected");
    });
  }

  it("covers the whole X12ErrorCode union", () => {
    const all: Record<X12ErrorCode, true> = {
      NO_ISA: true,
      BAD_ISA_LENGTH: true,
      BAD_DELIMITERS: true,
      NO_DELIMITERS: true,
      BAD_SEGMENT_ID: true,
      SEGMENT_TOO_LONG: true,
      BAD_ENCODING: true,
      ENVELOPE_MISMATCH: true,
      CONTROL_NUMBER_MISMATCH: true,
      SEGMENT_COUNT_MISMATCH: true,
      TRANSACTION_COUNT_MISMATCH: true,
      GROUP_COUNT_MISMATCH: true,
      UNEXPECTED_SEGMENT: true,
      MISSING_SEGMENT: true,
      BAD_ELEMENT: true,
      TRUNCATED: true,
      UNSUPPORTED_TRANSACTION: true,
      UNSUPPORTED_VERSION: true,
      INVALID_MODEL: true,
    };
    expect(CASES.map(([code]) => code).sort()).toEqual(Object.keys(all).sort());
  });

  it("formats element references as the guides do", () => {
    const err = thrown(() =>
      parse837P(
        envelope(["BHT*0019*00*1*20260101*1200*XX"], { st: "837", gs: "HC", version: "005010X222A1" }),
      ),
    );
    expect((err as X12Error).message).toContain("element BHT06");
    expect(err).toMatchObject({ code: "BAD_ELEMENT", found: "XX", expected: "CH or RP" });
  });
});
