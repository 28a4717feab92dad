import type { Placed } from "./structure.js";
import { e } from "./tokens.js";

/** One element rule violation. */
export type ElementIssue = { n: number; id: string; element?: number; message: string };

type Check = (
  p: Placed,
  component: string,
  report: (element: number | undefined, message: string) => void,
) => void;

export const CLAIM_FILING_INDICATORS = [
  "11",
  "12",
  "13",
  "14",
  "15",
  "16",
  "17",
  "AM",
  "BL",
  "CH",
  "CI",
  "DS",
  "FI",
  "HM",
  "LM",
  "MA",
  "MB",
  "MC",
  "OF",
  "TV",
  "VA",
  "WC",
  "ZZ",
];
const PAYER_RESPONSIBILITY = ["A", "B", "C", "D", "E", "F", "G", "H", "P", "S", "T", "U"];
const RELATIONSHIP = ["01", "19", "20", "21", "39", "40", "53", "G8"];
const STATES = new Set(
  "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY AS GU MP PR VI".split(
    " ",
  ),
);

export function luhnNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi}`.split("").map(Number).reverse();
  const sum = digits.reduce((acc, d, i) => {
    if (i % 2 === 1) {
      const x = d * 2;
      return acc + (x > 9 ? x - 9 : x);
    }
    return acc + d;
  }, 0);
  return sum % 10 === 0;
}

export function validDate(ccyymmdd: string): boolean {
  if (!/^\d{8}$/.test(ccyymmdd)) return false;
  const y = Number(ccyymmdd.slice(0, 4));
  const m = Number(ccyymmdd.slice(4, 6));
  const d = Number(ccyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function validTime(t: string): boolean {
  return /^([01]\d|2[0-3])[0-5]\d([0-5]\d(\d{1,2})?)?$/.test(t);
}

const AMOUNT = /^-?(\d+(\.\d{1,2})?|\.\d{1,2})$/;

function required(...positions: number[]): Check {
  return (p, _c, report) => {
    for (const at of positions)
      if (e(p.seg, at) === "") report(at, `${p.seg.id}${String(at).padStart(2, "0")} is required`);
  };
}

function oneOf(at: number, allowed: string[]): Check {
  return (p, _c, report) => {
    const v = e(p.seg, at);
    if (!allowed.includes(v))
      report(at, `${p.seg.id}${String(at).padStart(2, "0")} "${v}" is not one of ${allowed.join(", ")}`);
  };
}

function unused(...positions: number[]): Check {
  return (p, _c, report) => {
    for (const at of positions)
      if (e(p.seg, at) !== "")
        report(at, `${p.seg.id}${String(at).padStart(2, "0")} is not used in loop ${p.loop}`);
  };
}

const npiAt =
  (at: number): Check =>
  (p, _c, report) => {
    if (e(p.seg, at - 1) === "XX" && !luhnNpi(e(p.seg, at)))
      report(at, `NM109 "${e(p.seg, at)}" is not a valid NPI`);
  };

const zip =
  (nine: boolean): Check =>
  (p, _c, report) => {
    const country = e(p.seg, 4);
    if (country !== "" && country !== "US") return;
    if (!STATES.has(e(p.seg, 2))) report(2, `N402 "${e(p.seg, 2)}" is not a US state code`);
    const z = e(p.seg, 3);
    if (nine ? !/^\d{9}$/.test(z) : !/^(\d{5}|\d{9})$/.test(z))
      report(3, `N403 "${z}" must be ${nine ? "9" : "5 or 9"} digits`);
  };

const dtpFormat: Check = (p, _c, report) => {
  const format = e(p.seg, 2);
  const value = e(p.seg, 3);
  if (format === "D8") {
    if (!validDate(value)) report(3, `DTP03 "${value}" is not a CCYYMMDD date`);
  } else if (format === "RD8") {
    const m = /^(\d{8})-(\d{8})$/.exec(value);
    if (
      !m ||
      !validDate(m[1] as string) ||
      !validDate(m[2] as string) ||
      (m[1] as string) > (m[2] as string)
    ) {
      report(3, `DTP03 "${value}" is not a CCYYMMDD-CCYYMMDD range`);
    }
  } else report(2, `DTP02 "${format}" must be D8 or RD8`);
};

const NAME_RULES: Record<string, Check[]> = {
  "1000A": [oneOf(2, ["1", "2"]), required(3, 9), oneOf(8, ["46"])],
  "1000B": [oneOf(2, ["2"]), required(3, 9), oneOf(8, ["46"])],
  "2010AA": [oneOf(2, ["1", "2"]), required(3, 9), oneOf(8, ["XX"]), npiAt(9)],
  "2010AB": [oneOf(2, ["1", "2"]), unused(3, 8, 9)],
  "2010BA": [oneOf(2, ["1", "2"]), required(3, 9), oneOf(8, ["MI", "II"])],
  "2010BB": [oneOf(2, ["2"]), required(3, 9), oneOf(8, ["PI", "XV"])],
  "2010CA": [oneOf(2, ["1"]), required(3), unused(8, 9)],
  "2310A": [oneOf(2, ["1"]), required(3), npiAt(9)],
  "2310B": [oneOf(2, ["1", "2"]), required(3), oneOf(8, ["XX"]), npiAt(9)],
  "2310C": [oneOf(2, ["2"]), required(3), npiAt(9)],
  "2420A": [oneOf(2, ["1", "2"]), required(3), oneOf(8, ["XX"]), npiAt(9)],
};

/** Element rules per segment id, some depending on the loop. */
export const RULES: Record<string, Check[]> = {
  BHT: [
    oneOf(1, ["0019"]),
    oneOf(2, ["00", "18"]),
    required(3),
    oneOf(6, ["CH", "RP"]),
    (p, _c, report) => {
      if (!validDate(e(p.seg, 4))) report(4, "BHT04 must be a CCYYMMDD date");
      if (!validTime(e(p.seg, 5))) report(5, "BHT05 must be HHMM[SS[D[D]]]");
    },
  ],
  NM1: [
    (p, c, report) => {
      for (const check of NAME_RULES[p.loop] ?? []) check(p, c, report);
    },
  ],
  PER: [
    oneOf(1, ["IC"]),
    (p, _c, report) => {
      if (e(p.seg, 3) === "" || e(p.seg, 4) === "") report(3, "PER03/PER04 communication number is required");
      for (const at of [3, 5, 7]) {
        const q = e(p.seg, at);
        if (q !== "" && !["TE", "EM", "FX", "EX"].includes(q))
          report(at, `PER${String(at).padStart(2, "0")} "${q}" is not TE, EM, FX or EX`);
        if (q !== "" && e(p.seg, at + 1) === "") report(at + 1, "communication number missing");
      }
      if (!["TE", "EM", "FX"].includes(e(p.seg, 3))) report(3, "PER03 must be TE, EM or FX");
    },
  ],
  HL: [required(1, 3, 4), oneOf(3, ["20", "22", "23"]), oneOf(4, ["0", "1"])],
  PRV: [
    (p, _c, report) => {
      oneOf(1, [p.loop === "2000A" ? "BI" : "PE"])(p, "", report);
      oneOf(2, ["PXC"])(p, "", report);
      if (!/^[0-9A-Z]{9}X$/.test(e(p.seg, 3))) report(3, `PRV03 "${e(p.seg, 3)}" is not a taxonomy code`);
    },
  ],
  N3: [
    required(1),
    (p, _c, report) => {
      if (e(p.seg, 1).length > 55) report(1, "N301 longer than 55");
      // The billing provider address must be a street address; P.O. boxes go in 2010AB.
      if (p.loop === "2010AA" && /\bP\.?\s*O\.?\s*BOX\b/i.test(`${e(p.seg, 1)} ${e(p.seg, 2)}`)) {
        report(1, "2010AA address must not be a P.O. box");
      }
    },
  ],
  N4: [required(1), (p, c, report) => zip(p.loop === "2010AA")(p, c, report)],
  REF: [
    required(1, 2),
    (p, _c, report) => {
      const q = e(p.seg, 1);
      if ((q === "EI" || q === "SY") && p.loop === "2010AA" && !/^\d{9}$/.test(e(p.seg, 2)))
        report(2, "tax id must be 9 digits");
      if (q === "6R" && e(p.seg, 2).length > 50) report(2, "REF02 line item control number longer than 50");
    },
  ],
  SBR: [
    oneOf(1, PAYER_RESPONSIBILITY),
    oneOf(2, ["", "18"]),
    oneOf(9, CLAIM_FILING_INDICATORS),
    unused(6, 7, 8),
  ],
  PAT: [oneOf(1, RELATIONSHIP)],
  DMG: [
    oneOf(1, ["D8"]),
    oneOf(3, ["F", "M", "U"]),
    (p, _c, report) => {
      if (!validDate(e(p.seg, 2))) report(2, "DMG02 must be a CCYYMMDD date");
    },
  ],
  CLM: [
    required(1, 2, 5),
    oneOf(6, ["Y", "N"]),
    oneOf(7, ["A", "B", "C"]),
    oneOf(8, ["N", "W", "Y"]),
    oneOf(9, ["I", "Y"]),
    (p, c, report) => {
      if (e(p.seg, 1).length > 20) report(1, "CLM01 longer than 20");
      if (!AMOUNT.test(e(p.seg, 2))) report(2, `CLM02 "${e(p.seg, 2)}" is not an amount`);
      const [pos = "", facility = "", frequency = ""] = e(p.seg, 5).split(c);
      if (!/^\d{2}$/.test(pos)) report(5, `CLM05-1 place of service "${pos}" must be 2 digits`);
      if (facility !== "B") report(5, `CLM05-2 must be B, found "${facility}"`);
      if (!["1", "7", "8"].includes(frequency))
        report(5, `CLM05-3 frequency "${frequency}" must be 1, 7 or 8`);
    },
  ],
  DTP: [required(1, 2, 3), dtpFormat],
  AMT: [
    oneOf(1, ["F5"]),
    (p, _c, report) => {
      if (!AMOUNT.test(e(p.seg, 2))) report(2, "AMT02 is not an amount");
    },
  ],
  NTE: [required(1, 2)],
  HI: [
    (p, c, report) => {
      const n = p.seg.el.length - 1;
      if (n < 1 || n > 12) report(undefined, `HI carries ${n} codes, expected 1-12`);
      for (let at = 1; at <= n; at++) {
        const [q = "", code = ""] = e(p.seg, at).split(c);
        const want = at === 1 ? "ABK" : "ABF";
        if (q !== want)
          report(at, `HI${String(at).padStart(2, "0")}-1 qualifier "${q}" must be ${want} (ICD-10-CM)`);
        if (!/^[A-TV-Z][0-9][0-9A-Z]([0-9A-Z]{1,4})?$/.test(code))
          report(
            at,
            `HI${String(at).padStart(2, "0")}-2 "${code}" is not an ICD-10-CM code without decimal point`,
          );
      }
    },
  ],
  LX: [required(1)],
  SV1: [
    required(1, 2, 3, 4, 7),
    oneOf(3, ["MJ", "UN"]),
    (p, c, report) => {
      const [q = "", code = "", ...mods] = e(p.seg, 1).split(c);
      if (!["ER", "HC", "IV", "WK"].includes(q)) report(1, `SV101-1 "${q}" must be ER, HC, IV or WK`);
      if (code === "") report(1, "SV101-2 procedure code is required");
      const modifiers = mods.slice(0, 4).filter((m) => m !== "");
      for (const m of modifiers)
        if (!/^[0-9A-Z]{2}$/.test(m)) report(1, `modifier "${m}" must be 2 characters`);
      if (!AMOUNT.test(e(p.seg, 2))) report(2, "SV102 is not an amount");
      const units = Number(e(p.seg, 4));
      if (!(units > 0)) report(4, "SV104 must be a positive quantity");
      const pointers = e(p.seg, 7).split(c);
      if (pointers.length > 4) report(7, "SV107 has more than 4 pointers");
      for (const ptr of pointers)
        if (!/^([1-9]|1[0-2])$/.test(ptr)) report(7, `SV107 pointer "${ptr}" must be 1-12`);
    },
  ],
};
