import { validate837P } from "@billcycle/testing/x12-validator/index";
import { describe, expect, it } from "vitest";
import {
  type Claim837P,
  type ControlNumberKind,
  counterControlNumbers,
  isValidNpi,
  parse837P,
  parseX12,
  write837P,
  X12Error,
} from "../src/index.js";
import {
  BILLING_NPI,
  batch,
  billingProvider,
  claim,
  dependent,
  FACILITY_NPI,
  line,
  RENDERING_NPI,
  subscriber,
} from "./helpers/claims.js";
import { thrown } from "./helpers/samples.js";

function write(claims: Claim837P[], options: Partial<Parameters<typeof write837P>[1]> = {}): string {
  return write837P(batch(claims), { controlNumbers: counterControlNumbers(7), lineBreaks: true, ...options });
}

function segments(text: string): string[] {
  return parseX12(text).transactions.flatMap((t) => t.segments.map((s) => s.toString()));
}

function valid(text: string): string {
  expect(validate837P(text)).toEqual([]);
  return text;
}

describe("837P writer: claim shapes (each passes the independent validator)", () => {
  it("test fixtures use Luhn-valid NPIs", () => {
    expect([BILLING_NPI, RENDERING_NPI, FACILITY_NPI].every(isValidNpi)).toBe(true);
    expect(BILLING_NPI).toBe("1234567893");
  });

  it("patient = subscriber: SBR02 18, no 2000C, 2010AA with PRV, 9-digit ZIP, tax id", () => {
    const text = valid(write([claim("PCN-SELF")]));
    const segs = segments(text);
    expect(segs).toEqual([
      "ST*837*0007*005010X222A1",
      "BHT*0019*00*BATCH0001*20260106*0930*CH",
      "NM1*41*2*NORTHSIDE FAMILY MEDICINE*****46*SUBMIT01",
      "PER*IC*EDI DESK*TE*2175551212*EM*edi@example.org",
      "NM1*40*2*CLEARINGHOUSE INC*****46*CLEAR01",
      "HL*1**20*1",
      "PRV*BI*PXC*207Q00000X",
      `NM1*85*2*NORTHSIDE FAMILY MEDICINE*****XX*${BILLING_NPI}`,
      "N3*500 ELM ST",
      "N4*SPRINGFIELD*IL*627010001",
      "REF*EI*371234567",
      "PER*IC*BILLING OFFICE*TE*2175551212",
      "HL*2*1*22*0",
      "SBR*P*18*GRP-77******CI",
      "NM1*IL*1*DOE*JANE*Q***MI*MBR123456",
      "N3*12 OAK AVE*APT 3",
      "N4*SPRINGFIELD*IL*62704",
      "DMG*D8*19800229*F",
      "NM1*PR*2*ACME HEALTH PLAN*****PI*ACME01",
      "N3*PO BOX 1000",
      "N4*CHICAGO*IL*60601",
      "CLM*PCN-SELF*125.01***11:B:1*Y*A*Y*Y",
      "HI*ABK:E119*ABF:I10*ABF:Z7984",
      "LX*1",
      "SV1*HC:99213*125.01*UN*1***1",
      "DTP*472*D8*20260105",
      "REF*6R*LN1",
      "SE*28*0007",
    ]);
    expect(
      text.startsWith(
        "ISA*00*          *00*          *ZZ*SUBMIT01       *ZZ*CLEAR01        *260106*0930*^*00501*000000007*0*T*:~\n",
      ),
    ).toBe(true);
  });

  it("dependent patient: 2000C with PAT, NM1*QC, N3/N4, DMG; SBR02 empty; HL04 child flags", () => {
    const text = valid(write([claim("PCN-DEP", { patient: dependent })]));
    const segs = segments(text);
    expect(segs).toContain("HL*2*1*22*1");
    expect(segs).toContain("SBR*P**GRP-77******CI");
    expect(segs).toContain("HL*3*2*23*0");
    expect(segs.slice(segs.indexOf("HL*3*2*23*0"), segs.indexOf("HL*3*2*23*0") + 6)).toEqual([
      "HL*3*2*23*0",
      "PAT*19",
      "NM1*QC*1*DOE*TIMMY",
      "N3*12 OAK AVE",
      "N4*SPRINGFIELD*IL*62704",
      "DMG*D8*20150601*M",
    ]);
  });

  it("groups claims of one subscriber/patient under shared HLs and starts new ones when they change", () => {
    const text = valid(
      write([
        claim("A1"),
        claim("A2"),
        claim("B1", { patient: dependent }),
        claim("B2", { patient: dependent }),
        claim("C1", { subscriber: { ...subscriber, name: { ...subscriber.name, id: "OTHER" } } }),
      ]),
    );
    expect(segments(text).filter((s) => s.startsWith("HL*"))).toEqual([
      "HL*1**20*1",
      "HL*2*1*22*0",
      "HL*3*1*22*1",
      "HL*4*3*23*0",
      "HL*5*1*22*0",
    ]);
  });

  it("pay-to address 2010AB when payments go to a P.O. box", () => {
    const bp = {
      ...billingProvider,
      payTo: {
        entityType: "2" as const,
        address: { line1: "PO BOX 4455", city: "SPRINGFIELD", state: "IL", postalCode: "627054455" },
      },
    };
    const segs = segments(valid(write([claim("PCN-PAYTO", { billingProvider: bp })])));
    const at = segs.indexOf("NM1*87*2");
    expect(segs.slice(at, at + 3)).toEqual(["NM1*87*2", "N3*PO BOX 4455", "N4*SPRINGFIELD*IL*627054455"]);
    // Payments to the billing address itself: no 2010AB.
    const here = {
      ...billingProvider,
      payTo: { entityType: "2" as const, address: billingProvider.address },
    };
    const none = segments(valid(write([claim("PCN-PAYTO-SAME", { billingProvider: here })])));
    expect(none.some((s) => s.startsWith("NM1*87"))).toBe(false);
    // A billing address that is a P.O. box is refused: it must be physical.
    const err = thrown(() =>
      write([
        claim("X", {
          billingProvider: {
            ...billingProvider,
            address: { ...billingProvider.address, line1: "P.O. BOX 9" },
          },
        }),
      ]),
    );
    expect(err).toMatchObject({
      code: "INVALID_MODEL",
      path: "transactions[0].claims[0].billingProvider.address.line1",
    });
  });

  it("rendering provider 2310B only when it differs from the billing provider", () => {
    const rendering = {
      name: {
        entityType: "1" as const,
        lastName: "WELBY",
        firstName: "MARCUS",
        idQualifier: "XX",
        id: RENDERING_NPI,
      },
      taxonomy: "207R00000X",
    };
    const segs = segments(valid(write([claim("PCN-R", { renderingProvider: rendering })])));
    const at = segs.indexOf(`NM1*82*1*WELBY*MARCUS****XX*${RENDERING_NPI}`);
    expect(at).toBeGreaterThan(0);
    expect(segs[at + 1]).toBe("PRV*PE*PXC*207R00000X");
    const same = segments(
      valid(write([claim("PCN-S", { renderingProvider: { name: billingProvider.name } })])),
    );
    expect(same.some((s) => s.startsWith("NM1*82"))).toBe(false);
  });

  it("service facility 2310C", () => {
    const facility = {
      name: { entityType: "2" as const, lastName: "NORTHSIDE ANNEX", idQualifier: "XX", id: FACILITY_NPI },
      address: { line1: "77 RIVER RD", city: "SPRINGFIELD", state: "IL", postalCode: "62702" },
    };
    const segs = segments(
      valid(write([claim("PCN-F", { serviceFacility: facility, placeOfService: "22" })])),
    );
    const at = segs.indexOf(`NM1*77*2*NORTHSIDE ANNEX*****XX*${FACILITY_NPI}`);
    expect(segs.slice(at, at + 3)).toEqual([segs[at], "N3*77 RIVER RD", "N4*SPRINGFIELD*IL*62702"]);
    expect(segs.find((s) => s.startsWith("CLM"))).toContain("*22:B:1*");
  });

  it("replacement (7) and void (8) carry REF*F8; an original does not", () => {
    for (const frequencyCode of ["7", "8"] as const) {
      const segs = segments(
        valid(
          write([claim(`PCN-${frequencyCode}`, { frequencyCode, payerClaimControlNumber: "ICN20260001" })]),
        ),
      );
      expect(segs.find((s) => s.startsWith("CLM"))).toContain(`*11:B:${frequencyCode}*`);
      expect(segs).toContain("REF*F8*ICN20260001");
    }
    expect(thrown(() => write([claim("PCN-7", { frequencyCode: "7" })]))).toMatchObject({
      code: "INVALID_MODEL",
      path: "transactions[0].claims[0].payerClaimControlNumber",
    });
    // The validator independently flags F8 on an original claim.
    const original = write([claim("PCN-1", { payerClaimControlNumber: "ICN1" })]);
    expect(validate837P(original).map((i) => i.message)).toEqual(["REF*F8 is not allowed for frequency 1"]);
  });

  it("service lines: four modifiers, units, pointers, RD8 dates, line control numbers, line rendering provider", () => {
    const l = line(1, {
      procedure: { code: "97110", modifiers: ["GP", "59", "KX", "XU"] },
      quantity: 2.5,
      unit: "UN",
      diagnosisPointers: [1, 2, 3],
      serviceDate: { from: "2026-01-05", to: "2026-01-09" },
      lineControlNumber: "LINE-0001",
      emergency: true,
      renderingProvider: {
        name: {
          entityType: "1",
          lastName: "WELBY",
          firstName: "MARCUS",
          idQualifier: "XX",
          id: RENDERING_NPI,
        },
      },
    });
    const segs = segments(
      valid(
        write([
          claim("PCN-L", {
            lines: [l],
            dates: [{ qualifier: "431", from: "2025-12-30" }],
            priorAuthorization: "AUTH1",
            patientPaidCents: 2000,
            note: { reference: "ADD", text: "FOLLOW UP" },
          }),
        ]),
      ),
    );
    expect(segs).toContain("SV1*HC:97110:GP:59:KX:XU*125.01*UN*2.5***1:2:3**Y");
    expect(segs).toContain("DTP*472*RD8*20260105-20260109");
    expect(segs).toContain("REF*6R*LINE-0001");
    expect(segs).toContain(`NM1*82*1*WELBY*MARCUS****XX*${RENDERING_NPI}`);
    expect(segs).toContain("DTP*431*D8*20251230");
    expect(segs).toContain("AMT*F5*20");
    expect(segs).toContain("REF*G1*AUTH1");
    expect(segs).toContain("NTE*ADD*FOLLOW UP");
  });

  it("splits a claim of more than 50 lines into claims with their own patient control number suffix", () => {
    const lines = Array.from({ length: 120 }, (_, i) => line(i + 1));
    const text = valid(write([claim("PCN-BIG", { lines, patientPaidCents: 500 })]));
    const segs = segments(text);
    const clms = segs.filter((s) => s.startsWith("CLM"));
    expect(clms.map((s) => s.split("*")[1])).toEqual(["PCN-BIG-1", "PCN-BIG-2", "PCN-BIG-3"]);
    const sum = (from: number, to: number) => lines.slice(from, to).reduce((s, l) => s + l.chargeCents, 0);
    expect(clms.map((s) => Math.round(Number(s.split("*")[2]) * 100))).toEqual([
      sum(0, 50),
      sum(50, 100),
      sum(100, 120),
    ]);
    expect(segs.filter((s) => s.startsWith("AMT*F5"))).toHaveLength(1);
    expect(segs.filter((s) => s === "LX*1")).toHaveLength(3);
    expect(segs.filter((s) => s.startsWith("REF*6R")).at(-1)).toBe("REF*6R*LN120");
    const custom = write([claim("PCN-BIG", { lines })], {
      splitSuffix: (pcn, part, parts) => `${pcn}${part}of${parts}`,
    });
    expect(
      segments(custom)
        .filter((s) => s.startsWith("CLM"))
        .map((s) => s.split("*")[1]),
    ).toEqual(["PCN-BIG1of3", "PCN-BIG2of3", "PCN-BIG3of3"]);
    expect(thrown(() => write([claim("P".repeat(19), { lines })]))).toMatchObject({
      code: "INVALID_MODEL",
      found: `${"P".repeat(19)}-1`,
    });
  });

  it("starts a new billing-provider HL after 100 claims", () => {
    // Every claim is for a different subscriber, so each 2000A holds 100 subscriber HLs.
    const claims = Array.from({ length: 250 }, (_, i) =>
      claim(`PCN${i}`, { subscriber: { ...subscriber, name: { ...subscriber.name, id: `MBR${i}` } } }),
    );
    const segs = segments(valid(write(claims)));
    expect(segs.filter((s) => s.startsWith("HL*") && s.endsWith("*20*1"))).toEqual([
      "HL*1**20*1",
      "HL*102**20*1",
      "HL*203**20*1",
    ]);
    const same = segments(valid(write(Array.from({ length: 201 }, (_, i) => claim(`S${i}`)))));
    expect(same.filter((s) => s.startsWith("HL*"))).toEqual([
      "HL*1**20*1",
      "HL*2*1*22*0",
      "HL*3**20*1",
      "HL*4*3*22*0",
      "HL*5**20*1",
      "HL*6*5*22*0",
    ]);
    expect(segs.filter((s) => s.startsWith("CLM"))).toHaveLength(250);
    expect(segs.filter((s) => s.startsWith("NM1*85"))).toHaveLength(3);
  });

  it("cuts transaction sets at maxClaimsPerTransaction, each with its own ST02 from the sequence", () => {
    const claims = Array.from({ length: 7 }, (_, i) => claim(`PCN${i}`));
    const calls: ControlNumberKind[] = [];
    let n = 40;
    const text = valid(
      write(claims, {
        maxClaimsPerTransaction: 3,
        controlNumbers: {
          next(kind) {
            calls.push(kind);
            return kind === "transaction" ? `TX${n++}` : n++;
          },
        },
      }),
    );
    expect(calls).toEqual(["interchange", "group", "transaction", "transaction", "transaction"]);
    const parsed = parseX12(text);
    expect(
      parsed.transactions.map((t) => [
        t.context.transaction.controlNumber,
        t.segments.filter((s) => s.id === "CLM").length,
      ]),
    ).toEqual([
      ["TX42", 3],
      ["TX43", 3],
      ["TX44", 1],
    ]);
    expect(parsed.transactions[0]?.context.interchange?.controlNumber).toBe("000000040");
    expect(parsed.transactions[0]?.context.group?.controlNumber).toBe("41");
    expect(parsed.transactions.map((t) => t.segments[1]?.element(3))).toEqual([
      "BATCH0001",
      "BATCH0001-2",
      "BATCH0001-3",
    ]);
  });

  it("writes what the 837P reader reads back into the same model", () => {
    const claims = [
      claim("R1", {
        patient: dependent,
        dates: [{ qualifier: "431", from: "2025-12-30" }],
        referralNumber: "REF9",
      }),
      claim("R2", {
        frequencyCode: "8",
        payerClaimControlNumber: "ICN9",
        lines: [line(1), line(2, { unit: "MJ", quantity: 61 })],
      }),
    ];
    const text = write(claims);
    const [read] = parse837P(text);
    const again = write837P(read?.batch as never, {
      controlNumbers: counterControlNumbers(7),
      lineBreaks: true,
    });
    expect(again).toBe(text);
    const back = read?.batch.transactions[0]?.claims;
    expect(back?.[0]).toMatchObject({
      patientControlNumber: "R1",
      referralNumber: "REF9",
      patient: { relationship: "19" },
    });
    expect(back?.[1]?.lines[1]).toMatchObject({ unit: "MJ", quantity: 61, lineControlNumber: "LN2" });
  });
});

