import { describe, expect, it } from "vitest";
import { npiWithCheckDigit } from "../validation/npi";
import { isBlocked, type ScrubInput, scrubClaim, scrubEdits, warningEditCodes } from "./scrub-claim";

const clean = (): ScrubInput => ({
  patientControlNumber: "BC100001",
  totalCents: 30000,
  diagnosisCodes: ["F41.1", "F32.1"],
  lines: [
    {
      lineNumber: 1,
      code: "90837",
      modifiers: ["95"],
      units: 1,
      chargeCents: 17500,
      dateOfService: "2026-03-02",
      diagnosisPointers: [1, 2],
    },
    {
      lineNumber: 2,
      code: "H0031",
      modifiers: [],
      units: 2,
      chargeCents: 12500,
      dateOfService: "2026-03-02",
      diagnosisPointers: [1],
    },
  ],
  billingProvider: {
    npi: npiWithCheckDigit("123456789"),
    taxId: "12-3456789",
    address: { line1: "100 Market Street", city: "Austin", state: "TX", zip: "78701-1234" },
    payToAddress: null,
  },
  renderingProvider: { npi: npiWithCheckDigit("223456789"), name: "Hana Reyes" },
  referringProvider: null,
  subscriber: { memberId: "M123" },
  payer: { name: "Blue Prairie", payerId: "BPH01", claimFilingIndicator: "BL", timelyFilingDays: 90 },
  texts: [],
  duplicates: [],
  today: "2026-03-05",
});

type Case = [code: string, mutate: (c: ScrubInput) => void];
const firing: Case[] = [
  [
    "BILLING_NPI_INVALID",
    (c) => {
      c.billingProvider.npi = "1234567890";
    },
  ],
  [
    "RENDERING_NPI_INVALID",
    (c) => {
      c.renderingProvider = { npi: "9876543210", name: "X" };
    },
  ],
  [
    "REFERRING_NPI_INVALID",
    (c) => {
      c.referringProvider = { npi: "1111111111", name: "Y" };
    },
  ],
  [
    "TEXT_NOT_WRITABLE",
    (c) => {
      c.texts.push({ path: "patient.name.firstName", value: "小明", characters: ["小", "明"] });
    },
  ],
  [
    "BILLING_TAX_ID_INVALID",
    (c) => {
      c.billingProvider.taxId = "123";
    },
  ],
  [
    "BILLING_ZIP_NOT_9_DIGITS",
    (c) => {
      c.billingProvider.address.zip = "78701";
    },
  ],
  [
    "BILLING_ADDRESS_NOT_PHYSICAL",
    (c) => {
      c.billingProvider.address.line1 = "P.O. Box 42";
    },
  ],
  [
    "DIAGNOSIS_MISSING",
    (c) => {
      c.diagnosisCodes = [];
      for (const l of c.lines) l.diagnosisPointers = [];
    },
  ],
  [
    "DIAGNOSIS_ICD9_AFTER_2015",
    (c) => {
      c.diagnosisCodes = ["300.02", "F32.1"];
    },
  ],
  [
    "DIAGNOSIS_NOT_ICD10",
    (c) => {
      c.diagnosisCodes = ["F41.1", "UU9"];
    },
  ],
  [
    "PROCEDURE_CODE_INVALID",
    (c) => {
      c.lines[0]!.code = "9083";
    },
  ],
  [
    "MODIFIER_INVALID",
    (c) => {
      c.lines[0]!.modifiers = ["9"];
    },
  ],
  [
    "DIAGNOSIS_POINTER_INVALID",
    (c) => {
      c.lines[1]!.diagnosisPointers = [3];
    },
  ],
  [
    "UNITS_NOT_POSITIVE",
    (c) => {
      c.lines[1]!.units = 0;
    },
  ],
  [
    "CHARGE_NOT_POSITIVE",
    (c) => {
      c.lines[1]!.chargeCents = 0;
      c.totalCents = 17500;
    },
  ],
  [
    "TOTAL_NOT_SUM_OF_LINES",
    (c) => {
      c.totalCents = 30001;
    },
  ],
  [
    "NO_LINES",
    (c) => {
      c.lines = [];
      c.totalCents = 0;
    },
  ],
  [
    "DATE_OF_SERVICE_IN_FUTURE",
    (c) => {
      c.lines[0]!.dateOfService = "2026-03-06";
    },
  ],
  [
    "SUBSCRIBER_ID_MISSING",
    (c) => {
      c.subscriber.memberId = " ";
    },
  ],
  [
    "PAYER_ID_MISSING",
    (c) => {
      c.payer.payerId = null;
    },
  ],
  [
    "CLAIM_FILING_INDICATOR_MISSING",
    (c) => {
      c.payer.claimFilingIndicator = "";
    },
  ],
  [
    "TIMELY_FILING_EXCEEDED",
    (c) => {
      c.today = "2026-06-01";
    },
  ],
  [
    "DUPLICATE_CLAIM",
    (c) =>
      void c.duplicates.push({ patientControlNumber: "BC99", dateOfService: "2026-03-02", code: "90837" }),
  ],
];

