import { X12Error } from "../../errors.js";
import type {
  Address,
  Batch837P,
  BillingProvider,
  Claim837P,
  Contact,
  PartyName,
  Patient,
  Payer,
  ServiceLine837P,
  Subscriber,
  TransactionHeader837P,
} from "../../model/837p.js";
import { isoToX12Date, isX12Time } from "../../values/dates.js";
import { quantityText } from "./segments.js";

/**
 * `strict` (default) applies the 005010X222A1 content rules the writer can check from the model
 * (NPI check digit, 9-digit billing ZIP without P.O. box, ICD-10 codes, code lists, REF*F8 on
 * replacements). `structural` only checks what is needed to write a well-formed file, for data
 * read from older files (ICD-9, 5-digit ZIPs).
 */
export type ValidationLevel = "strict" | "structural";

const CLAIM_FILING = new Set([
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
]);
const RESPONSIBILITY = new Set(["P", "S", "T", "A", "B", "C", "D", "E", "F", "G", "H", "U"]);
const RELATIONSHIP = new Set(["01", "19", "20", "21", "39", "40", "53", "G8"]);
const FREQUENCY = new Set(["1", "7", "8"]);
const GENDER = new Set(["F", "M", "U"]);
const PO_BOX = /\b(P\.?\s*O\.?\s*BOX|POST\s+OFFICE\s+BOX|LOCK\s*BOX|PMB)\b/i;
const ICD10 = /^[A-TV-Z][0-9][0-9A-Z]([0-9A-Z]{1,4})?$/;
/** PER03 communication number qualifiers; `EX` (extension) only follows a number. */
const FIRST_NUMBER = new Set(["TE", "EM", "FX"]);
const NEXT_NUMBER = new Set(["TE", "EM", "FX", "EX"]);

/**
 * A refused value as the `found` text of an error: strings as they are, numbers as JavaScript
 * prints them (`NaN`, `Infinity`, which JSON would turn into `null`), anything else as JSON.
 */
export function foundText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value !== "object" || value === null) return String(value);
  try {
    const json = JSON.stringify(value, (_key, v: unknown) =>
      typeof v === "number" && !Number.isFinite(v) ? String(v) : v,
    );
    return json ?? String(value);
  } catch {
    return String(value);
  }
}