describe("837P writer: control numbers and refusals", () => {
  it("formats numbers from the caller's sequence and refuses invalid ones", () => {
    const text = write([claim("P1")], {
      controlNumbers: (kind) => ({ interchange: 12, group: 3, transaction: 45 })[kind],
    });
    expect(text).toContain("*000000012*0*T*:~");
    expect(text).toContain("GS*HC*SUBMIT01*CLEAR01*20260106*0930*3*X*005010X222A1~");
    expect(text).toContain("ST*837*0045*005010X222A1~");
    expect(thrown(() => write([claim("P1")], { controlNumbers: () => "12" }))).toMatchObject({
      code: "INVALID_MODEL",
      found: "12",
    });
    expect(thrown(() => write([claim("P1")], { controlNumbers: () => -1 }))).toMatchObject({
      code: "INVALID_MODEL",
    });
  });

  const cases: Array<[string, Partial<Claim837P>, string]> = [
    [
      "bad NPI",
      { billingProvider: { ...billingProvider, name: { ...billingProvider.name, id: "1234567890" } } },
      "billingProvider.name.id",
    ],
    [
      "5-digit billing ZIP",
      {
        billingProvider: { ...billingProvider, address: { ...billingProvider.address, postalCode: "62701" } },
      },
      "billingProvider.address.postalCode",
    ],
    ["frequency code", { frequencyCode: "2" as never }, "frequencyCode"],
    [
      "claim filing indicator",
      { subscriber: { ...subscriber, claimFilingIndicator: "XX" as never } },
      "subscriber.claimFilingIndicator",
    ],
    ["ICD-9 codes", { diagnosisCodes: ["250.00"] }, "diagnosisCodes[0]"],
    ["13 diagnoses", { diagnosisCodes: Array(13).fill("E119") }, "diagnosisCodes"],
    [
      "pointer past the diagnoses",
      { lines: [line(1, { diagnosisPointers: [4] })] },
      "lines[0].diagnosisPointers[0]",
    ],
    [
      "five modifiers",
      { lines: [line(1, { procedure: { code: "99213", modifiers: ["25", "59", "GT", "95", "XU"] } })] },
      "lines[0].procedure.modifiers",
    ],
    ["no lines", { lines: [] }, "lines"],
    ["total mismatch", { totalChargeCents: 1 }, "totalChargeCents"],
    [
      "bad service date",
      { lines: [line(1, { serviceDate: { from: "2026-02-30" } })] },
      "lines[0].serviceDate.from",
    ],
    [
      "patient relationship self",
      { patient: { ...dependent, relationship: "18" as never } },
      "patient.relationship",
    ],
    ["negative charge", { lines: [line(1, { chargeCents: -5 })] }, "lines[0].chargeCents"],
  ];
  for (const [name, overrides, path] of cases) {
    it(`refuses ${name} with INVALID_MODEL at ${path}`, () => {
      const err = thrown(() => write([claim("PCN", overrides)]));
      expect(err).toBeInstanceOf(X12Error);
      expect(err).toMatchObject({ code: "INVALID_MODEL", path: `transactions[0].claims[0].${path}` });
    });
  }

  it("refuses a value that contains a delimiter", () => {
    const err = thrown(() => write([claim("PCN*1")]));
    expect(err).toMatchObject({
      code: "INVALID_MODEL",
      segmentId: "CLM",
      elementPosition: 1,
      found: "PCN*1",
    });
  });
});

