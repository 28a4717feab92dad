import { expect, it } from "vitest";
import { parse277CA, parse835, parse837P, parse999, parseX12, X12Error } from "../src/index.js";
import { describeWithSamples, sample, sampleNames } from "./helpers/samples.js";

const STAR = { element: "*", component: ":", repetition: "^", segment: "~" };

/**
 * Every file in shared/x12-samples, read in strict mode by the reader for its kind (the `.997`
 * files by the generic tokenizer): "ok", or the code of the precise error it is refused with.
 */
const EXPECTED: Record<string, string> = {
  "835/keironstoddart__blue_cross_nc_sample.txt": "BAD_ELEMENT", // SVC amounts shifted to SVC07/08 (with delimiters given)
  "835/pyx12__835_mult_loops.txt": "ok",
  "835/stupidedi__X221-case-3a-two-PLB-with-prose-header.edi": "SEGMENT_COUNT_MISMATCH", // SE*39 for 41 segments
  "835/stupidedi__X221A1-dollars-and-data-sent-separate.edi": "ok",
  "835/stupidedi__X221A1-dollars-and-data-sent-separate.edi.997": "TRUNCATED", // stops after AK1
  "835/stupidedi__X221A1-dollars-and-data-sent-together.edi": "ok",
  "835/stupidedi__X221A1-multiple-claims-single-check.edi": "ok",
  "835/stupidedi__X221A1-secondary-payment-with-higher-fee-schedule.edi": "ok",
  "835/stupidedi__X221A1-secondary-payments.edi": "ok",
  "835/stupidedi__X221A1-tertiary-payments.edi": "ok",
  "835/tastypackets__multi-line-not-delimited.edi": "ok",
  "837p/imsweb__x12_missing_elements.txt": "BAD_ELEMENT", // NM1*40 without NM102
  "837p/imsweb__x12_segments_out_of_order.txt": "UNEXPECTED_SEGMENT", // N4 after REF in 2010AA
  "837p/imsweb__x12_valid.txt": "BAD_ELEMENT", // HI*BK*8901 instead of HI*BK:8901
  "837p/lfh__demo.example1.837": "ok",
  "837p/stupidedi__X222-case1-commercial-valid-NPI-ZIP4.edi": "ok",
  "837p/stupidedi__X222A1-COB-claim-from-billing-provider-to-payer-a.edi": "ok",
  "837p/stupidedi__X222A1-COB-claim-from-billing-provider-to-payer-b.edi": "ok",
  "837p/stupidedi__X222A1-ambulance.edi": "ok",
  "837p/stupidedi__X222A1-anesthesia.edi": "ok",
  "837p/stupidedi__X222A1-commercial-health-insurance.edi": "ok",
  "837p/stupidedi__X222A1-commercial-health-insurance.edi.997": "ok",
  // Acknowledgments beside the samples: 999s, the imsweb and COB ones with a TA1 after GE (interchange level).
  "837p/imsweb__x12_missing_elements.997": "ok",
  "837p/imsweb__x12_segments_out_of_order.997": "ok",
  "837p/imsweb__x12_valid.997": "ok",
  "837p/stupidedi__X222A1-COB-claim-from-billing-provider-to-payer-a.edi.997": "ok",
  "837p/stupidedi__X222A1-COB-claim-from-billing-provider-to-payer-b.edi.997": "ok",
  "837p/stupidedi__X222A1-ambulance.edi.997": "ok",
  "837p/stupidedi__X222A1-anesthesia.edi.997": "ok",
  "837p/stupidedi__X222A1-drug-administered-in-the-physician-office.edi.997": "ok",
  "837p/stupidedi__X222A1-encounter.edi.997": "ok",
  "837p/stupidedi__X222A1-medicare-secondary-payer-COB.edi.997": "ok",
  "837p/stupidedi__X222A1-ppo-repriced-claim.edi.997": "ok",
  "837p/stupidedi__X222A1-drug-administered-in-the-physician-office.edi": "ok",
  "837p/stupidedi__X222A1-encounter.edi": "ok",
  "837p/stupidedi__X222A1-medicare-secondary-payer-COB.edi": "ok",
  "837p/stupidedi__X222A1-ppo-repriced-claim.edi": "ok",
  "999/imsweb__x12_999_accepted.txt": "CONTROL_NUMBER_MISMATCH", // IEA02 000000001 vs ISA13 000000286
  "999/imsweb__x12_999_rejected.txt": "ok",
  "277ca/imsweb__x12_277CA_accepted.txt": "ok",
  "277ca/imsweb__x12_277CA_rejected.txt": "ok",
  "277ca/stupidedi__X214-business-scenario-1.edi": "ok",
  "277ca/stupidedi__X214-business-scenario-2.edi": "CONTROL_NUMBER_MISMATCH", // SE02 00002 vs ST02 0002
};

function read(kind: string, name: string, strict: boolean): string {
  const bytes = sample(kind as "835", name);
  try {
    if (name.endsWith(".997")) parseX12(bytes, { strict });
    else if (kind === "835") parse835(bytes, { strict, delimiters: STAR });
    else if (kind === "837p") parse837P(bytes, { strict });
    else if (kind === "999") parse999(bytes, { strict });
    else parse277CA(bytes, { strict });
    return "ok";
  } catch (err) {
    if (err instanceof X12Error) return err.code;
    throw err;
  }
}

describeWithSamples("every sample file", () => {
  const files = (["835", "837p", "999", "277ca"] as const).flatMap((kind) =>
    sampleNames(kind).map((name) => `${kind}/${name}`),
  );

  it("has an expected outcome", () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const file of files) {
    const [kind = "", name = ""] = file.split("/");
    it(`${file}: ${EXPECTED[file]} (strict)`, () => {
      expect(read(kind, name, true)).toBe(EXPECTED[file]);
    });
  }

  it("the envelope-count refusals are read in lenient mode", () => {
    for (const file of files) {
      const [kind = "", name = ""] = file.split("/");
      const expected = EXPECTED[file];
      if (expected === "SEGMENT_COUNT_MISMATCH" || expected === "CONTROL_NUMBER_MISMATCH") {
        expect(read(kind, name, false), file).toBe("ok");
      }
    }
  });
});