/** NPI check digit: Luhn over "80840" + the first nine digits. */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi}`;
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

class Checker {
  constructor(readonly strict: boolean) {}

  fail(path: string, summary: string, expected: string, found: unknown): never {
    throw new X12Error("INVALID_MODEL", summary, { path, expected, found: foundText(found) });
  }

  /** A required model object; a missing one would otherwise end as a TypeError while writing. */
  object(path: string, value: unknown, what: string): void {
    if (typeof value !== "object" || value === null || Array.isArray(value))
      this.fail(path, `${what} is required`, "an object", value);
  }

  /** A required list of at least `min` entries (`min` 1: a loop the guide requires at least once). */
  list(path: string, value: unknown, summary: string, min: number, expected: string): void {
    if (!Array.isArray(value) || value.length < min) this.fail(path, summary, expected, value);
  }

  text(path: string, value: unknown, what: string, max?: number): void {
    if (typeof value !== "string" || value.trim() === "")
      this.fail(path, `${what} is required`, "a non-empty string", value);
    if (max !== undefined && value.length > max)
      this.fail(path, `${what} is too long`, `at most ${max} characters`, value);
  }

  date(path: string, value: unknown, what: string): void {
    if (typeof value !== "string" || isoToX12Date(value) === undefined) {
      this.fail(path, `${what} is not a valid date`, "an ISO date YYYY-MM-DD", value);
    }
  }

  cents(path: string, value: unknown, what: string, min = Number.MIN_SAFE_INTEGER): void {
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) {
      this.fail(
        path,
        `${what} must be an integer number of cents${min === 0 ? " (not negative)" : ""}`,
        "integer cents",
        value,
      );
    }
  }

  oneOf(path: string, value: unknown, allowed: Set<string>, what: string): void {
    if (typeof value !== "string" || !allowed.has(value)) {
      this.fail(path, `${what} is not an allowed code`, [...allowed].join(", "), value);
    }
  }

  name(path: string, n: PartyName | undefined, what: string, opts: { id?: "required" | "npi" } = {}): void {
    if (n === undefined || typeof n !== "object") this.fail(path, `${what} is required`, "a name", n);
    if (n.entityType !== "1" && n.entityType !== "2")
      this.fail(`${path}.entityType`, `${what}: entity type must be 1 or 2`, "1 or 2", n.entityType);
    this.text(`${path}.lastName`, n.lastName, `${what} last or organization name`, 60);
    if (opts.id !== undefined) {
      this.text(`${path}.idQualifier`, n.idQualifier, `${what} identification code qualifier`);
      this.text(`${path}.id`, n.id, `${what} identifier`, 80);
    }
    if (opts.id === "npi" && this.strict) {
      if (n.idQualifier !== "XX")
        this.fail(`${path}.idQualifier`, `${what} must be identified by NPI`, "XX", n.idQualifier);
      if (!isValidNpi(n.id ?? ""))
        this.fail(
          `${path}.id`,
          `${what} NPI is not a valid 10-digit NPI`,
          "10 digits with a valid check digit",
          n.id,
        );
    }
  }

  /**
   * PER contacts, at most `max` (the loop's repeat) with one to three numbers each; `min` (1 when
   * the guide requires the PER) and the number qualifiers are checked in strict mode.
   */
  contacts(path: string, list: Contact[] | undefined, what: string, min: number, max: number): void {
    if (!Array.isArray(list))
      this.fail(path, `${what} contacts must be a list`, "an array of contacts", list);
    if (list.length > max || (this.strict && list.length < min)) {
      const summary =
        min > 0
          ? `the ${what} needs ${min} to ${max} contacts (PER)`
          : `the ${what} has at most ${max} contacts (PER)`;
      this.fail(path, summary, `${min}-${max} contacts`, list);
    }
    list.forEach((contact, i) => {
      this.object(`${path}[${i}]`, contact, `${what} contact`);
      const numbers = contact.numbers;
      if (!Array.isArray(numbers) || numbers.length > 3 || (this.strict && numbers.length === 0)) {
        this.fail(
          `${path}[${i}].numbers`,
          `a ${what} contact has one to three communication numbers (PER03-PER08)`,
          "1-3 numbers",
          numbers,
        );
      }
      numbers.forEach((n, j) => {
        const at = `${path}[${i}].numbers[${j}]`;
        this.object(at, n, `${what} contact number`);
        if (!this.strict) return;
        const allowed = j === 0 ? FIRST_NUMBER : NEXT_NUMBER;
        this.oneOf(`${at}.qualifier`, n.qualifier, allowed, `${what} contact number qualifier`);
        this.text(`${at}.value`, n.value, `${what} contact number`, 256);
      });
    });
  }

  address(
    path: string,
    a: Address | undefined,
    what: string,
    opts: { zip9?: boolean; noPoBox?: boolean } = {},
  ): void {
    if (a === undefined || typeof a !== "object") this.fail(path, `${what} is required`, "an address", a);
    this.text(`${path}.line1`, a.line1, `${what} line 1`, 55);
    this.text(`${path}.city`, a.city, `${what} city`, 30);
    if (!this.strict) return;
    const us = a.countryCode === undefined || a.countryCode === "US";
    if (us) {
      this.text(`${path}.state`, a.state, `${what} state`);
      const zip = a.postalCode ?? "";
      if (opts.zip9 ? !/^\d{9}$/.test(zip) : !/^(\d{5}|\d{9})$/.test(zip)) {
        this.fail(
          `${path}.postalCode`,
          `${what} ZIP code is invalid`,
          opts.zip9 ? "9 digits (ZIP+4)" : "5 or 9 digits",
          zip,
        );
      }
    }
    if (opts.noPoBox && (PO_BOX.test(a.line1) || PO_BOX.test(a.line2 ?? ""))) {
      this.fail(
        `${path}.line1`,
        `${what} must be a physical address; put a P.O. box in billingProvider.payTo`,
        "a street address",
        a.line1,
      );
    }
  }
}

function billingProvider(c: Checker, path: string, bp: BillingProvider): void {
  c.object(path, bp, "billing provider");
  c.name(`${path}.name`, bp.name, "billing provider", { id: "npi" });
  c.address(`${path}.address`, bp.address, "billing provider address", { zip9: true, noPoBox: true });
  if (bp.taxId === undefined)
    c.fail(`${path}.taxId`, "billing provider tax id is required", "REF EI or SY", undefined);
  if (bp.taxId.qualifier !== "EI" && bp.taxId.qualifier !== "SY") {
    c.fail(`${path}.taxId.qualifier`, "billing provider tax id qualifier", "EI or SY", bp.taxId.qualifier);
  }
  c.text(`${path}.taxId.value`, bp.taxId.value, "billing provider tax id");
  if (c.strict && !/^\d{9}$/.test(bp.taxId.value))
    c.fail(`${path}.taxId.value`, "tax id must be 9 digits", "9 digits", bp.taxId.value);
  if (c.strict && bp.taxonomy !== undefined && !/^[0-9A-Z]{9}X$/.test(bp.taxonomy)) {
    c.fail(
      `${path}.taxonomy`,
      "taxonomy code must be 10 characters ending in X",
      "e.g. 207Q00000X",
      bp.taxonomy,
    );
  }
  if (bp.contacts !== undefined) c.contacts(`${path}.contacts`, bp.contacts, "billing provider", 0, 2);
  if (bp.payTo) {
    if (bp.payTo.entityType !== "1" && bp.payTo.entityType !== "2")
      c.fail(`${path}.payTo.entityType`, "pay-to entity type must be 1 or 2", "1 or 2", bp.payTo.entityType);
    c.address(`${path}.payTo.address`, bp.payTo.address, "pay-to address");
  }
}

function subscriber(c: Checker, path: string, s: Subscriber): void {
  c.object(path, s, "subscriber");
  c.oneOf(`${path}.payerResponsibility`, s.payerResponsibility, RESPONSIBILITY, "SBR01 payer responsibility");
  c.oneOf(
    `${path}.claimFilingIndicator`,
    s.claimFilingIndicator,
    CLAIM_FILING,
    "SBR09 claim filing indicator",
  );
  c.name(`${path}.name`, s.name, "subscriber", { id: "required" });
  if (c.strict && s.name.idQualifier !== "MI" && s.name.idQualifier !== "II") {
    c.fail(`${path}.name.idQualifier`, "subscriber id qualifier", "MI (member id) or II", s.name.idQualifier);
  }
  if (s.address) c.address(`${path}.address`, s.address, "subscriber address");
  if (s.demographics) {
    c.date(`${path}.demographics.birthDate`, s.demographics.birthDate, "subscriber birth date");
    c.oneOf(`${path}.demographics.gender`, s.demographics.gender, GENDER, "subscriber gender");
  }
}

function payer(c: Checker, path: string, p: Payer): void {
  c.object(path, p, "payer");
  c.name(`${path}.name`, p.name, "payer", { id: "required" });
  if (c.strict && p.name.entityType !== "2")
    c.fail(`${path}.name.entityType`, "payer must be an organization", "2", p.name.entityType);
  if (c.strict && p.name.idQualifier !== "PI" && p.name.idQualifier !== "XV") {
    c.fail(`${path}.name.idQualifier`, "payer id qualifier", "PI or XV", p.name.idQualifier);
  }
  if (p.address) c.address(`${path}.address`, p.address, "payer address");
}

function patient(c: Checker, path: string, p: Patient): void {
  c.oneOf(
    `${path}.relationship`,
    p.relationship,
    RELATIONSHIP,
    "PAT01 relationship (18 self means: leave patient out)",
  );
  c.name(`${path}.name`, p.name, "patient");
  c.address(`${path}.address`, p.address, "patient address");
  if (p.demographics === undefined)
    c.fail(`${path}.demographics`, "patient demographics are required", "birth date and gender", undefined);
  c.date(`${path}.demographics.birthDate`, p.demographics.birthDate, "patient birth date");
  c.oneOf(`${path}.demographics.gender`, p.demographics.gender, GENDER, "patient gender");
}

function line(c: Checker, path: string, l: ServiceLine837P, diagnoses: number): void {
  c.object(path, l, "service line");
  if (l.procedure === undefined) c.fail(`${path}.procedure`, "procedure is required", "{ code }", undefined);
  c.text(`${path}.procedure.code`, l.procedure.code, "procedure code", 48);
  const modifiers = l.procedure.modifiers ?? [];
  if (modifiers.length > 4)
    c.fail(`${path}.procedure.modifiers`, "at most four modifiers", "0-4 modifiers", modifiers);
  if (c.strict) {
    if (
      (l.procedure.qualifier ?? "HC") !== "HC" &&
      l.procedure.qualifier !== "ER" &&
      l.procedure.qualifier !== "IV" &&
      l.procedure.qualifier !== "WK"
    ) {
      c.fail(
        `${path}.procedure.qualifier`,
        "SV101-1 product/service id qualifier",
        "HC, ER, IV or WK",
        l.procedure.qualifier,
      );
    }
    modifiers.forEach((m, i) => {
      if (!/^[0-9A-Z]{2}$/.test(m))
        c.fail(`${path}.procedure.modifiers[${i}]`, "modifier must be 2 characters", "2 letters/digits", m);
    });
  }
  c.cents(`${path}.chargeCents`, l.chargeCents, "line charge", 0);
  if (
    typeof l.quantity !== "number" ||
    quantityText(l.quantity) === undefined ||
    (c.strict && l.quantity <= 0)
  ) {
    c.fail(
      `${path}.quantity`,
      "service unit count must be a positive number with at most three decimals",
      "> 0",
      l.quantity,
    );
  }
  if (l.unit !== undefined && c.strict && l.unit !== "UN" && l.unit !== "MJ")
    c.fail(`${path}.unit`, "SV103 unit", "UN or MJ", l.unit);
  const pointers = l.diagnosisPointers;
  if (!Array.isArray(pointers) || pointers.length === 0 || pointers.length > 4) {
    c.fail(
      `${path}.diagnosisPointers`,
      "one to four diagnosis pointers are required",
      "1-4 pointers",
      pointers,
    );
  }
  pointers.forEach((p, i) => {
    if (!Number.isInteger(p) || p < 1 || p > Math.max(diagnoses, c.strict ? 0 : 12)) {
      c.fail(`${path}.diagnosisPointers[${i}]`, "diagnosis pointer out of range", `1-${diagnoses}`, p);
    }
  });
  if (l.serviceDate === undefined)
    c.fail(`${path}.serviceDate`, "service date is required", "{ from }", undefined);
  c.date(`${path}.serviceDate.from`, l.serviceDate.from, "service date");
  if (l.serviceDate.to !== undefined) {
    c.date(`${path}.serviceDate.to`, l.serviceDate.to, "service end date");
    if (l.serviceDate.to < l.serviceDate.from)
      c.fail(
        `${path}.serviceDate.to`,
        "service end date before start",
        `>= ${l.serviceDate.from}`,
        l.serviceDate.to,
      );
  }
  if (l.lineControlNumber !== undefined)
    c.text(`${path}.lineControlNumber`, l.lineControlNumber, "line item control number", 50);
}

/** Checks one claim, with all its lines (before splitting). */
export function validateClaim(claim: Claim837P, path: string, level: ValidationLevel): void {
  const c = new Checker(level === "strict");
  c.object(path, claim, "claim");
  billingProvider(c, `${path}.billingProvider`, claim.billingProvider);
  subscriber(c, `${path}.subscriber`, claim.subscriber);
  payer(c, `${path}.payer`, claim.payer);
  if (claim.patient) patient(c, `${path}.patient`, claim.patient);
  c.text(
    `${path}.patientControlNumber`,
    claim.patientControlNumber,
    "patient control number",
    c.strict ? 20 : 38,
  );
  if (c.strict && !/^\d{2}$/.test(claim.placeOfService))
    c.fail(`${path}.placeOfService`, "place of service must be 2 digits", "e.g. 11", claim.placeOfService);
  else c.text(`${path}.placeOfService`, claim.placeOfService, "place of service");
  c.oneOf(`${path}.frequencyCode`, claim.frequencyCode, FREQUENCY, "CLM05-3 claim frequency");
  if (c.strict && claim.frequencyCode !== "1" && !claim.payerClaimControlNumber) {
    c.fail(
      `${path}.payerClaimControlNumber`,
      "a replacement (7) or void (8) needs the payer claim control number (REF*F8)",
      "the original claim's payer claim number",
      undefined,
    );
  }
  const codes = claim.diagnosisCodes;
  if (!Array.isArray(codes) || (c.strict && codes.length === 0) || codes.length > 12) {
    c.fail(`${path}.diagnosisCodes`, "one to twelve diagnosis codes are required", "1-12 codes", codes);
  }
  codes.forEach((code, i) => {
    if (c.strict && (claim.diagnosisCodeSet ?? "ICD10") === "ICD9")
      c.fail(`${path}.diagnosisCodeSet`, "5010 claims use ICD-10-CM", "ICD10", "ICD9");
    if (c.strict ? !ICD10.test(code) : typeof code !== "string" || code === "") {
      c.fail(
        `${path}.diagnosisCodes[${i}]`,
        "diagnosis code is not an ICD-10-CM code without decimal point",
        "e.g. E119",
        code,
      );
    }
  });
  if (!Array.isArray(claim.lines) || claim.lines.length === 0)
    c.fail(`${path}.lines`, "a claim needs at least one line", "1+ lines", claim.lines);
  claim.lines.forEach((l, i) => {
    line(c, `${path}.lines[${i}]`, l, codes.length);
  });
  if (claim.totalChargeCents !== undefined) {
    c.cents(`${path}.totalChargeCents`, claim.totalChargeCents, "total charge", 0);
    const sum = claim.lines.reduce((s, l) => s + l.chargeCents, 0);
    if (sum !== claim.totalChargeCents)
      c.fail(
        `${path}.totalChargeCents`,
        "total charge must equal the sum of the line charges",
        String(sum),
        claim.totalChargeCents,
      );
  }
  if (claim.patientPaidCents !== undefined)
    c.cents(`${path}.patientPaidCents`, claim.patientPaidCents, "patient paid amount", 0);
  for (const [i, d] of (claim.dates ?? []).entries()) {
    c.text(`${path}.dates[${i}].qualifier`, d.qualifier, "date qualifier");
    c.date(`${path}.dates[${i}].from`, d.from, `DTP*${d.qualifier}`);
    if (d.to !== undefined) c.date(`${path}.dates[${i}].to`, d.to, `DTP*${d.qualifier}`);
  }
  if (claim.renderingProvider)
    c.name(`${path}.renderingProvider.name`, claim.renderingProvider.name, "rendering provider", {
      id: c.strict ? "npi" : undefined,
    });
  if (claim.referringProvider)
    c.name(`${path}.referringProvider.name`, claim.referringProvider.name, "referring provider");
  if (claim.serviceFacility) {
    c.name(`${path}.serviceFacility.name`, claim.serviceFacility.name, "service facility");
    c.address(`${path}.serviceFacility.address`, claim.serviceFacility.address, "service facility address");
  }
}

/** Checks the BHT, submitter (1000A) and receiver (1000B) of one transaction. */
export function validateHeader(h: TransactionHeader837P, path: string, level: ValidationLevel): void {
  const c = new Checker(level === "strict");
  c.object(path, h, "transaction header");
  c.text(`${path}.referenceId`, h.referenceId, "BHT03 reference id", 50);
  c.date(`${path}.date`, h.date, "BHT04 date");
  if (!isX12Time(h.time)) c.fail(`${path}.time`, "BHT05 time", "HHMM or HHMMSS", h.time);
  c.name(`${path}.submitter.name`, h.submitter?.name, "submitter", { id: "required" });
  c.contacts(`${path}.submitter.contacts`, h.submitter.contacts, "submitter", 1, 2);
  c.name(`${path}.receiver.name`, h.receiver?.name, "receiver", { id: "required" });
}

/**
 * The shape of the whole batch, checked before anything is written or any control number is
 * drawn: the envelope values, at least one transaction set, and at least one claim in each (a
 * transaction set without claims has no billing provider loop 2000A, which the guide requires).
 */
export function validateBatch(batch: Batch837P): void {
  const c = new Checker(false);
  c.object("interchange", batch.interchange, "interchange (ISA values)");
  c.object("group", batch.group, "functional group (GS values)");
  c.list(
    "transactions",
    batch.transactions,
    "a batch needs at least one transaction set",
    1,
    "1+ transactions",
  );
  batch.transactions.forEach((t, i) => {
    c.object(`transactions[${i}]`, t, "transaction");
    c.object(`transactions[${i}].header`, t.header, "transaction header");
    c.list(
      `transactions[${i}].claims`,
      t.claims,
      "a transaction needs at least one claim (loop 2000A)",
      1,
      "1+ claims",
    );
  });
}
