/**
 * What a reader must not skip or guess: content after a segment's last element, codes outside a list the guide
 * closes, and amounts it cannot read — each named precisely, strict and lenient.
 */
import { describe, expect, it } from "vitest";
import { parse835, parse999, type X12Error } from "../src/index.js";
import { envelope, thrown } from "./helpers/samples.js";

const HEADER = [
  "BPR*I*100*C*CHK************20260105",
  "TRN*1*CHK1*1512345678",
  "N1*PR*PAYER",
  "N1*PE*CLINIC*XX*1234567893",
  "LX*1",
];

/** One claim: charge 200, paid 100, and the given adjustment segments (plus an optional PLB). */
const remittance = (claim: string[], plb: string[] = []) =>
  envelope([...HEADER, "CLP*P1*1*200*100**12*ICN1", ...claim, ...plb]);

const lenient = (text: string) => {
  const warnings: X12Error[] = [];
  const [r] = parse835(text, { strict: false, onWarning: (w) => warnings.push(w) });
  return { r, warnings };
};

describe("content after a segment's last element", () => {
  // Seven triplets: the seventh (reason at CAS20) is beyond CAS19, the last element.
  const seven = "CAS*CO*45*10*1*A2*10*1*B6*10*1*B7*10*1*B8*10*1*B9*10*1*B10*40*1";

  it("refuses a seventh CAS triplet instead of dropping its amount", () => {
    expect(thrown(() => parse835(remittance([seven])))).toMatchObject({
      code: "BAD_ELEMENT",
      segmentId: "CAS",
      elementPosition: 20,
      expected: "nothing after CAS19",
      found: "B10",
    });
  });

  it("warns about it in lenient mode, keeping the six triplets the segment can hold", () => {
    const { r, warnings } = lenient(remittance([seven]));
    expect(warnings.map((w) => `${w.code} ${w.segmentId}${w.elementPosition}`)).toContain(
      "BAD_ELEMENT CAS20",
    );
    expect(r?.claims[0]?.adjustments).toHaveLength(6);
  });

  it("refuses a seventh PLB adjustment (PLB15) instead of leaving BPR02 to balance without it", () => {
    const plb = "PLB*1234567893*20251231*WO:A*1*WO:B*1*WO:C*1*WO:D*1*WO:E*1*WO:F*1*WO:G*100";
    expect(thrown(() => parse835(remittance(["CAS*CO*45*100"], [plb])))).toMatchObject({
      code: "BAD_ELEMENT",
      segmentId: "PLB",
      elementPosition: 15,
    });
  });

  it("tolerates trailing empty elements after the last one", () => {
    const text = envelope([...HEADER, "CLP*P1*1*200*100**12*ICN1***********", "CAS*CO*45*100"]);
    const [r] = parse835(text);
    expect(r?.claims[0]?.paidCents).toBe(10000);
  });
});

describe("codes from a closed list", () => {
  it("refuses a claim status code the 835 guide does not define", () => {
    const text = remittance(["CAS*CO*45*100"]).replace("CLP*P1*1*", "CLP*P1*99*");
    const e = thrown(() => parse835(text));
    expect(e).toMatchObject({ code: "BAD_ELEMENT", segmentId: "CLP", elementPosition: 2, found: "99" });
    expect((e as X12Error).expected).toContain("1, 2, 3, 4, 19");
  });

  it("refuses unknown IK501 and AK901 codes instead of reading them as rejected", () => {
    const opts = { st: "999", gs: "FA", version: "005010X231A1" };
    const ik5 = envelope(["AK1*HC*1", "AK2*837*1", "IK5*Q", "AK9*A*1*1*1"], opts);
    expect(thrown(() => parse999(ik5))).toMatchObject({
      code: "BAD_ELEMENT",
      segmentId: "IK5",
      elementPosition: 1,
    });
    const ak9 = envelope(["AK1*HC*1", "AK2*837*1", "IK5*A", "AK9*Z*1*1*1"], opts);
    expect(thrown(() => parse999(ak9))).toMatchObject({
      code: "BAD_ELEMENT",
      segmentId: "AK9",
      elementPosition: 1,
    });
    const [ack] = parse999(ak9, { strict: false });
    expect(ack?.warnings.map((w) => `${w.segmentId}${w.elementPosition}`)).toEqual(["AK91"]);
  });
});

describe("amounts it cannot read", () => {
  it("says what was expected once, without repeating what was found", () => {
    const e = thrown(() =>
      parse835(remittance(["CAS*CO*45*100"]).replace("CLP*P1*1*200*100", "CLP*P1*1*200*")),
    );
    expect(e).toMatchObject({
      code: "BAD_ELEMENT",
      segmentId: "CLP",
      elementPosition: 4,
      expected: "an amount",
    });
    expect((e as Error).message).not.toMatch(/found .*found/);
  });

  it("names size, not decimals, when an amount is too large", () => {
    const text = remittance(["CAS*CO*45*100"]).replace("CLP*P1*1*200*", "CLP*P1*1*99999999999999999999*");
    expect(thrown(() => parse835(text))).toMatchObject({
      elementPosition: 3,
      expected: expect.stringMatching(/^an amount of at most/),
    });
  });
});
