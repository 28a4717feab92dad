/**
 * Builds small, valid X12 files for tests: the envelope (ISA/GS/ST…SE/GE/IEA) is computed from the body, so
 * segment counts and control numbers always match.
 */
const pad = (v: string, n: number) => v.padEnd(n, " ");

export const envelope = (input: {
  functionalId: "HP" | "FA" | "HN";
  version: string;
  transactionSetId: "835" | "999" | "277";
  sender?: string;
  receiver?: string;
  control?: number;
  body: string[][];
}): string => {
  const control = input.control ?? 101;
  const sender = input.sender ?? "CLEARINGHOUSE";
  const receiver = input.receiver ?? "SUBMITTER";
  const isa = [
    "ISA",
    "00",
    pad("", 10),
    "00",
    pad("", 10),
    "ZZ",
    pad(sender, 15),
    "ZZ",
    pad(receiver, 15),
    "260305",
    "1200",
    "^",
    "00501",
    String(control).padStart(9, "0"),
    "0",
    "T",
    ":",
  ];
  const st = [
    "ST",
    input.transactionSetId,
    "0001",
    ...(input.transactionSetId === "835" ? [] : [input.version]),
  ];
  const segments = [st, ...input.body];
  return [
    isa,
    ["GS", input.functionalId, sender, receiver, "20260305", "1200", String(control), "X", input.version],
    ...segments,
    ["SE", String(segments.length + 1), "0001"],
    ["GE", "1", String(control)],
    ["IEA", "1", String(control).padStart(9, "0")],
  ]
    .map((s) => `${s.join("*")}~`)
    .join("\n");
};

export type EraLineSpec = {
  code: string;
  chargeCents: number;
  paidCents: number;
  date: string;
  control?: string;
  adjustments?: Array<[string, string, number]>;
  /** RARC remark codes (LQ*HE). */
  remarks?: string[];
};
export type EraClaimSpec = {
  pcn: string;
  status?: string;
  chargeCents: number;
  paidCents: number;
  patientCents?: number;
  payerClaimNumber?: string;
  adjustments?: Array<[string, string, number]>;
  lines?: EraLineSpec[];
  crossover?: string;
};

/**
 * What the test practices bill for a session (90837 on 2026-03-02, $175), paid $150 with a $25 CO-45 write-off;
 * `lineControl` echoes the line's REF*6R when the test wants lines matched by it.
 */
export const paidClaim = (pcn: string, lineControl?: string): EraClaimSpec => ({
  pcn,
  chargeCents: 17500,
  paidCents: 15000,
  lines: [
    {
      code: "90837",
      chargeCents: 17500,
      paidCents: 15000,
      date: "2026-03-02",
      ...(lineControl ? { control: lineControl } : {}),
      adjustments: [["CO", "45", 2500]],
    },
  ],
});

const money = (cents: number) => (cents / 100).toFixed(2).replace(/\.00$/, "");
const cas = (adj: Array<[string, string, number]> = []) => adj.map(([g, r, a]) => ["CAS", g, r, money(a)]);

/** An 835 for one payment: BPR02 is Σ CLP04 − Σ PLB unless `bprCents` says otherwise (to build unbalanced files). */
export const era835 = (input: {
  trace: string;
  payerName?: string;
  payerTin?: string;
  /** N1*PE and REF*TJ: by default the fixture practices' tax id (every test practice has 12-3456789). */
  payee?: { name?: string; npi?: string; taxId?: string | null };
  claims: EraClaimSpec[];
  plb?: Array<[string, number]>;
  bprCents?: number;
  control?: number;
}): string => {
  const plbTotal = (input.plb ?? []).reduce((a, [, c]) => a + c, 0);
  const bpr = input.bprCents ?? input.claims.reduce((a, c) => a + c.paidCents, 0) - plbTotal;
  const body: string[][] = [
    [
      "BPR",
      "I",
      money(bpr),
      "C",
      "ACH",
      "CCP",
      "01",
      "999999999",
      "DA",
      "123456",
      input.payerTin ?? "1512345678",
      "",
      "01",
      "999988880",
      "DA",
      "98765",
      "20260305",
    ],
    ["TRN", "1", input.trace, input.payerTin ?? "1512345678"],
    ["DTM", "405", "20260305"],
    ["N1", "PR", input.payerName ?? "BLUE PRAIRIE"],
    ["N3", "1 PAYER WAY"],
    ["N4", "AUSTIN", "TX", "78701"],
    ["PER", "BL", "CLAIMS", "TE", "5125550100"],
    ["N1", "PE", input.payee?.name ?? "FIXTURE PRACTICE", "XX", input.payee?.npi ?? "1234567893"],
    ...(input.payee?.taxId === null ? [] : [["REF", "TJ", input.payee?.taxId ?? "123456789"]]),
    ["LX", "1"],
  ];
  for (const c of input.claims) {
    body.push([
      "CLP",
      c.pcn,
      c.status ?? "1",
      money(c.chargeCents),
      money(c.paidCents),
      money(c.patientCents ?? 0),
      "12",
      c.payerClaimNumber ?? `PCN${c.pcn}`,
      "11",
      "1",
    ]);
    body.push(...cas(c.adjustments));
    body.push(["NM1", "QC", "1", "CLIENT", "TEST", "", "", "", "MI", "M123456789"]);
    if (c.crossover) body.push(["NM1", "TT", "2", c.crossover, "", "", "", "", "PI", "99999"]);
    for (const l of c.lines ?? []) {
      body.push(["SVC", `HC:${l.code}`, money(l.chargeCents), money(l.paidCents), "", "1"]);
      body.push(["DTM", "472", l.date.replaceAll("-", "")]);
      body.push(...cas(l.adjustments));
      if (l.control) body.push(["REF", "6R", l.control]);
      for (const r of l.remarks ?? []) body.push(["LQ", "HE", r]);
    }
  }
  if (input.plb?.length) {
    body.push(["PLB", "1234567893", "20261231", ...input.plb.flatMap(([reason, c]) => [reason, money(c)])]);
  }
  return envelope({
    functionalId: "HP",
    version: "005010X221A1",
    transactionSetId: "835",
    control: input.control,
    body,
  });
};

