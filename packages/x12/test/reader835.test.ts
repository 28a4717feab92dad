import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import {
  type Claim835,
  type Event835,
  parse835,
  type Remittance835,
  read835,
  read835All,
  read835Claims,
  X12Error,
} from "../src/index.js";
import {
  describeWithSamples,
  envelope,
  itWithSamples,
  rejected,
  sample,
  sampleNames,
  thrown,
} from "./helpers/samples.js";

const STAR = { element: "*", component: ":", repetition: "^", segment: "~" };

function one(input: string | Uint8Array, options = {}): Remittance835 {
  const all = parse835(input, options);
  expect(all).toHaveLength(1);
  return all[0] as Remittance835;
}

function claim(r: Remittance835, i: number): Claim835 {
  const c = r.claims[i];
  if (c === undefined) throw new Error(`no claim ${i}`);
  return c;
}

const HEADER = [
  "BPR*I*90*C*ACH*CCP*01*999999992*DA*123456*1512345678**01*999988880*DA*98765*20260105",
  "TRN*1*EFT12345*1512345678",
  "REF*EV*RECEIVER1",
  "DTM*405*20260104",
  "N1*PR*ACME HEALTH PLAN*XV*PAYERID",
  "N3*1 MAIN ST*SUITE 2",
  "N4*SPRINGFIELD*IL*627010000",
  "REF*2U*PAYERID",
  "PER*CX*CLAIMS DEPT*TE*8005551212",
  "PER*BL*EDI DESK*TE*8005551213*EM*edi@example.com",
  "N1*PE*NORTHSIDE CLINIC*XX*1234567893",
  "N3*500 ELM ST",
  "N4*SPRINGFIELD*IL*62702",
  "REF*TJ*123456789",
];

