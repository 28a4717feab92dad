import { formatCents } from "../money/money";
import { addDays } from "../time/local-date";
import {
  isNineDigitZip,
  isValidIcd10,
  isValidModifier,
  isValidProcedureCode,
  isValidTaxId,
  looksLikeIcd9,
} from "../validation/codes";
import { isValidNpi } from "../validation/npi";
import { describeCharacter } from "../validation/x12-text";

export type ScrubAddress = {
  line1: string;
  line2?: string | undefined;
  city: string;
  state: string;
  zip: string;
};

/** Everything the scrubber checks, assembled from the claim, its practice, providers, policy and payer. */
export type ScrubInput = {
  patientControlNumber: string;
  totalCents: number;
  diagnosisCodes: string[];
  lines: Array<{
    lineNumber: number;
    code: string;
    modifiers: string[];
    units: number;
    chargeCents: number;
    dateOfService: string;
    diagnosisPointers: number[];
  }>;
  billingProvider: { npi: string; taxId: string; address: ScrubAddress; payToAddress: ScrubAddress | null };
  renderingProvider: { npi: string; name: string } | null;
  referringProvider: { npi: string; name: string } | null;
  subscriber: { memberId: string | null };
  payer: {
    name: string;
    payerId: string | null;
    claimFilingIndicator: string | null;
    timelyFilingDays: number;
  };
  /**
   * What the 837P cannot carry as typed, by field path such as `subscriber.name.lastName`: the characters it cannot
   * carry, or, for a name or address, its length once spelled in ASCII beyond its element's maximum.
   */
  texts: Array<{
    path: string;
    value: string;
    characters: string[];
    length?: { written: number; max: number };
  }>;
  /** Earlier live claims with the same client, provider, service and date. */
  duplicates: Array<{ patientControlNumber: string; dateOfService: string; code: string }>;
  /** The practice-local date of the scrub. */
  today: string;
};

export type ScrubSeverity = "blocking" | "warning";
export type ScrubEdit = { code: string; severity: ScrubSeverity; message: string; path?: string };

const ICD10_EFFECTIVE = "2015-10-01";

/** P.O. Box, PO BOX, Post Office Box, Lock Box, Drawer: not a physical address. */
const isPoBox = (a: ScrubAddress) =>
  /\b(p\.?\s*o\.?\s*box|post\s+office\s+box|lock\s*box|drawer)\b/i.test(`${a.line1} ${a.line2 ?? ""}`);

/** Model paths whose last step says little alone: an organization's "last name" is its name. */
const ORGANIZATIONS = /^(billingProvider|payer|serviceFacility)\b/;

/**
 * "subscriber.name.lastName" → "Subscriber last name"; "payer.name.lastName" → "Payer name";
 * "subscriber.name.id" → "Subscriber member id"; "lines[1].procedure.description" → "Line 2 procedure description".
 */
