/**
 * 005010X222A1 loop grammar for the segments a professional claim file can carry, written from the
 * TR3 (usage R/S, repeat counts, qualifiers). Hierarchical levels are nested the way the guide
 * draws them: 2000B inside 2000A, 2300 and 2000C inside 2000B, 2300 inside 2000C.
 */
export type SegRule = { kind: "seg"; id: string; q?: string[]; usage: "R" | "S"; max: number; name: string };
export type LoopRule = { kind: "loop"; loop: string; usage: "R" | "S"; max: number; body: Rule[] };
export type Rule = SegRule | LoopRule;

const seg = (id: string, usage: "R" | "S", max: number, name: string, q?: string[]): SegRule => ({
  kind: "seg",
  id,
  q,
  usage,
  max,
  name,
});
const loop = (name: string, usage: "R" | "S", max: number, body: Rule[]): LoopRule => ({
  kind: "loop",
  loop: name,
  usage,
  max,
  body,
});

const INF = Number.POSITIVE_INFINITY;

const L2310 = [
  loop("2310A", "S", 2, [
    seg("NM1", "R", 1, "Referring Provider Name", ["DN", "P3"]),
    seg("REF", "S", 3, "Referring Provider Secondary Identification", ["0B", "1G", "G2"]),
  ]),
  loop("2310B", "S", 1, [
    seg("NM1", "R", 1, "Rendering Provider Name", ["82"]),
    seg("PRV", "S", 1, "Rendering Provider Specialty Information", ["PE"]),
    seg("REF", "S", 4, "Rendering Provider Secondary Identification", ["0B", "1G", "G2", "LU"]),
  ]),
  loop("2310C", "S", 1, [
    seg("NM1", "R", 1, "Service Facility Location Name", ["77"]),
    seg("N3", "R", 1, "Service Facility Location Address"),
    seg("N4", "R", 1, "Service Facility Location City, State, ZIP Code"),
    seg("REF", "S", 3, "Service Facility Location Secondary Identification", ["0B", "G2", "LU"]),
    seg("PER", "S", 1, "Service Facility Contact Information", ["IC"]),
  ]),
  loop("2310D", "S", 1, [
    seg("NM1", "R", 1, "Supervising Provider Name", ["DQ"]),
    seg("REF", "S", 4, "Supervising Provider Secondary Identification"),
  ]),
];

const L2400 = loop("2400", "R", 50, [
  seg("LX", "R", 1, "Service Line Number"),
  seg("SV1", "R", 1, "Professional Service"),
  seg("DTP", "R", 1, "Date - Service Date", ["472"]),
  seg("REF", "S", 1, "Line Item Control Number", ["6R"]),
  seg("NTE", "S", 1, "Line Note", ["ADD", "DCP"]),
  loop("2420A", "S", 1, [
    seg("NM1", "R", 1, "Rendering Provider Name", ["82"]),
    seg("PRV", "S", 1, "Rendering Provider Specialty Information", ["PE"]),
    seg("REF", "S", 20, "Rendering Provider Secondary Identification", ["0B", "1G", "G2", "LU"]),
  ]),
]);

const L2300 = loop("2300", "S", 100, [
  seg("CLM", "R", 1, "Claim Information"),
  seg("DTP", "S", 30, "Claim Dates", [
    "431",
    "454",
    "304",
    "453",
    "439",
    "484",
    "455",
    "471",
    "314",
    "360",
    "361",
    "297",
    "296",
    "435",
    "096",
    "090",
    "091",
    "444",
    "050",
  ]),
  seg("AMT", "S", 1, "Patient Amount Paid", ["F5"]),
  seg("REF", "S", 20, "Claim References", [
    "4N",
    "F5",
    "EW",
    "9F",
    "G1",
    "F8",
    "X4",
    "9A",
    "9C",
    "LX",
    "D9",
    "EA",
    "P4",
    "1J",
  ]),
  seg("NTE", "S", 1, "Claim Note", ["ADD", "CER", "DCP", "DGN", "TPO"]),
  seg("HI", "R", 1, "Health Care Diagnosis Code"),
  ...L2310,
  L2400,
]);

