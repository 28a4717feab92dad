import { expect, it } from "vitest";
import { parseX12 } from "../src/index.js";
import { describeWithSamples, sample, thrown } from "./helpers/samples.js";

describeWithSamples("*.997 acknowledgments beside the samples (tokenized and enveloped only)", () => {
  it("refuses the truncated .997 beside the 835 sample (it stops after AK1)", () => {
    const err = thrown(() =>
      parseX12(sample("835", "stupidedi__X221A1-dollars-and-data-sent-separate.edi.997")),
    );
    expect(err).toMatchObject({ code: "TRUNCATED", expected: "SE", segmentId: "AK1", segmentNumber: 4 });
  });

  it("tokenizes the .997 beside the 837P sample (a 999 in fact) with a valid envelope", () => {
    const parsed = parseX12(sample("837p", "stupidedi__X222A1-commercial-health-insurance.edi.997"));
    expect(parsed.transactions).toHaveLength(1);
    expect(parsed.transactions[0]?.context.transaction).toEqual({
      id: "999",
      controlNumber: "0001",
      implementationReference: "005010X231",
    });
    expect(parsed.transactions[0]?.segments.map((s) => s.id)).toEqual([
      "ST",
      "AK1",
      "AK2",
      "IK5",
      "AK9",
      "SE",
    ]);
  });
});