/** A 999 for our file's group control number (GS06) and transaction (ST02). */
export const ack999 = (input: {
  groupControl: string;
  transactionControl: string;
  accepted: boolean;
}): string =>
  envelope({
    functionalId: "FA",
    version: "005010X231A1",
    transactionSetId: "999",
    body: [
      ["AK1", "HC", input.groupControl, "005010X222A1"],
      ["AK2", "837", input.transactionControl, "005010X222A1"],
      ...(input.accepted
        ? []
        : [
            ["IK3", "NM1", "17", "2010BA", "8"],
            ["IK4", "9", "67", "7", "XX"],
          ]),
      ["IK5", input.accepted ? "A" : "R", ...(input.accepted ? [] : ["5"])],
      ["AK9", input.accepted ? "A" : "R", "1", "1", input.accepted ? "1" : "0"],
    ],
  });

/** A 277CA with one claim status per PCN: A2:20 accepted, or A7:562:85 rejected (billing provider NPI). */
export const ack277 = (
  claims: Array<{ pcn: string; accepted: boolean; payerClaimNumber?: string; chargeCents: number }>,
): string => {
  const body: string[][] = [
    ["BHT", "0085", "08", "REF123", "20260305", "1200", "TH"],
    ["HL", "1", "", "20", "1"],
    ["NM1", "PR", "2", "BLUE PRAIRIE", "", "", "", "", "PI", "BPH01"],
    ["TRN", "1", "RECEIPT1"],
    ["DTP", "050", "D8", "20260305"],
    ["DTP", "009", "D8", "20260305"],
    ["HL", "2", "1", "21", "1"],
    ["NM1", "41", "2", "FIXTURE PRACTICE", "", "", "", "", "46", "123456789"],
    ["TRN", "2", "BATCH1"],
    ["STC", "A1:20", "20260305", "WQ"],
    ["HL", "3", "2", "19", "1"],
    ["NM1", "85", "2", "FIXTURE PRACTICE", "", "", "", "", "XX", "1234567893"],
    ["TRN", "1", "PROVIDER1"],
  ];
  let hl = 4;
  for (const c of claims) {
    body.push(["HL", String(hl++), "3", "PT"]);
    body.push(["NM1", "QC", "1", "CLIENT", "TEST", "", "", "", "MI", "M123456789"]);
    body.push(["TRN", "2", c.pcn]);
    body.push([
      "STC",
      c.accepted ? "A2:20" : "A7:562:85",
      "20260305",
      c.accepted ? "WQ" : "U",
      money(c.chargeCents),
    ]);
    if (c.payerClaimNumber) body.push(["REF", "1K", c.payerClaimNumber]);
    body.push(["DTP", "472", "D8", "20260302"]);
  }
  return envelope({ functionalId: "HN", version: "005010X214", transactionSetId: "277", body });
};

/**
 * One interchange holding the transaction sets of several single-set files (from era835, …), renumbered ST02/SE02
 * 0001, 0002, … with GE01 counting them: a file with several remittances.
 */
export const oneInterchange = (files: string[]): string => {
  const sets = files.map((f, i) => {
    const set = f.slice(f.indexOf("ST*"), f.indexOf("GE*"));
    const control = String(i + 1).padStart(4, "0");
    return set
      .replace(/^ST\*(\d{3})\*0001/, `ST*$1*${control}`)
      .replace(/(SE\*\d+)\*0001~/, `$1*${control}~`);
  });
  const first = files[0] ?? "";
  const head = first.slice(0, first.indexOf("ST*"));
  const tail = first.slice(first.indexOf("GE*")).replace(/^GE\*1\*/, `GE*${files.length}*`);
  return head + sets.join("") + tail;
};