const fieldLabel = (path: string): string => {
  const words = path
    .replace(/\.name\.lastName$/, ORGANIZATIONS.test(path) ? ".name" : ".lastName")
    .replace(/\.name\.(firstName|middleName|prefix|suffix)$/, ".$1")
    .replace(/^subscriber\.name\.id$/, "subscriber.memberId")
    .replace(/\.name\.id$/, ".id")
    .replace(/\.address\.line1$/, ".address")
    .replace(/\.address\.line2$/, ".address line 2")
    .replace(/^lines\[(\d+)\]/, (_, i: string) => `line ${Number(i) + 1}`)
    .split(".")
    .join(" ")
    .replace(/([a-z])([A-Z0-9])/g, "$1 $2")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

type EditDefinition = {
  code: string;
  severity: ScrubSeverity;
  check: (c: ScrubInput) => Array<{ message: string; path?: string }>;
};

/** One finding when `cond` holds; a message that formats amounts is a function, called only then. */
const one = (cond: boolean, spell: string | (() => string), path?: string) => {
  if (!cond) return [];
  const message = typeof spell === "string" ? spell : spell();
  return [path ? { message, path } : { message }];
};

/**
 * The claim scrubber's edits: each a code, a severity and a message a biller can act on. Blocking edits send a
 * claim to Scrubber Rejected; warnings are shown and may be switched off per practice.
 */
export const scrubEdits: readonly EditDefinition[] = [
  {
    code: "BILLING_NPI_INVALID",
    severity: "blocking",
    check: (c) =>
      one(
        !isValidNpi(c.billingProvider.npi),
        `Billing NPI ${c.billingProvider.npi} fails its check digit; correct the practice's billing NPI`,
        "billingProvider.npi",
      ),
  },
  {
    code: "RENDERING_NPI_INVALID",
    severity: "blocking",
    check: (c) =>
      one(
        !!c.renderingProvider && !isValidNpi(c.renderingProvider.npi),
        `Rendering provider ${c.renderingProvider?.name}'s NPI ${c.renderingProvider?.npi} fails its check digit; correct the provider's NPI`,
        "renderingProvider.npi",
      ),
  },
  {
    code: "REFERRING_NPI_INVALID",
    severity: "blocking",
    check: (c) =>
      one(
        !!c.referringProvider && !isValidNpi(c.referringProvider.npi),
        `Referring provider ${c.referringProvider?.name}'s NPI ${c.referringProvider?.npi} fails its check digit`,
        "referringProvider.npi",
      ),
  },
  {
    code: "BILLING_TAX_ID_INVALID",
    severity: "blocking",
    check: (c) =>
      one(
        !isValidTaxId(c.billingProvider.taxId),
        "The practice's tax id must be a 9-digit EIN",
        "billingProvider.taxId",
      ),
  },
  {
    code: "BILLING_ZIP_NOT_9_DIGITS",
    severity: "blocking",
    check: (c) =>
      one(
        !isNineDigitZip(c.billingProvider.address.zip),
        `Billing address ZIP ${c.billingProvider.address.zip} needs all 9 digits (ZIP+4)`,
        "billingProvider.address.zip",
      ),
  },
  {
    code: "BILLING_ADDRESS_NOT_PHYSICAL",
    severity: "blocking",
    check: (c) =>
      one(
        isPoBox(c.billingProvider.address) && !c.billingProvider.payToAddress,
        "The billing address is a P.O. box: use the practice's street address, and put the P.O. box in the pay-to address",
        "billingProvider.address",
      ),
  },
  {
    code: "DIAGNOSIS_MISSING",
    severity: "blocking",
    check: (c) =>
      one(
        c.diagnosisCodes.length === 0,
        "The claim has no diagnosis; add one to the client",
        "diagnosisCodes",
      ),
  },
  {
    code: "DIAGNOSIS_ICD9_AFTER_2015",
    severity: "blocking",
    check: (c) =>
      c.diagnosisCodes
        .map((d, i) => ({ d, i }))
        .filter(({ d }) => looksLikeIcd9(d) && c.lines.some((l) => l.dateOfService >= ICD10_EFFECTIVE))
        .map(({ d, i }) => ({
          message: `Diagnosis ${d} is an ICD-9 code; services on or after ${ICD10_EFFECTIVE} need ICD-10`,
          path: `diagnosisCodes.${i}`,
        })),
  },
  {
    code: "DIAGNOSIS_NOT_ICD10",
    severity: "blocking",
    check: (c) =>
      c.diagnosisCodes
        .map((d, i) => ({ d, i }))
        .filter(({ d }) => !isValidIcd10(d) && !looksLikeIcd9(d))
        .map(({ d, i }) => ({
          message: `Diagnosis ${d} is not a valid ICD-10-CM code`,
          path: `diagnosisCodes.${i}`,
        })),
  },
  {
    code: "PROCEDURE_CODE_INVALID",
    severity: "blocking",
    check: (c) =>
      c.lines
        .filter((l) => !isValidProcedureCode(l.code))
        .map((l) => ({
          message: `Line ${l.lineNumber}: ${l.code} is not a CPT or HCPCS code`,
          path: `lines.${l.lineNumber}.code`,
        })),
  },
  {
    code: "MODIFIER_INVALID",
    severity: "blocking",
    check: (c) =>
      c.lines.flatMap((l) =>
        [
          ...l.modifiers
            .filter((m) => !isValidModifier(m))
            .map((m) => `Line ${l.lineNumber}: modifier ${m} is not two letters or digits`),
          ...(l.modifiers.length > 4 ? [`Line ${l.lineNumber}: at most four modifiers`] : []),
        ].map((message) => ({ message, path: `lines.${l.lineNumber}.modifiers` })),
      ),
  },
  {
    code: "DIAGNOSIS_POINTER_INVALID",
    severity: "blocking",
    check: (c) =>
      c.lines.flatMap((l) => {
        if (l.diagnosisPointers.length === 0)
          return [
            {
              message: `Line ${l.lineNumber} points at no diagnosis`,
              path: `lines.${l.lineNumber}.diagnosisPointers`,
            },
          ];
        const bad = l.diagnosisPointers.filter((p) => p < 1 || p > c.diagnosisCodes.length || p > 12);
        return bad.length
          ? [
              {
                message: `Line ${l.lineNumber} points at diagnosis ${bad.join(", ")}, but the claim has ${c.diagnosisCodes.length}`,
                path: `lines.${l.lineNumber}.diagnosisPointers`,
              },
            ]
          : [];
      }),
  },
  {
    code: "UNITS_NOT_POSITIVE",
    severity: "blocking",
    check: (c) =>
      c.lines
        .filter((l) => l.units <= 0)
        .map((l) => ({
          message: `Line ${l.lineNumber} has ${l.units} units`,
          path: `lines.${l.lineNumber}.units`,
        })),
  },
  {
    code: "CHARGE_NOT_POSITIVE",
    severity: "blocking",
    check: (c) =>
      c.lines
        .filter((l) => l.chargeCents <= 0)
        .map((l) => ({
          message: `Line ${l.lineNumber} charges ${formatCents(l.chargeCents)}; set the service's fee`,
          path: `lines.${l.lineNumber}.chargeCents`,
        })),
  },
  {
    code: "TOTAL_NOT_SUM_OF_LINES",
    severity: "blocking",
    check: (c) => {
      const sum = c.lines.reduce((a, l) => a + l.chargeCents, 0);
      return one(
        sum !== c.totalCents,
        () =>
          `The claim total ${formatCents(c.totalCents)} differs from the sum of its lines ${formatCents(sum)}`,
        "totalCents",
      );
    },
  },
  {
    code: "NO_LINES",
    severity: "blocking",
    check: (c) => one(c.lines.length === 0, "The claim has no service lines", "lines"),
  },
  {
    code: "DATE_OF_SERVICE_IN_FUTURE",
    severity: "blocking",
    check: (c) =>
      c.lines
        .filter((l) => l.dateOfService > c.today)
        .map((l) => ({
          message: `Line ${l.lineNumber}'s date of service ${l.dateOfService} is in the future`,
          path: `lines.${l.lineNumber}.dateOfService`,
        })),
  },
  {
    code: "SUBSCRIBER_ID_MISSING",
    severity: "blocking",
    check: (c) =>
      one(
        !c.subscriber.memberId?.trim(),
        "The insurance policy has no member (subscriber) id",
        "subscriber.memberId",
      ),
  },
  {
    code: "PAYER_ID_MISSING",
    severity: "blocking",
    check: (c) =>
      one(!c.payer.payerId?.trim(), `Payer ${c.payer.name} has no electronic payer id`, "payer.payerId"),
  },
  {
    code: "CLAIM_FILING_INDICATOR_MISSING",
    severity: "blocking",
    check: (c) =>
      one(
        !c.payer.claimFilingIndicator?.trim(),
        `Payer ${c.payer.name} has no claim filing indicator`,
        "payer.claimFilingIndicator",
      ),
  },
  {
    code: "TEXT_NOT_WRITABLE",
    severity: "blocking",
    check: (c) =>
      c.texts.map((t) => ({
        message:
          t.characters.length > 0
            ? `${fieldLabel(t.path)} "${t.value}" has characters a claim file cannot carry (${t.characters.map(describeCharacter).join(", ")}); clearinghouses take Latin letters, digits and punctuation other than * : ^ ~, so enter it as the payer has it`
            : `${fieldLabel(t.path)} "${t.value}" is ${t.length?.written} characters as the claim file spells it; the file takes at most ${t.length?.max}, so shorten it`,
        path: t.path,
      })),
  },
  {
    code: "TIMELY_FILING_EXCEEDED",
    severity: "warning",
    check: (c) => {
      const oldest = c.lines.map((l) => l.dateOfService).sort()[0];
      if (!oldest) return [];
      const deadline = addDays(oldest, c.payer.timelyFilingDays);
      return one(
        c.today > deadline,
        () =>
          `Past ${c.payer.name}'s ${c.payer.timelyFilingDays}-day timely filing window (service ${oldest}, deadline ${deadline}); attach proof of timely filing or expect a denial`,
      );
    },
  },
  {
    code: "DUPLICATE_CLAIM",
    severity: "warning",
    check: (c) =>
      c.duplicates.map((d) => ({
        message: `Looks like a duplicate of claim ${d.patientControlNumber} (same client, provider, ${d.code} on ${d.dateOfService})`,
      })),
  },
];

export const warningEditCodes = scrubEdits.filter((e) => e.severity === "warning").map((e) => e.code);

/** Runs every edit; warnings the practice switched off are skipped. */
export const scrubClaim = (input: ScrubInput, disabledWarnings: readonly string[] = []): ScrubEdit[] =>
  scrubEdits.flatMap((edit) =>
    edit.severity === "warning" && disabledWarnings.includes(edit.code)
      ? []
      : edit.check(input).map((r) => ({
          code: edit.code,
          severity: edit.severity,
          message: r.message,
          ...(r.path ? { path: r.path } : {}),
        })),
  );

export const isBlocked = (edits: readonly ScrubEdit[]): boolean =>
  edits.some((e) => e.severity === "blocking");