describe("claim scrubber", () => {
  it("a clean claim passes every edit", () => {
    expect(scrubClaim(clean())).toEqual([]);
  });

  it("every edit is covered by a firing case", () => {
    expect(firing.map(([code]) => code).sort()).toEqual(scrubEdits.map((e) => e.code).sort());
  });

  it.each(firing)("%s fires on bad data, with a message a biller can act on", (code, mutate) => {
    const claim = clean();
    mutate(claim);
    const edits = scrubClaim(claim);
    const hit = edits.find((e) => e.code === code);
    expect(hit, JSON.stringify(edits)).toBeDefined();
    expect(hit!.message.length).toBeGreaterThan(15);
    expect(isBlocked(edits)).toBe(
      hit!.severity === "blocking" || edits.some((e) => e.severity === "blocking"),
    );
  });

  it("a P.O. box billing address passes when a pay-to address is given", () => {
    const c = clean();
    c.billingProvider.address.line1 = "PO BOX 42";
    c.billingProvider.payToAddress = { line1: "PO BOX 42", city: "Austin", state: "TX", zip: "787011234" };
    expect(scrubClaim(c).map((e) => e.code)).not.toContain("BILLING_ADDRESS_NOT_PHYSICAL");
  });

  it("ICD-9 codes are fine for services before October 2015", () => {
    const c = clean();
    c.diagnosisCodes = ["300.02"];
    for (const l of c.lines) {
      l.dateOfService = "2015-09-30";
      l.diagnosisPointers = [1];
    }
    c.today = "2015-10-05";
    c.payer.timelyFilingDays = 365;
    expect(scrubClaim(c)).toEqual([]);
  });

  it("names each field a claim file cannot carry, in words a biller knows, with the characters or the length", () => {
    const c = clean();
    c.texts.push(
      { path: "patient.name.lastName", value: "王王小", characters: ["王", "小"] },
      { path: "subscriber.name.id", value: "XØ123", characters: ["Ø"] },
      { path: "payer.name.lastName", value: "Seguro\u200b", characters: ["\u200b"] },
      { path: "lines[1].procedure.description", value: "A*B", characters: ["*"] },
      {
        path: "serviceFacility.address.line1",
        value: "Große Straße 1",
        characters: [],
        length: { written: 58, max: 55 },
      },
    );
    const edits = scrubClaim(c).filter((e) => e.code === "TEXT_NOT_WRITABLE");
    expect(edits.map((e) => e.message)).toEqual([
      'Patient last name "王王小" has characters a claim file cannot carry (王 (U+738B), 小 (U+5C0F)); clearinghouses take Latin letters, digits and punctuation other than * : ^ ~, so enter it as the payer has it',
      'Subscriber member id "XØ123" has characters a claim file cannot carry (Ø (U+00D8)); clearinghouses take Latin letters, digits and punctuation other than * : ^ ~, so enter it as the payer has it',
      'Payer name "Seguro\u200b" has characters a claim file cannot carry (U+200B); clearinghouses take Latin letters, digits and punctuation other than * : ^ ~, so enter it as the payer has it',
      'Line 2 procedure description "A*B" has characters a claim file cannot carry (* (U+002A)); clearinghouses take Latin letters, digits and punctuation other than * : ^ ~, so enter it as the payer has it',
      'Service facility address "Große Straße 1" is 58 characters as the claim file spells it; the file takes at most 55, so shorten it',
    ]);
    expect(edits.map((e) => e.path)).toEqual(c.texts.map((t) => t.path));
    expect(isBlocked(edits)).toBe(true);
  });

  it("warnings can be switched off per practice; blocking edits cannot", () => {
    const c = clean();
    c.today = "2026-06-01";
    c.duplicates.push({ patientControlNumber: "BC99", dateOfService: "2026-03-02", code: "90837" });
    c.billingProvider.npi = "1234567890";
    const edits = scrubClaim(c, warningEditCodes);
    expect(edits.map((e) => e.code)).toEqual(["BILLING_NPI_INVALID"]);
    expect(isBlocked(scrubClaim(clean(), ["BILLING_NPI_INVALID"]))).toBe(false);
    const blocked = clean();
    blocked.billingProvider.npi = "1234567890";
    expect(isBlocked(scrubClaim(blocked, ["BILLING_NPI_INVALID"]))).toBe(true);
  });
});
