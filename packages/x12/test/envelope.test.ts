import { describe, expect, it } from "vitest";
import { parseX12, readX12, X12Error } from "../src/index.js";
import { envelope, thrown } from "./helpers/samples.js";

const body = ["BPR*I*1*C*CHK", "TRN*1*2*3"];

function mutate(text: string, from: string, to: string): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

describe("envelope validation", () => {
  it("accepts a well-formed interchange and types its headers", () => {
    const { transactions } = parseX12(envelope(body));
    const ctx = transactions[0]?.context;
    expect(ctx?.interchange).toMatchObject({
      senderQualifier: "ZZ",
      senderId: "SENDER",
      receiverId: "RECEIVER",
      date: "2026-01-01",
      time: "1200",
      controlNumber: "000000001",
      usage: "T",
      repetitionSeparator: "^",
      componentSeparator: ":",
    });
    expect(ctx?.group).toMatchObject({ functionalIdCode: "HP", controlNumber: "1", date: "2026-01-01" });
    expect(ctx?.transaction).toEqual({
      id: "835",
      controlNumber: "0001",
      implementationReference: undefined,
    });
  });

  const cases: Array<[string, string, string, string, number, string]> = [
    ["SE01 count", "SE*4*0001", "SE*9*0001", "SEGMENT_COUNT_MISMATCH", 1, "4"],
    ["SE02 control number", "SE*4*0001", "SE*4*0002", "CONTROL_NUMBER_MISMATCH", 2, "0001"],
    ["GE01 count", "GE*1*1", "GE*2*1", "TRANSACTION_COUNT_MISMATCH", 1, "1"],
    ["GE02 control number", "GE*1*1", "GE*1*7", "CONTROL_NUMBER_MISMATCH", 2, "1"],
    ["IEA01 count", "IEA*1*000000001", "IEA*3*000000001", "GROUP_COUNT_MISMATCH", 1, "1"],
    ["IEA02 control number", "IEA*1*000000001", "IEA*1*000000002", "CONTROL_NUMBER_MISMATCH", 2, "000000001"],
  ];
  for (const [name, from, to, code, position, expected] of cases) {
    it(`refuses a wrong ${name} (strict) and warns (lenient)`, () => {
      const text = mutate(envelope(body), from, to);
      const err = thrown(() => parseX12(text));
      expect(err).toBeInstanceOf(X12Error);
      expect(err).toMatchObject({ code, elementPosition: position, expected, segmentId: to.split("*")[0] });
      const lenient = parseX12(text, { strict: false });
      expect(lenient.transactions).toHaveLength(1);
      expect(lenient.warnings.map((w) => w.code)).toEqual([code]);
    });
  }

  it("refuses unpaired envelopes", () => {
    const noGe = envelope(body).replace("GE*1*1~", "");
    expect(thrown(() => parseX12(noGe))).toMatchObject({ code: "ENVELOPE_MISMATCH", segmentId: "IEA" });
    const noSt = envelope(body).replace("ST*835*0001~", "");
    expect(thrown(() => parseX12(noSt))).toMatchObject({ code: "UNEXPECTED_SEGMENT", segmentId: "BPR" });
    const doubleGs = envelope(body).replace("ST*835", "GS*HP*A*B*20260101*1200*2*X*005010X221A1~ST*835");
    expect(thrown(() => parseX12(doubleGs))).toMatchObject({ code: "ENVELOPE_MISMATCH", segmentId: "GS" });
    const seOnly = envelope(body).replace("ST*835*0001~", "").replace("BPR*I*1*C*CHK~TRN*1*2*3~", "");
    expect(thrown(() => parseX12(seOnly))).toMatchObject({ code: "ENVELOPE_MISMATCH", segmentId: "SE" });
  });

  it("passes an interchange-level TA1 (after GE, or before GS) on as an envelope segment, and refuses one in a group", async () => {
    const ta1 = "TA1*000000905*030101*1253*A*000~";
    const afterGe = envelope(body).replace("GE*1*1~", `GE*1*1~${ta1}`);
    expect(parseX12(afterGe).transactions).toHaveLength(1);
    const beforeGs = envelope(body).replace("GS*HP", `${ta1}GS*HP`);
    expect(parseX12(beforeGs).transactions).toHaveLength(1);
    const envelopeIds: string[] = [];
    for await (const event of readX12([Buffer.from(afterGe)])) {
      if (event.type === "envelope") envelopeIds.push(event.segment.id);
    }
    expect(envelopeIds).toEqual(["ISA", "GS", "GE", "TA1", "IEA"]);
    const inGroup = envelope(body).replace("ST*835", `${ta1}ST*835`);
    expect(thrown(() => parseX12(inGroup))).toMatchObject({ code: "ENVELOPE_MISMATCH", segmentId: "TA1" });
    const inTransaction = envelope(body).replace("TRN*1*2*3~", `TRN*1*2*3~${ta1}`);
    expect(thrown(() => parseX12(inTransaction))).toMatchObject({
      code: "ENVELOPE_MISMATCH",
      segmentId: "TA1",
    });
  });

  it("refuses truncated input, naming the open envelope", () => {
    const full = envelope(body);
    const cut = full.slice(0, full.indexOf("SE*"));
    const err = thrown(() => parseX12(cut));
    expect(err).toMatchObject({ code: "TRUNCATED", expected: "SE" });
    expect(thrown(() => parseX12(full.slice(0, full.indexOf("IEA"))))).toMatchObject({
      code: "TRUNCATED",
      expected: "IEA",
    });
  });

  it("refuses data after IEA but accepts a second interchange", () => {
    const one = envelope(body);
    expect(parseX12(`${one}\n${one}`).transactions).toHaveLength(2);
    expect(thrown(() => parseX12(`${one}garbage`))).toMatchObject({ code: "UNEXPECTED_SEGMENT" });
  });

  it("validates envelope element values", () => {
    const badIsa13 = envelope(body).replace("*000000001*0*T", "*00000000X*0*T");
    expect(thrown(() => parseX12(badIsa13))).toMatchObject({
      code: "BAD_ELEMENT",
      segmentId: "ISA",
      elementPosition: 13,
    });
    const badGs04 = envelope(body).replace("20260101*1200*1", "20261301*1200*1");
    expect(thrown(() => parseX12(badGs04))).toMatchObject({
      code: "BAD_ELEMENT",
      segmentId: "GS",
      elementPosition: 4,
    });
  });

  it("validates ST/SE of envelope-less input", () => {
    const d = { element: "*", component: ":", repetition: "^", segment: "~" };
    expect(parseX12("ST*835*1*X~BPR*I~SE*3*1~", { delimiters: d }).transactions).toHaveLength(1);
    expect(thrown(() => parseX12("ST*835*1~BPR*I~SE*2*1~", { delimiters: d }))).toMatchObject({
      code: "SEGMENT_COUNT_MISMATCH",
    });
    expect(thrown(() => parseX12("ST*835*1~BPR*I~SE*3*1~GE*1*1~", { delimiters: d }))).toMatchObject({
      code: "UNEXPECTED_SEGMENT",
      segmentId: "GE",
    });
  });
});
