import { X12Error } from "../../errors.js";
import type {
  Address,
  Claim837P,
  ClaimDate,
  Contact,
  Demographics,
  Note,
  PartyName,
  Patient,
  RawSegment,
  Reference,
  ServiceLine837P,
  Subscriber,
  TransactionHeader837P,
} from "../../model/837p.js";
import { isoToX12Date } from "../../values/dates.js";
import { formatCents } from "../../values/money.js";

/** ISO date → CCYYMMDD, or INVALID_MODEL naming the field. */
export function x12Date(iso: string, what: string): string {
  const value = isoToX12Date(iso);
  if (value === undefined) {
    throw new X12Error("INVALID_MODEL", `${what} is not a valid ISO date`, {
      expected: "YYYY-MM-DD",
      found: iso,
    });
  }
  return value;
}

/**
 * A non-money decimal (units, quantities) as X12 R text with at most three decimals, no exponent
 * and no trailing zeros; `undefined` when the number cannot be written exactly that way.
 */
export function quantityText(n: number): string | undefined {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e15) return undefined;
  if (Number.isInteger(n)) return Object.is(n, -0) ? "0" : String(n);
  const fixed = n.toFixed(3);
  if (Number(fixed) !== n) return undefined;
  const text = fixed.replace(/\.?0+$/, "").replace(/^(-?)0\./, "$1.");
  return text === "" || text === "-" || text === "-0" ? "0" : text;
}

export function formatQuantity(n: number): string {
  const text = quantityText(n);
  if (text === undefined) {
    throw new X12Error("INVALID_MODEL", "quantity must be a finite number with at most three decimals", {
      expected: "e.g. 1, 2.5 or 0.125",
      found: String(n),
    });
  }
  return text;
}

function dateOrRange(range: { from: string; to?: string }, what: string): [string, string] {
  if (range.to === undefined) return ["D8", x12Date(range.from, what)];
  return ["RD8", `${x12Date(range.from, what)}-${x12Date(range.to, what)}`];
}

export function nm1(entityCode: string, n: PartyName): RawSegment {
  return [
    "NM1",
    entityCode,
    n.entityType,
    n.lastName,
    n.firstName ?? "",
    n.middleName ?? "",
    n.prefix ?? "",
    n.suffix ?? "",
    n.idQualifier ?? "",
    n.id ?? "",
  ];
}

export function n3(a: Address): RawSegment {
  return ["N3", a.line1, a.line2 ?? ""];
}

export function n4(a: Address): RawSegment {
  return [
    "N4",
    a.city,
    a.state ?? "",
    a.postalCode ?? "",
    a.countryCode ?? "",
    "",
    "",
    a.countrySubdivision ?? "",
  ];
}

export function ref(r: Reference): RawSegment {
  return ["REF", r.qualifier, r.value];
}

export function per(c: Contact): RawSegment {
  const seg: string[] = ["PER", "IC", c.name ?? ""];
  for (const n of c.numbers.slice(0, 3)) seg.push(n.qualifier, n.value);
  return seg;
}

export function dmg(d: Demographics): RawSegment {
  return ["DMG", "D8", x12Date(d.birthDate, "DMG02 birth date"), d.gender];
}

export function prv(code: "BI" | "PE", taxonomy: string): RawSegment {
  return ["PRV", code, "PXC", taxonomy];
}

/** SBR02 is `18` (self) exactly when there is no patient loop. */
export function sbr(s: Subscriber, patientIsSubscriber: boolean): RawSegment {
  return [
    "SBR",
    s.payerResponsibility,
    patientIsSubscriber ? "18" : "",
    s.groupNumber ?? "",
    s.groupName ?? "",
    s.insuranceTypeCode ?? "",
    "",
    "",
    "",
    s.claimFilingIndicator,
  ];
}

export function pat(p: Patient): RawSegment {
  return ["PAT", p.relationship];
}

export function bht(h: TransactionHeader837P): RawSegment {
  return [
    "BHT",
    "0019",
    h.purpose ?? "00",
    h.referenceId,
    x12Date(h.date, "BHT04"),
    h.time,
    h.claimType ?? "CH",
  ];
}

export function hl(id: number, parent: number | undefined, level: string, hasChildren: boolean): RawSegment {
  return ["HL", String(id), parent === undefined ? "" : String(parent), level, hasChildren ? "1" : "0"];
}

export function clm(c: Claim837P, totalCents: number): RawSegment {
  const causes = c.relatedCauses;
  const related: string[] = causes ? [...causes.codes] : [];
  if (causes && (causes.state !== undefined || causes.country !== undefined)) {
    while (related.length < 3) related.push("");
    related.push(causes.state ?? "", causes.country ?? "");
  }
  const seg: Array<string | string[]> = [
    "CLM",
    c.patientControlNumber,
    formatCents(totalCents) || "0",
    "",
    "",
    [c.placeOfService, "B", c.frequencyCode],
    c.providerSignature ?? "Y",
    c.assignment ?? "A",
    c.benefitsAssignment ?? "Y",
    c.releaseOfInformation ?? "Y",
    c.patientSignatureSource ?? "",
    related,
    c.specialProgram ?? "",
  ];
  if (c.delayReason !== undefined) {
    while (seg.length < 20) seg.push("");
    seg.push(c.delayReason);
  }
  return seg;
}

export function dtp(d: ClaimDate): RawSegment {
  const [format, value] = dateOrRange(d, `DTP*${d.qualifier}`);
  return ["DTP", d.qualifier, format, value];
}

export function amt(qualifier: string, cents: number): RawSegment {
  return ["AMT", qualifier, formatCents(cents) || "0"];
}

export function nte(n: Note): RawSegment {
  return ["NTE", n.reference, n.text];
}

/** HI: principal diagnosis (ABK/BK) then the others (ABF/BF), at most 12 in one segment. */
export function hi(codes: readonly string[], codeSet: "ICD10" | "ICD9" = "ICD10"): RawSegment {
  const [principal, other] = codeSet === "ICD9" ? ["BK", "BF"] : ["ABK", "ABF"];
  return ["HI", ...codes.map((code, i) => [i === 0 ? principal : other, code])];
}

export function lx(n: number): RawSegment {
  return ["LX", String(n)];
}

export function sv1(line: ServiceLine837P): RawSegment {
  const p = line.procedure;
  const composite: string[] = [p.qualifier ?? "HC", p.code, ...(p.modifiers ?? [])];
  if (p.description !== undefined) {
    while (composite.length < 6) composite.push("");
    composite.push(p.description);
  }
  return [
    "SV1",
    composite,
    formatCents(line.chargeCents) || "0",
    line.unit ?? "UN",
    formatQuantity(line.quantity),
    line.placeOfService ?? "",
    "",
    line.diagnosisPointers.map(String),
    "",
    line.emergency ? "Y" : "",
    "",
    line.epsdt ? "Y" : "",
    line.familyPlanning ? "Y" : "",
  ];
}

export function serviceDate(line: ServiceLine837P): RawSegment {
  const [format, value] = dateOrRange(line.serviceDate, "DTP*472 service date");
  return ["DTP", "472", format, value];
}
