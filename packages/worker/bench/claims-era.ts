/**
 * A fast 835 builder for the claims benchmark: the shape of the test fixture's `era835` (BPR/TRN/DTM/N1*PR/N3/N4/
 * PER/N1*PE/LX, per claim CLP/CAS/NM1*QC, per line SVC/DTM*472/CAS/REF*6R), one transaction set per payer, the
 * envelope and SE counts computed as it goes, built by string concatenation for 100,000 claims.
 *
 * What each claim is paid, by its position k in the practice:
 * - every line: allowed = 80 % of the charge, CO-45 writes off the rest;
 * - k ≡ 3 (mod 10): 20 % coinsurance on each line (PR-2), the line pays the remaining allowed amount;
 * - k ≡ 7 (mod 10): a $20 copay at claim level (claim CAS PR-3), so CLP04 = Σ SVC03 − $20.
 * The builder also returns what must be posted, so the bench can check the result.
 */
export type EraClaimInput = {
  pcn: string;
  payer: { id: string; name: string; payerId: string };
  lines: Array<{
    code: string;
    modifiers: string[];
    chargeCents: number;
    dateOfService: string;
    control: string;
  }>;
};

export type ExpectedPosting = {
  /** Postings this claim must get. */
  postings: number;
  paymentCents: number;
  writeOffCents: number;
  patientCents: number;
};

export type BuiltEra = {
  content: string;
  transactions: number;
  claims: number;
  segments: number;
  expected: Map<string, ExpectedPosting>;
};

const money = (cents: number): string => {
  const s = (cents / 100).toFixed(2);
  return s.endsWith(".00") ? s.slice(0, -3) : s;
};

const yyyymmdd = (d: string) => d.replaceAll("-", "");

export const buildEra835 = (input: {
  practiceName: string;
  practiceNpi: string;
  claims: readonly EraClaimInput[];
  /** Unique per bench run: TRN02 is `${traceStem}-${payer}`. */
  traceStem: string;
  control: number;
  paymentDate: string;
}): BuiltEra => {
  const byPayer = new Map<
    string,
    { payer: EraClaimInput["payer"]; claims: Array<[number, EraClaimInput]> }
  >();
  input.claims.forEach((c, k) => {
    let group = byPayer.get(c.payer.id);
    if (!group) {
      group = { payer: c.payer, claims: [] };
      byPayer.set(c.payer.id, group);
    }
    group.claims.push([k, c]);
  });
  const expected = new Map<string, ExpectedPosting>();
  const date = yyyymmdd(input.paymentDate);
  const control = String(input.control).padStart(9, "0");
  const out: string[] = [
    `ISA*00*          *00*          *ZZ*${"CLEARINGHOUSE".padEnd(15)}*ZZ*${"SUBMITTER".padEnd(15)}*${date.slice(2)}*1200*^*00501*${control}*0*T*:~`,
    `GS*HP*CLEARINGHOUSE*SUBMITTER*${date}*1200*${input.control}*X*005010X221A1~`,
  ];
  let segments = 2;
  let st = 0;
  for (const { payer, claims } of byPayer.values()) {
    st++;
    const stControl = String(st).padStart(4, "0");
    const body: string[] = [];
    let total = 0;
    for (const [k, c] of claims) {
      const coinsurance = k % 10 === 3;
      const copay = k % 10 === 7 ? 2000 : 0;
      let charge = 0;
      let linesPaid = 0;
      let writeOff = 0;
      let patient = copay;
      let postings = 0;
      const lineSegments: string[] = [];
      for (const l of c.lines) {
        const allowed = Math.round((l.chargeCents * 4) / 5);
        const co45 = l.chargeCents - allowed;
        const pr2 = coinsurance ? Math.round(allowed / 5) : 0;
        const paid = allowed - pr2;
        charge += l.chargeCents;
        linesPaid += paid;
        writeOff += co45;
        patient += pr2;
        postings += (paid !== 0 ? 1 : 0) + 1 + (pr2 ? 1 : 0);
        const proc = `HC:${l.code}${l.modifiers.map((m) => `:${m}`).join("")}`;
        lineSegments.push(`SVC*${proc}*${money(l.chargeCents)}*${money(paid)}**1~`);
        lineSegments.push(`DTM*472*${yyyymmdd(l.dateOfService)}~`);
        lineSegments.push(`CAS*CO*45*${money(co45)}~`);
        if (pr2) lineSegments.push(`CAS*PR*2*${money(pr2)}~`);
        lineSegments.push(`REF*6R*${l.control}~`);
      }
      const paid = linesPaid - copay;
      if (copay) postings += 2; // the claim-level remainder (−copay) and PR-3
      total += paid;
      body.push(`CLP*${c.pcn}*1*${money(charge)}*${money(paid)}*${money(patient)}*12*ICN${c.pcn}*11*1~`);
      if (copay) body.push(`CAS*PR*3*${money(copay)}~`);
      body.push(`NM1*QC*1*CLIENT*TEST****MI*M${c.pcn}~`);
      for (const s of lineSegments) body.push(s);
      expected.set(c.pcn, { postings, paymentCents: paid, writeOffCents: writeOff, patientCents: patient });
    }
    const header = [
      `ST*835*${stControl}~`,
      `BPR*I*${money(total)}*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*${date}~`,
      `TRN*1*${input.traceStem}-${payer.payerId}*1${999_000_000 + Number(payer.payerId.replace(/\D/g, "") || 0)}~`,
      `DTM*405*${date}~`,
      `N1*PR*${payer.name.toUpperCase()}~`,
      "N3*1 PAYER WAY~",
      "N4*AUSTIN*TX*78701~",
      "PER*BL*CLAIMS*TE*5125550100~",
      `N1*PE*${input.practiceName.toUpperCase()}*XX*${input.practiceNpi}~`,
      "LX*1~",
    ];
    const count = header.length + body.length + 1;
    out.push(header.join("\n"), body.join("\n"), `SE*${count}*${stControl}~`);
    segments += count;
  }
  out.push(`GE*${st}*${input.control}~`, `IEA*1*${control}~`);
  segments += 2;
  return { content: out.join("\n"), transactions: st, claims: input.claims.length, segments, expected };
};