describeWithSamples("835 reader: samples", () => {
  it("reads TR3 example 1 (dollars and data together): BPR, TRN, TS3, MIA/MOA, PLB, balanced", () => {
    const r = one(sample("835", "stupidedi__X221A1-dollars-and-data-sent-together.edi"));
    expect(r.payment).toMatchObject({
      handling: { code: "C", text: "Payment Accompanies Remittance Advice" },
      amountCents: 15000000,
      creditDebit: "C",
      method: { code: "ACH", text: "Automated Clearing House (ACH)" },
      format: "CTX",
      sender: { dfiQualifier: "01", dfiId: "999999992", accountQualifier: "DA", accountNumber: "123456" },
      receiver: { dfiQualifier: "01", dfiId: "999988880", accountNumber: "98765" },
      originatingCompanyId: "1512345678",
      date: "2002-09-13",
    });
    expect(r.trace).toEqual({
      typeCode: "1",
      referenceId: "12345",
      originatorId: "1512345678",
      supplementalId: undefined,
    });
    expect(r.productionDate).toBe("2002-09-16");
    expect(r.payer).toMatchObject({
      name: "INSURANCE COMPANY OF TIMBUCKTU",
      address: { lines: ["1 MAIN STREET"] },
    });
    expect(r.payer.contacts[0]).toEqual({
      functionCode: "BL",
      name: undefined,
      numbers: [{ qualifier: "UR", value: "www.anyhealthplan.com/policies.html" }],
    });
    expect(r.payee).toMatchObject({ name: "REGIONAL HOPE HOSPITAL", idQualifier: "XX", id: "6543210903" });
    expect(r.claims).toHaveLength(2);
    const first = claim(r, 0);
    expect(first).toMatchObject({
      patientControlNumber: "666123",
      status: { code: "1", text: "Processed as Primary" },
      chargeCents: 21136697,
      paidCents: 13801840,
      claimFilingIndicator: "MA",
      payerClaimControlNumber: "1999999444444",
      facilityTypeCode: "11",
      frequencyCode: "1",
      statementFrom: "2002-08-16",
      statementTo: "2002-08-24",
      quantities: [{ qualifier: "CA", quantity: 8 }],
      group: { number: "110212", providerId: "6543210903", facilityTypeCode: "11", totalClaimCount: 1 },
    });
    expect(first.adjustments).toEqual([{ group: "CO", reasonCode: "45", amountCents: 7334857 }]);
    expect(first.inpatient?.coveredDaysOrVisits).toBe(0);
    expect(first.patient).toMatchObject({
      lastName: "JONES",
      firstName: "SAM",
      idQualifier: "HN",
      id: "666666666A",
    });
    expect(claim(r, 1).outpatient?.remarkCodes).toEqual(["MA02"]);
    expect(r.summary.providerAdjustments).toEqual([
      {
        segmentNumber: 30,
        providerId: "6543210903",
        fiscalPeriodDate: "2002-12-31",
        items: [{ reason: { code: "CV", text: "Capital Passthru" }, referenceId: "CP", amountCents: -127 }],
      },
    ]);
    expect(r.balance).toEqual({ balanced: true, imbalances: [] });
  });

  it("reads service lines, CAS with quantity (CAS04/CAS07), REF*1B and AMT*B6 (secondary payments)", () => {
    const r = one(sample("835", "stupidedi__X221A1-secondary-payments.edi"));
    const c = claim(r, 1);
    expect(c.status).toEqual({ code: "2", text: "Processed as Secondary" });
    expect(c.renderingProvider).toMatchObject({
      entityCode: "82",
      lastName: "SMITH JONES PA",
      idQualifier: "BS",
    });
    expect(c.services).toHaveLength(2);
    const line = c.services[1];
    expect(line).toMatchObject({
      procedure: { qualifier: "HC", code: "66543", modifiers: ["26"] },
      chargeCents: 58500,
      paidCents: 28000,
      revenueCode: "220",
      unitsPaid: 1,
      serviceDate: "2005-01-06",
      allowedCents: 50000,
    });
    expect(line?.adjustments).toEqual([
      { group: "PR", reasonCode: "1", amountCents: 15000 },
      { group: "PR", reasonCode: "2", amountCents: 7000 },
      { group: "CO", reasonCode: "42", amountCents: 8500 },
    ]);
    expect(claim(r, 0).adjustments).toEqual([{ group: "OA", reasonCode: "23", amountCents: 941164 }]);
    expect(r.balance.balanced).toBe(true);
  });

  it("keeps a negative CAS amount (increases payment) and balances", () => {
    const r = one(sample("835", "stupidedi__X221A1-secondary-payment-with-higher-fee-schedule.edi"));
    expect(claim(r, 0).services[0]?.adjustments.map((a) => a.amountCents)).toEqual([51600, -900]);
    expect(r.balance.balanced).toBe(true);
  });

  it("reads a denial with LQ remark codes and service periods (DTM*150/151)", () => {
    const r = one(sample("835", "pyx12__835_mult_loops.txt"));
    expect(r.payment).toMatchObject({ handling: { code: "H" }, amountCents: 0, method: { code: "NON" } });
    const c = claim(r, 0);
    expect(c.status).toEqual({ code: "4", text: "Denied" });
    expect(c.services).toHaveLength(3);
    expect(c.services[0]).toMatchObject({
      serviceFrom: "2003-11-29",
      serviceTo: "2003-11-29",
      unitsPaid: 68,
      remarks: [{ qualifier: "HE", code: "N14" }],
    });
    expect(c.names.map((n) => n.entityCode)).toEqual(["QC", "82"]);
    expect(r.balance.balanced).toBe(true);
  });

  it("reads nine dental claims on one check (repeated CLP01)", () => {
    const r = one(sample("835", "stupidedi__X221A1-multiple-claims-single-check.edi"));
    expect(r.claims.map((c) => c.patientControlNumber)).toEqual(Array(9).fill("7722337"));
    expect(r.claims[0]?.services[0]?.procedure).toEqual({ qualifier: "AD", code: "D0120", modifiers: [] });
    expect(r.claims[1]?.insured).toMatchObject({ lastName: "DOE", firstName: "JOHN" });
    expect(r.summary).toMatchObject({ claimCount: 9, totalPaidCents: 81080 });
    expect(r.balance.balanced).toBe(true);
  });

  it("reads the newline-terminated eMedNY file with corrected patient names (NM1*74)", () => {
    const r = one(sample("835", "tastypackets__multi-line-not-delimited.edi"));
    expect(r.claims).toHaveLength(3);
    expect(r.claims[0]?.correctedPatient).toMatchObject({ lastName: "CORRECTED LAST" });
    expect(r.payer.address?.lines).toEqual([
      "OFFICE OF HEALTH INSURANCE PROGRAMS",
      "CORNING TOWER, EMPIRE STATE PLAZA",
    ]);
    expect(r.balance.balanced).toBe(true);
  });

  it("reads the other pass fixtures and finds them balanced", () => {
    for (const name of [
      "stupidedi__X221A1-dollars-and-data-sent-separate.edi",
      "stupidedi__X221A1-tertiary-payments.edi",
    ]) {
      const r = one(sample("835", name));
      expect(r.balance.balanced, name).toBe(true);
      expect(r.warnings, name).toEqual([]);
    }
  });

  it("refuses case 3a in strict mode (SE01 says 39, 41 segments) and reports its transaction imbalance in lenient mode", () => {
    const text = sample("835", "stupidedi__X221-case-3a-two-PLB-with-prose-header.edi");
    expect(thrown(() => parse835(text))).toMatchObject({
      code: "SEGMENT_COUNT_MISMATCH",
      segmentId: "SE",
      expected: "41",
      found: "39",
    });
    const r = one(text, { strict: false });
    expect(r.context.group?.version).toBe("005010X221");
    expect(r.summary.providerAdjustments).toHaveLength(2);
    expect(r.summary.providerAdjustmentTotalCents).toBe(-254);
    expect(r.balance.imbalances).toEqual([
      {
        level: "transaction",
        segmentNumber: 4,
        reportedCents: 122200,
        computedCents: 122454,
        differenceCents: -254,
        message: "transaction: ΣCLP04 1222 − ΣPLB -2.54 = 1224.54, but BPR02 is 1222",
      },
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(["SEGMENT_COUNT_MISMATCH"]);
  });

  it("refuses the envelope-less Blue Cross fragment without delimiters, and reads it with them", () => {
    const text = sample("835", "keironstoddart__blue_cross_nc_sample.txt");
    expect(thrown(() => parse835(text))).toMatchObject({ code: "NO_DELIMITERS", segmentId: "ST" });
    // Strict: the malformed SVC (amounts shifted to SVC07/08) is refused precisely.
    expect(thrown(() => parse835(text, { delimiters: STAR }))).toMatchObject({
      code: "BAD_ELEMENT",
      segmentId: "SVC",
      segmentNumber: 28,
      elementPosition: 2,
      loop: "2110",
    });
    const r = one(text, { delimiters: STAR, strict: false });
    expect(r.context.interchange).toBeUndefined();
    const c = claim(r, 0);
    expect(c.services[0]).toMatchObject({
      procedure: { code: "59430" },
      originalProcedure: { qualifier: "HC", code: "59410", modifiers: [] },
      lineControlNumber: "0001",
    });
    expect(c.services.map((s) => s.lineControlNumber)).toEqual(["0001", "0002", "0003"]);
    expect(c.patient?.id).toBe(" YPB123456789001");
    expect(r.warnings.map((w) => `${w.code} ${w.segmentId}${w.elementPosition}`)).toEqual([
      "BAD_ELEMENT SVC2",
      "BAD_ELEMENT SVC3",
      // The shifted amounts sit after SVC07, the last SVC element: reported, not dropped unread.
      "BAD_ELEMENT SVC8",
      "SEGMENT_COUNT_MISMATCH SE1",
    ]);
  });

  it("gives the 997/999 beside a sample to the generic reader, not the 835 reader", () => {
    const text = sample("835", "stupidedi__X221A1-dollars-and-data-sent-separate.edi.997");
    expect(thrown(() => parse835(text))).toMatchObject({ code: "UNSUPPORTED_TRANSACTION", found: "999" });
  });

  it("covers every 835 sample file", () => {
    expect(sampleNames("835")).toHaveLength(11);
  });
});

describe("835 reader: loops and segments", () => {
  const body = [
    ...HEADER,
    "LX*1",
    "CLP*PCN-1*1*250*130*40*12*ICN0001*11*1",
    "CAS*CO*45*10*1*A2*5**B6*5",
    "NM1*QC*1*DOE*JANE*Q***MI*M123",
    "NM1*IL*1*DOE*JOHN****MI*M123",
    "NM1*82*1*WELBY*MARCUS****XX*1234567893",
    "NM1*TT*2*MEDICAID OF ILLINOIS*****PI*IL-MCD",
    "MOA***MA01*MA15",
    "REF*1L*GROUP9",
    "DTM*050*20251215",
    "PER*CX*JANE*TE*8005550000",
    "AMT*AU*200",
    "SVC*HC:99213:25:59*150*100*0510*1*HC:99214",
    "DTM*472*20251201",
    "CAS*PR*1*20**2*10",
    "CAS*CO*45*20",
    "REF*6R*LINE-1",
    "AMT*B6*130",
    "QTY*ZK*1",
    "LQ*HE*M15",
    "LQ*HE*N130",
    "SVC*HC:36415*100*50**1",
    "DTM*150*20251201",
    "DTM*151*20251202",
    "CAS*CO*45*50",
    "REF*6R*LINE-2",
    "PLB*1234567893*20251231*WO:ICN0000*-10*L6*5",
  ];
  // Charge 250 − claim CAS 20 − line CAS 50 − 50 = paid 130; ΣPLB = −10 + 5 = −5, so BPR02 = 130 + 5 = 135.
  const text = envelope(body.map((s) => (s.startsWith("BPR") ? s.replace("BPR*I*90", "BPR*I*135") : s)));

  it("maps every segment into the typed claim", () => {
    const r = one(text);
    expect(r.receiverId).toBe("RECEIVER1");
    expect(r.payer).toMatchObject({
      name: "ACME HEALTH PLAN",
      idQualifier: "XV",
      id: "PAYERID",
      address: { lines: ["1 MAIN ST", "SUITE 2"], city: "SPRINGFIELD", state: "IL", postalCode: "627010000" },
      references: [{ qualifier: "2U", value: "PAYERID" }],
    });
    expect(r.payer.contacts.map((c) => c.functionCode)).toEqual(["CX", "BL"]);
    expect(r.payer.contacts[1]?.numbers).toEqual([
      { qualifier: "TE", value: "8005551213" },
      { qualifier: "EM", value: "edi@example.com" },
    ]);
    expect(r.payee.references).toEqual([{ qualifier: "TJ", value: "123456789" }]);
    const c = claim(r, 0);
    expect(c.adjustments).toEqual([
      { group: "CO", reasonCode: "45", amountCents: 1000, quantity: 1 },
      { group: "CO", reasonCode: "A2", amountCents: 500 },
      { group: "CO", reasonCode: "B6", amountCents: 500 },
    ]);
    expect(c.crossoverCarrier).toEqual({
      entityCode: "TT",
      entityType: "2",
      lastName: "MEDICAID OF ILLINOIS",
      firstName: undefined,
      middleName: undefined,
      suffix: undefined,
      idQualifier: "PI",
      id: "IL-MCD",
    });
    expect(c.insured?.firstName).toBe("JOHN");
    expect(c.outpatient?.remarkCodes).toEqual(["MA01", "MA15"]);
    expect(c.references).toEqual([{ qualifier: "1L", value: "GROUP9" }]);
    expect(c.receivedDate).toBe("2025-12-15");
    expect(c.amounts).toEqual([{ qualifier: "AU", cents: 20000 }]);
    expect(c.contacts).toHaveLength(1);
    const [l1, l2] = c.services;
    expect(l1).toMatchObject({
      procedure: { qualifier: "HC", code: "99213", modifiers: ["25", "59"] },
      originalProcedure: { code: "99214" },
      revenueCode: "0510",
      lineControlNumber: "LINE-1",
      allowedCents: 13000,
      quantities: [{ qualifier: "ZK", quantity: 1 }],
      remarks: [
        { qualifier: "HE", code: "M15" },
        { qualifier: "HE", code: "N130" },
      ],
    });
    expect(l1?.adjustments.map((a) => `${a.group}-${a.reasonCode}:${a.amountCents}`)).toEqual([
      "PR-1:2000",
      "PR-2:1000",
      "CO-45:2000",
    ]);
    expect(l2).toMatchObject({
      serviceFrom: "2025-12-01",
      serviceTo: "2025-12-02",
      lineControlNumber: "LINE-2",
    });
    expect(r.summary.providerAdjustments[0]?.items).toEqual([
      { reason: { code: "WO", text: "Overpayment Recovery" }, referenceId: "ICN0000", amountCents: -1000 },
      { reason: { code: "L6", text: "Interest Owed" }, referenceId: undefined, amountCents: 500 },
    ]);
    expect(r.balance).toEqual({ balanced: true, imbalances: [] });
  });

  it("reads up to six CAS triplets in one segment", () => {
    const six = text.replace("CAS*CO*45*20~", "CAS*CO*45*5*1*A1*1**B1*1**B2*1**B3*1**B4*11*2~");
    const line = claim(one(six), 0).services[0];
    expect(line?.adjustments).toHaveLength(8);
    expect(line?.adjustments.at(-1)).toEqual({
      group: "CO",
      reasonCode: "B4",
      amountCents: 1100,
      quantity: 2,
    });
    expect(one(six).balance.balanced).toBe(true);
  });

  it("reports every imbalance at line, claim and transaction level", () => {
    const broken = text
      .replace("SVC*HC:36415*100*50**1", "SVC*HC:36415*100*40**1")
      .replace("BPR*I*135", "BPR*I*160");
    const r = one(broken);
    expect(r.balance.balanced).toBe(false);
    expect(
      r.balance.imbalances.map((i) => [i.level, i.lineNumber, i.reportedCents, i.computedCents]),
    ).toEqual([
      ["line", 2, 4000, 5000],
      ["transaction", undefined, 16000, 13500],
    ]);
    const claimLevel = one(text.replace("CLP*PCN-1*1*250*130", "CLP*PCN-1*1*260*130"));
    expect(claimLevel.balance.imbalances).toMatchObject([
      {
        level: "claim",
        patientControlNumber: "PCN-1",
        reportedCents: 13000,
        computedCents: 14000,
        differenceCents: -1000,
      },
    ]);
    expect(claimLevel.summary.claimsOutOfBalance).toBe(1);
  });

  it("treats a debit (BPR03 = D) as a negative payment", () => {
    const debit = envelope([
      "BPR*I*50*D*ACH*CCP*01*1*DA*2*3**01*4*DA*5*20260105",
      ...HEADER.slice(1),
      "CLP*P1*22*-100*-50**12*ICN1",
      "CAS*CO*45*-50",
    ]);
    expect(one(debit).balance.balanced).toBe(true);
  });

  it("builds reversal/correction pairs (CLP02=22, all amounts negated) that balance", () => {
    // No public 5010 835 with CLP02=22 exists; this one follows the guide: the reversal negates the
    // original claim (charge, payment, patient responsibility, every CAS) and precedes the correction.
    const reversal = envelope([
      ...HEADER.map((s) => (s.startsWith("BPR") ? "BPR*I*10*C*CHK************20260105" : s)),
      "LX*1",
      "CLP*PCN-9*22*-200*-120*-30*12*ICN-OLD",
      "NM1*QC*1*DOE*JANE****MI*M1",
      "SVC*HC:99214*-200*-120**-1",
      "DTM*472*20251101",
      "CAS*CO*45*-50",
      "CAS*PR*1*-30",
      "CLP*PCN-9*1*200*130*20*12*ICN-NEW",
      "NM1*QC*1*DOE*JANE****MI*M1",
      "SVC*HC:99214*200*130**1",
      "DTM*472*20251101",
      "CAS*CO*45*50",
      "CAS*PR*1*20",
    ]);
    const r = one(reversal);
    const [rev, cor] = r.claims;
    expect(rev?.status).toEqual({ code: "22", text: "Reversal of Previous Payment" });
    expect(rev).toMatchObject({ chargeCents: -20000, paidCents: -12000, patientResponsibilityCents: -3000 });
    expect(rev?.services[0]).toMatchObject({ chargeCents: -20000, paidCents: -12000, unitsPaid: -1 });
    expect(rev?.balance.balanced).toBe(true);
    expect(cor?.payerClaimControlNumber).toBe("ICN-NEW");
    expect(r.summary.totalPaidCents).toBe(1000);
    expect(r.balance).toEqual({ balanced: true, imbalances: [] });
    // A reversal whose CAS was not negated is caught by the claim balance.
    const wrong = one(reversal.replace("CAS*CO*45*-50", "CAS*CO*45*50"));
    expect(wrong.balance.imbalances.map((i) => i.level)).toEqual(["line", "claim"]);
  });

  it("refuses a misplaced or missing segment, precisely", () => {
    expect(thrown(() => parse835(text.replace("LQ*HE*M15~", "LQ*HE*M15~MIA*1~")))).toMatchObject({
      code: "UNEXPECTED_SEGMENT",
      segmentId: "MIA",
    });
    expect(thrown(() => parse835(envelope(HEADER.filter((s) => !s.startsWith("N1*PE")))))).toMatchObject({
      code: "MISSING_SEGMENT",
      expected: "N1*PE payee identification (loop 1000B)",
      segmentId: "SE",
    });
    expect(thrown(() => parse835(envelope(HEADER.slice(1))))).toMatchObject({
      code: "MISSING_SEGMENT",
      segmentId: "TRN",
      expected: "BPR",
    });
    expect(thrown(() => parse835(text.replace("CLP*PCN-1*1*250*130", "CLP*PCN-1*1*2,50*130")))).toMatchObject(
      {
        code: "BAD_ELEMENT",
        segmentId: "CLP",
        elementPosition: 3,
        found: "2,50",
        loop: "2100",
      },
    );
    expect(thrown(() => parse835(text.replace("DTM*472*20251201", "DTM*472*20251301")))).toMatchObject({
      code: "BAD_ELEMENT",
      segmentId: "DTM",
      elementPosition: 2,
    });
    const err = thrown(() => parse835(text.replace("CAS*PR*1*20**2*10", "CAS*PR*1*20.001")));
    expect(err).toBeInstanceOf(X12Error);
    expect((err as X12Error).message).toContain("at most two significant decimals");
    const rounded = one(text.replace("CAS*PR*1*20**2*10", "CAS*PR*1*20.005**2*9.995"), {
      moneyRounding: "halfAwayFromZero",
    });
    expect(
      claim(rounded, 0)
        .services[0]?.adjustments.slice(0, 2)
        .map((a) => a.amountCents),
    ).toEqual([2001, 1000]);
  });

  itWithSamples(
    "streams claims from a Node Readable and an async iterable, one event at a time",
    async () => {
      const events: Event835["type"][] = [];
      for await (const e of read835(Readable.from([Buffer.from(text)]))) events.push(e.type);
      expect(events).toEqual(["remittance", "claim", "remittanceEnd"]);
      const claims: string[] = [];
      for await (const c of read835Claims(Readable.from(text.match(/[\s\S]{1,7}/g) ?? []))) {
        claims.push(c.patientControlNumber);
      }
      expect(claims).toEqual(["PCN-1"]);
      const all = await read835All(sample("835", "stupidedi__X221A1-secondary-payments.edi"));
      expect(all[0]?.claims).toHaveLength(2);
      await expect(rejected(read835All("nonsense"))).resolves.toMatchObject({ code: "NO_ISA" });
    },
  );

  it("yields claims before the stream ends (bounded memory)", async () => {
    const claimCount = 2000;
    let produced = 0;
    const head = envelope([...HEADER, "LX*1"]).split("SE*")[0] as string;
    async function* source() {
      yield Buffer.from(head);
      for (let i = 0; i < claimCount; i++) {
        produced++;
        yield Buffer.from(`CLP*C${i}*1*100*100**12*I${i}~SVC*HC:99213*100*100**1~DTM*472*20260101~`);
      }
      yield Buffer.from(`SE*${HEADER.length + 2 + 1 + claimCount * 3}*0001~GE*1*1~IEA*1*000000001~`);
    }
    const seenAtClaim: number[] = [];
    let end: Event835 | undefined;
    for await (const e of read835(source())) {
      if (e.type === "claim") seenAtClaim.push(produced);
      if (e.type === "remittanceEnd") end = e;
    }
    expect(seenAtClaim).toHaveLength(claimCount);
    // The first claim was delivered long before the last one was produced.
    expect(seenAtClaim[0]).toBeLessThan(5);
    expect(end?.type === "remittanceEnd" && end.summary.claimCount).toBe(claimCount);
    expect(end?.type === "remittanceEnd" && end.summary.balance.imbalances[0]?.level).toBe("transaction");
  });

  it("warns instead of failing in lenient mode, and yields warning events", async () => {
    const bad = text.replace("DTM*472*20251201", "DTM*472*2025");
    const types: string[] = [];
    for await (const e of read835(bad, { strict: false })) types.push(e.type);
    expect(types).toEqual(["remittance", "warning", "claim", "remittanceEnd"]);
  });
});
