import { describe, expect, it } from "vitest";
import {
  CLAIM_STATUS_CATEGORY_CODES,
  CLAIM_STATUS_CODES,
  type ClaimAcknowledgment277,
  categoryDisposition,
  parse277CA,
  read277CA,
} from "../src/index.js";
import { envelope, itWithSamples, sample, thrown } from "./helpers/samples.js";

function one(input: string | Uint8Array, options = {}): ClaimAcknowledgment277 {
  const docs = parse277CA(input, options);
  expect(docs).toHaveLength(1);
  return docs[0] as ClaimAcknowledgment277;
}

describe("277CA reader", () => {
  itWithSamples("reads the accepted sample: file-level A1:20 and claim-level A2:20 with REF*1K", () => {
    const doc = one(sample("277ca", "imsweb__x12_277CA_accepted.txt"));
    expect(doc.header).toEqual({
      purposeCode: "08",
      referenceId: "000000674",
      date: "2011-03-11",
      time: "100831",
      transactionTypeCode: "TH",
    });
    const source = doc.sources[0];
    expect(source).toMatchObject({
      name: { entityCode: "PR", lastName: "NYSDOH" },
      transmissionReceiptId: "000014420",
      receivedDate: "2011-03-11",
      processDate: "2011-03-11",
    });
    const receiver = source?.receivers[0];
    expect(receiver).toMatchObject({
      name: { entityCode: "41", lastName: "A NY MD GROUP", id: "ETIN" },
      traceId: "000000674",
      acceptedQuantity: 1,
      acceptedAmountCents: 12500,
    });
    expect(receiver?.statuses[0]).toEqual({
      codes: [
        {
          category: { code: "A1", text: CLAIM_STATUS_CATEGORY_CODES.A1 },
          status: { code: "20", text: "Accepted for processing." },
        },
      ],
      date: "2011-03-11",
      actionCode: "WQ",
      chargeCents: 12500,
      disposition: "accepted",
    });
    expect(receiver?.providers[0]).toMatchObject({
      name: { entityCode: "85", id: "1234567890" },
      traceId: "1107000000000135FF",
    });
    expect(doc.claims).toHaveLength(1);
    expect(doc.claims[0]).toMatchObject({
      patientControlNumber: "5781",
      payerClaimControlNumber: "1107000000014420",
      disposition: "accepted",
      patient: { lastName: "TPATIENT", id: "LL99999X" },
      provider: { entityCode: "85", lastName: "OCTOR" },
      serviceDate: { from: "1001-01-01" },
    });
    expect(doc.claims[0]?.statuses[0]?.codes[0]?.category.code).toBe("A2");
  });

  itWithSamples("reads the rejected sample: A7:562:85 with texts ('|' components), REF*BLT", () => {
    const doc = one(sample("277ca", "imsweb__x12_277CA_rejected.txt"));
    const claim = doc.claims[0];
    expect(claim?.disposition).toBe("rejected");
    expect(claim?.statuses[0]?.codes).toEqual([
      {
        category: { code: "A7", text: CLAIM_STATUS_CATEGORY_CODES.A7 },
        status: { code: "562", text: "Entity's National Provider Identifier (NPI)." },
        entity: { code: "85", text: "Billing Provider" },
      },
    ]);
    expect(claim).toMatchObject({
      patientControlNumber: "3920394930203",
      payerClaimControlNumber: "1107000000001120",
      billType: "731",
    });
  });

  itWithSamples("reads business scenario 1: accepted and rejected claims, line-level SVC with STC10", () => {
    const doc = one(sample("277ca", "stupidedi__X214-business-scenario-1.edi"));
    expect(doc.sources[0]?.name).toMatchObject({ entityCode: "AY", lastName: "FIRST CLEARINGHOUSE" });
    const receiver = doc.sources[0]?.receivers[0];
    expect(receiver).toMatchObject({
      acceptedQuantity: 1,
      rejectedQuantity: 2,
      acceptedAmountCents: 20000,
      rejectedAmountCents: 80000,
    });
    expect(doc.claims.map((c) => [c.patientControlNumber, c.disposition])).toEqual([
      ["DOE01428", "accepted"],
      ["DOE0221", "rejected"],
      ["VEST0303", "rejected"],
    ]);
    const [, jane, helen] = doc.claims;
    expect(doc.claims[0]?.serviceDate).toEqual({ from: "2006-01-28", to: "2006-01-31" });
    expect(jane?.statuses[0]?.codes[0]).toMatchObject({
      status: { code: "21", text: "Missing or invalid information." },
      entity: { code: "82", text: "Rendering Provider" },
    });
    expect(jane?.lines).toHaveLength(1);
    const line = jane?.lines[0];
    expect(line).toMatchObject({
      procedure: { qualifier: "HC", code: "22305", modifiers: ["22"] },
      chargeCents: 35000,
      units: 1,
      lineControlNumber: "11",
    });
    expect(
      line?.statuses[0]?.codes.map((c) => `${c.category.code}:${c.status.code}:${c.entity?.code ?? ""}`),
    ).toEqual(["A3:122:", "A3:153:82"]);
    expect(line?.statuses[0]?.actionCode).toBe("U");
    expect(helen?.statuses[0]?.codes[0]?.status).toEqual({
      code: "401",
      text: "Source of payment is not valid",
    });
  });

  itWithSamples(
    "refuses scenario 2 strictly (SE02 00002 ≠ ST02 0002) and reads the file-level rejection leniently",
    () => {
      const text = sample("277ca", "stupidedi__X214-business-scenario-2.edi");
      expect(thrown(() => parse277CA(text))).toMatchObject({
        code: "CONTROL_NUMBER_MISMATCH",
        segmentId: "SE",
      });
      const doc = one(text, { strict: false });
      expect(doc.claims).toEqual([]);
      const receiver = doc.sources[0]?.receivers[0];
      expect(receiver?.statuses[0]).toMatchObject({
        disposition: "rejected",
        codes: [
          { category: { code: "A3" }, status: { code: "24" }, entity: { code: "41", text: "Submitter" } },
        ],
      });
      expect(receiver).toMatchObject({ rejectedQuantity: 3, rejectedAmountCents: 80000 });
    },
  );

  it("checks the HL chain", () => {
    const body = [
      "BHT*0085*08*B1*20260101*1200*TH",
      "HL*1**20*1",
      "NM1*PR*2*PAYER*****PI*P1",
      "HL*2*1*21*1",
      "NM1*41*2*SUBMITTER*****46*S1",
      "HL*3*2*19*1",
      "NM1*85*2*CLINIC*****XX*1234567893",
      "HL*4*3*PT",
      "NM1*QC*1*DOE*JANE",
      "TRN*2*PCN1",
      "STC*A2:20*20260101*WQ*100",
    ];
    const opts = { st: "277", gs: "HN", version: "005010X214" };
    expect(one(envelope(body, opts)).claims[0]?.patientControlNumber).toBe("PCN1");
    const badParent = envelope(
      body.map((s) => (s === "HL*4*3*PT" ? "HL*4*2*PT" : s)),
      opts,
    );
    expect(thrown(() => parse277CA(badParent))).toMatchObject({
      code: "BAD_ELEMENT",
      segmentId: "HL",
      elementPosition: 2,
    });
    const gap = envelope(
      body.map((s) => (s === "HL*4*3*PT" ? "HL*5*3*PT" : s)),
      opts,
    );
    expect(thrown(() => parse277CA(gap))).toMatchObject({
      code: "BAD_ELEMENT",
      elementPosition: 1,
      expected: "4",
    });
    const badLevel = envelope(
      body.map((s) => (s === "HL*4*3*PT" ? "HL*4*3*22" : s)),
      opts,
    );
    expect(thrown(() => parse277CA(badLevel))).toMatchObject({ code: "BAD_ELEMENT", elementPosition: 3 });
    expect(thrown(() => parse277CA(envelope(body.slice(1), opts)))).toMatchObject({
      code: "MISSING_SEGMENT",
      expected: "BHT",
    });
    expect(thrown(() => parse277CA(envelope([...body, "PLB*1"], opts)))).toMatchObject({
      code: "UNEXPECTED_SEGMENT",
    });
  });

  itWithSamples("streams documents", async () => {
    const docs: ClaimAcknowledgment277[] = [];
    for await (const d of read277CA(sample("277ca", "stupidedi__X214-business-scenario-1.edi"))) docs.push(d);
    expect(docs[0]?.claims).toHaveLength(3);
  });

  it("ships code tables for claim status categories and common status codes", () => {
    for (const code of ["A0", "A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "E0", "E1", "E2", "E3", "E4"]) {
      expect(CLAIM_STATUS_CATEGORY_CODES[code], code).toBeTypeOf("string");
    }
    for (const code of [
      "F0",
      "F1",
      "F2",
      "F3",
      "F4",
      "P0",
      "P1",
      "P2",
      "P3",
      "P4",
      "P5",
      "R0",
      "R1",
      "R3",
      "R16",
    ]) {
      expect(CLAIM_STATUS_CATEGORY_CODES[code], code).toBeTypeOf("string");
    }
    for (const code of [
      "0",
      "16",
      "19",
      "20",
      "21",
      "33",
      "116",
      "122",
      "145",
      "153",
      "187",
      "247",
      "401",
      "562",
    ]) {
      expect(CLAIM_STATUS_CODES[code], code).toBeTypeOf("string");
    }
    expect([
      categoryDisposition("A1"),
      categoryDisposition("A7"),
      categoryDisposition("P1"),
      categoryDisposition("F2"),
    ]).toEqual(["accepted", "rejected", "pending", "finalized"]);
  });
});