const L2000C = loop("2000C", "S", INF, [
  seg("HL", "R", 1, "Patient Hierarchical Level"),
  seg("PAT", "R", 1, "Patient Information"),
  loop("2010CA", "R", 1, [
    seg("NM1", "R", 1, "Patient Name", ["QC"]),
    seg("N3", "R", 1, "Patient Address"),
    seg("N4", "R", 1, "Patient City, State, ZIP Code"),
    seg("DMG", "R", 1, "Patient Demographic Information"),
    seg("REF", "S", 1, "Property and Casualty Claim Number", ["Y4", "1W", "SY"]),
  ]),
  { ...L2300, usage: "R" },
]);

const L2000B = loop("2000B", "R", INF, [
  seg("HL", "R", 1, "Subscriber Hierarchical Level"),
  seg("SBR", "R", 1, "Subscriber Information"),
  seg("PAT", "S", 1, "Patient Information"),
  loop("2010BA", "R", 1, [
    seg("NM1", "R", 1, "Subscriber Name", ["IL"]),
    seg("N3", "S", 1, "Subscriber Address"),
    seg("N4", "S", 1, "Subscriber City, State, ZIP Code"),
    seg("DMG", "S", 1, "Subscriber Demographic Information"),
    seg("REF", "S", 2, "Subscriber Secondary Identification", ["SY", "Y4"]),
  ]),
  loop("2010BB", "R", 1, [
    seg("NM1", "R", 1, "Payer Name", ["PR"]),
    seg("N3", "S", 1, "Payer Address"),
    seg("N4", "S", 1, "Payer City, State, ZIP Code"),
    seg("REF", "S", 5, "Payer / Billing Provider Secondary Identification", [
      "2U",
      "EI",
      "FY",
      "NF",
      "G2",
      "LU",
    ]),
  ]),
  L2300,
  L2000C,
]);

const L2000A = loop("2000A", "R", INF, [
  seg("HL", "R", 1, "Billing Provider Hierarchical Level"),
  seg("PRV", "S", 1, "Billing Provider Specialty Information", ["BI"]),
  loop("2010AA", "R", 1, [
    seg("NM1", "R", 1, "Billing Provider Name", ["85"]),
    seg("N3", "R", 1, "Billing Provider Address"),
    seg("N4", "R", 1, "Billing Provider City, State, ZIP Code"),
    seg("REF", "R", 1, "Billing Provider Tax Identification", ["EI", "SY"]),
    seg("REF", "S", 2, "Billing Provider UPIN/License Information", ["0B", "1G"]),
    seg("PER", "S", 2, "Billing Provider Contact Information", ["IC"]),
  ]),
  loop("2010AB", "S", 1, [
    seg("NM1", "R", 1, "Pay-to Address Name", ["87"]),
    seg("N3", "R", 1, "Pay-to Address - ADDRESS"),
    seg("N4", "R", 1, "Pay-To Address City, State, ZIP Code"),
  ]),
  L2000B,
]);

/** Everything between ST and SE. */
export const TRANSACTION: LoopRule = loop("ST", "R", 1, [
  seg("BHT", "R", 1, "Beginning of Hierarchical Transaction"),
  loop("1000A", "R", 1, [
    seg("NM1", "R", 1, "Submitter Name", ["41"]),
    seg("PER", "R", 2, "Submitter EDI Contact Information", ["IC"]),
  ]),
  loop("1000B", "R", 1, [seg("NM1", "R", 1, "Receiver Name", ["40"])]),
  L2000A,
]);

/** HL03 of the loops that start with HL. */
export const HL_LEVEL: Record<string, string> = { "2000A": "20", "2000B": "22", "2000C": "23" };
