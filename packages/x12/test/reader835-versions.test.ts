import { describe, expect, it } from "vitest";
import { parse835, read835All, type X12Error } from "../src/index.js";
import { envelope, thrown } from "./helpers/samples.js";

const BODY = [
  "BPR*I*100*C*CHK************20260105",
  "TRN*1*CHK1*1512345678",
  "N1*PR*PAYER",
  "N1*PE*CLINIC*XX*1234567893",
  "LX*1",
  "CLP*PCN1*1*100*100**12*PAYER1",
];

describe("835 versions", () => {
  it.each([
    ["004010X091A1", "a 4010 file"],
    ["005010X221Z9", "a made-up implementation"],
    ["005010X222A1", "an 837P implementation"],
  ])("refuses GS08 %s (%s) with UNSUPPORTED_VERSION, read whole or streamed", async (version) => {
    const input = envelope(BODY, { version });
    for (const error of [
      thrown(() => parse835(input)) as X12Error,
      (await read835All([input]).catch((e: unknown) => e)) as X12Error,
      thrown(() => parse835(input, { strict: false })) as X12Error,
    ]) {
      expect(error).toMatchObject({ code: "UNSUPPORTED_VERSION", segmentId: "GS", found: version });
    }
  });

  it("reads 005010X221A1 and 005010X221, and other versions when asked to", () => {
    for (const version of ["005010X221A1", "005010X221"]) {
      expect(parse835(envelope(BODY, { version }))[0]?.claims).toHaveLength(1);
    }
    const v4010 = envelope(BODY, { version: "004010X091A1" });
    expect(parse835(v4010, { versions: ["005010X221A1", "004010X091A1"] })[0]?.claims).toHaveLength(1);
    expect(parse835(v4010, { versions: "any" })[0]?.claims).toHaveLength(1);
  });
});