describe("the independent validator catches what it should", () => {
  const good = write([claim("V1", { patient: dependent }), claim("V2")]);
  const mutations: Array<[string, (t: string) => string, RegExp]> = [
    ["SE count", (t) => t.replace(/SE\*(\d+)\*/, (_m, n) => `SE*${Number(n) + 1}*`), /SE01/],
    ["GE count", (t) => t.replace("GE*1*", "GE*2*"), /GE01/],
    ["IEA control number", (t) => t.replace("IEA*1*000000007", "IEA*1*000000008"), /IEA02/],
    ["HL parent", (t) => t.replace("HL*3*2*23*0", "HL*3*1*23*0"), /HL02/],
    ["HL child flag", (t) => t.replace("HL*3*2*23*0", "HL*3*2*23*1"), /HL04/],
    ["HL numbering", (t) => t.replace("HL*3*2*23*0", "HL*4*2*23*0"), /HL01/],
    ["frequency code", (t) => t.replace("*11:B:1*", "*11:B:2*"), /CLM05-3/],
    ["SBR09", (t) => t.replace("******CI~", "******XX~"), /SBR09/],
    ["NM1*85 NPI", (t) => t.replace(`XX*${BILLING_NPI}`, "XX*1234567890"), /NPI/],
    ["HI qualifier", (t) => t.replace("HI*ABK:", "HI*BK:"), /ABK/],
    ["DTP format", (t) => t.replace("DTP*472*D8*20260105", "DTP*472*D8*20260132"), /DTP03/],
    ["SV1-01 qualifier", (t) => t.replace("SV1*HC:", "SV1*ZZ:"), /SV101-1/],
    ["CLM02 total", (t) => t.replace("CLM*V1*125.01", "CLM*V1*125.02"), /CLM02/],
    [
      "missing DTP*472",
      (t) =>
        t.replace("DTP*472*D8*20260105~\n", "").replace(/SE\*(\d+)\*/, (_m, n) => `SE*${Number(n) - 1}*`),
      /DTP\*472|DTP/,
    ],
    ["SBR02 on a dependent", (t) => t.replace("SBR*P**", "SBR*P*18*"), /SBR02/],
    ["NM1 entity qualifier", (t) => t.replace("NM1*PR*2*", "NM1*PR*1*"), /NM102/],
    ["ZIP", (t) => t.replace("627010001", "62701"), /N403/],
    ["segment order", (t) => t.replace(/(N3\*500 ELM ST~\n)(N4\*[^~]*~\n)/, "$2$1"), /not allowed|missing/],
  ];
  it("accepts the unmutated file", () => {
    expect(validate837P(good)).toEqual([]);
  });
  for (const [name, mutate, pattern] of mutations) {
    it(`flags a wrong ${name}`, () => {
      const mutated = mutate(good);
      expect(mutated).not.toBe(good);
      const messages = validate837P(mutated).map((i) => i.message);
      expect(messages.length, name).toBeGreaterThan(0);
      expect(messages.join("\n")).toMatch(pattern);
    });
  }
});
