import { describe, expect, it } from "vitest";
import { type Ack999, parse999, read999, X12Error } from "../src/index.js";
import { envelope, itWithSamples, sample, thrown } from "./helpers/samples.js";

function one(input: string | Uint8Array, options = {}): Ack999 {
  const acks = parse999(input, options);
  expect(acks).toHaveLength(1);
  return acks[0] as Ack999;
}

const opts = { st: "999", gs: "FA", version: "005010X231A1" };

describe("999 reader", () => {
  itWithSamples(
    "reads the rejected sample: IK3 with its code text, IK5 R/5, AK9 R ('|' component separator)",
    () => {
      const ack = one(sample("999", "imsweb__x12_999_rejected.txt"));
      expect(ack.context.interchange?.componentSeparator).toBe("|");
      expect(ack.functionalGroup).toEqual({
        functionalIdCode: "HC",
        controlNumber: "28",
        version: "005010X223A2",
      });
      expect(ack.transactionSets).toEqual([
        {
          transactionSetId: "837",
          controlNumber: "0028",
          implementationReference: undefined,
          ack: { code: "R", text: "Rejected" },
          status: "rejected",
          errors: [{ code: "5", text: "One or More Segments in Error" }],
          segmentErrors: [
            {
              segmentId: "NM",
              position: 17,
              loopId: undefined,
              error: { code: "1", text: "Unrecognized segment ID" },
              contexts: [],
              elementErrors: [],
            },
          ],
        },
      ]);
      expect(ack.group).toEqual({
        ack: { code: "R", text: "Rejected" },
        status: "rejected",
        transactionSetsIncluded: 1,
        transactionSetsReceived: 1,
        transactionSetsAccepted: 0,
        errors: [],
      });
    },
  );

  itWithSamples("refuses the accepted sample in strict mode (IEA02 ≠ ISA13) and reads it leniently", () => {
    const text = sample("999", "imsweb__x12_999_accepted.txt");
    expect(thrown(() => parse999(text))).toMatchObject({
      code: "CONTROL_NUMBER_MISMATCH",
      segmentId: "IEA",
      elementPosition: 2,
      expected: "000000286",
      found: "000000001",
    });
    const ack = one(text, { strict: false });
    expect(ack.transactionSets[0]).toMatchObject({
      status: "accepted",
      ack: { code: "A", text: "Accepted" },
    });
    expect(ack.group.status).toBe("accepted");
    expect(ack.warnings.map((w) => w.code)).toEqual(["CONTROL_NUMBER_MISMATCH"]);
  });

  itWithSamples("reads the 999 shipped beside an 837P sample (named .997)", () => {
    const ack = one(sample("837p", "stupidedi__X222A1-commercial-health-insurance.edi.997"));
    expect(ack.transactionSets[0]).toMatchObject({
      transactionSetId: "837",
      controlNumber: "0021",
      status: "accepted",
    });
  });

  const multi = envelope(
    [
      "AK1*HC*17*005010X222A1",
      "AK2*837*0001*005010X222A1",
      "IK3*CLM*22*2300*8",
      "CTX*CLM01:PCN123",
      "IK4*5:3*1331*7*99",
      "CTX*SITUATIONAL TRIGGER*CLM*22*2300*5:3",
      "IK4*2*782*2",
      "IK3*NM1*30*2310B*I9",
      "IK5*R*5*I5",
      "AK2*837*0002*005010X222A1",
      "IK3*REF*12*2010AA*3",
      "IK5*E*I5",
      "AK2*837*0003*005010X222A1",
      "IK5*A",
      "AK9*P*3*3*2*5",
    ],
    opts,
  );

  it("reads every IK3/IK4 segment and element error, contexts and statuses", () => {
    const ack = one(multi);
    const [rejected, withErrors, accepted] = ack.transactionSets;
    expect(rejected?.status).toBe("rejected");
    expect(rejected?.errors).toEqual([
      { code: "5", text: "One or More Segments in Error" },
      { code: "I5", text: "Implementation One or More Segments in Error" },
    ]);
    expect(rejected?.segmentErrors).toHaveLength(2);
    expect(rejected?.segmentErrors[0]).toEqual({
      segmentId: "CLM",
      position: 22,
      loopId: "2300",
      error: { code: "8", text: "Segment Has Data Element Errors" },
      contexts: [{ name: "CLM01", reference: "PCN123" }],
      elementErrors: [
        {
          position: { element: 5, component: 3 },
          dataElementReference: "1331",
          error: { code: "7", text: "Invalid Code Value" },
          badData: "99",
          contexts: [
            {
              name: "SITUATIONAL TRIGGER",
              segmentId: "CLM",
              segmentPosition: 22,
              loopId: "2300",
              elementPosition: { element: 5, component: 3 },
            },
          ],
        },
        {
          position: { element: 2 },
          dataElementReference: "782",
          error: { code: "2", text: "Conditional Required Data Element Missing" },
          contexts: [],
        },
      ],
    });
    expect(rejected?.segmentErrors[1]?.error).toEqual({
      code: "I9",
      text: 'Implementation Dependent "Not Used" Segment Present',
    });
    expect(withErrors).toMatchObject({
      status: "acceptedWithErrors",
      ack: { text: "Accepted But Errors Were Noted" },
    });
    expect(withErrors?.segmentErrors[0]?.error?.text).toBe("Required Segment Missing");
    expect(accepted?.status).toBe("accepted");
    expect(ack.group).toMatchObject({
      status: "partiallyAccepted",
      ack: { code: "P", text: "Partially Accepted, At Least One Transaction Set Was Rejected" },
      transactionSetsAccepted: 2,
      errors: [{ code: "5", text: "Number of Included Transaction Sets Does Not Match Actual Count" }],
    });
  });

  it("streams acks from chunks", async () => {
    const acks: Ack999[] = [];
    for await (const a of read999([Buffer.from(multi.slice(0, 100)), Buffer.from(multi.slice(100))]))
      acks.push(a);
    expect(acks).toHaveLength(1);
    expect(acks[0]?.transactionSets).toHaveLength(3);
  });

  it("refuses structural errors precisely", () => {
    const noIk5 = multi.replace("IK5*A~", "");
    expect(thrown(() => parse999(noIk5))).toMatchObject({
      code: "MISSING_SEGMENT",
      segmentId: "AK9",
      expected: "IK5",
    });
    const ik4First = envelope(["AK1*HC*1", "AK2*837*1", "IK4*1**1", "IK5*R", "AK9*R*1*1*0"], opts);
    expect(thrown(() => parse999(ik4First))).toMatchObject({ code: "UNEXPECTED_SEGMENT", segmentId: "IK4" });
    const badPos = multi.replace("IK4*5:3*", "IK4*X:3*");
    expect(thrown(() => parse999(badPos))).toMatchObject({
      code: "BAD_ELEMENT",
      segmentId: "IK4",
      elementPosition: 1,
    });
    const noAk9 = envelope(["AK1*HC*1", "AK2*837*1", "IK5*A"], opts);
    expect(thrown(() => parse999(noAk9))).toMatchObject({
      code: "MISSING_SEGMENT",
      expected: "AK9",
      segmentId: "SE",
    });
    const e = thrown(() => parse999(envelope(["BPR*I"])));
    expect(e).toBeInstanceOf(X12Error);
    expect(e).toMatchObject({ code: "UNSUPPORTED_TRANSACTION", expected: "999", found: "835" });
  });
});
