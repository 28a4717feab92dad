import {
  decideRenderingProvider,
  decideServiceFacility,
  type ScrubAddress,
  type ScrubInput,
  toX12Text,
  unwritableCharacters,
} from "@billcycle/core";
import type { Address as DbAddress } from "@billcycle/db";
import type { Address, Claim837P, PatientRelationship, PayerResponsibility } from "@billcycle/x12";
import type { ClaimDetails } from "./load-claim-details";

const digits = (s: string) => s.replace(/\D/g, "");
const x12Address = (a: DbAddress): Address => ({
  line1: a.line1,
  ...(a.line2 ? { line2: a.line2 } : {}),
  city: a.city,
  state: a.state,
  postalCode: digits(a.zip),
});
const scrubAddress = (a: DbAddress): ScrubAddress => ({
  line1: a.line1,
  line2: a.line2,
  city: a.city,
  state: a.state,
  zip: a.zip,
});

const responsibility: Record<"primary" | "secondary" | "tertiary", PayerResponsibility> = {
  primary: "P",
  secondary: "S",
  tertiary: "T",
};
const relationship: Record<"spouse" | "child" | "other", PatientRelationship> = {
  spouse: "01",
  child: "19",
  other: "G8",
};

/**
 * The 837P's free-text fields (names, addresses, contact names, notes, descriptions) and their element's maximum
 * length. Only these are spelled in ASCII ({@link toX12Text}); every other string is an identifier or a code, sent
 * exactly as typed.
 */
const TEXT_FIELDS: Readonly<Record<string, number>> = {
  lastName: 60, // NM103 (a person's last name, or an organization's name)
  firstName: 35, // NM104
  middleName: 25, // NM105
  prefix: 10, // NM106
  suffix: 10, // NM107
  line1: 55, // N301
  line2: 55, // N302
  city: 30, // N401
  name: 60, // PER02 contact name
  groupName: 60, // SBR04
  text: 80, // NTE02
  description: 80, // SV101-7
};

/**
 * `value` with its free-text fields spelled for an X12 file: accents removed, and so on. Objects and arrays holding
 * only ASCII (nearly every claim) are returned as they are, not copied.
 */
export const asX12Text = <T>(value: T, key?: string): T => {
  if (typeof value === "string")
    return (key !== undefined && key in TEXT_FIELDS ? toX12Text(value) : value) as T;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const spelled: unknown = asX12Text(value[i], key);
      if (spelled !== value[i]) {
        copy ??= [...value];
        copy[i] = spelled;
      }
    }
    return (copy ?? value) as T;
  }
  if (value !== null && typeof value === "object") {
    let copy: Record<string, unknown> | undefined;
    const record = value as Record<string, unknown>;
    // for…in, not Object.entries: no array per object walked (plain objects: nothing inherited to skip).
    for (const k in record) {
      const child = record[k];
      const spelled: unknown = asX12Text(child, k);
      if (spelled !== child) {
        copy ??= { ...(value as Record<string, unknown>) };
        copy[k] = spelled;
      }
    }
    return (copy ?? value) as T;
  }
  return value;
};

/**
 * What in a claim model, as typed, the 837P cannot carry ({@link unwritableCharacters}: free text that cannot be
 * spelled in ASCII, identifiers and codes with anything outside printable ASCII, separators anywhere), and free text
 * longer than its element once spelled. `path` is the walk's stack, joined (`subscriber.name.lastName`,
 * `lines[0].procedure.description`) only for what is reported.
 */
const unwritableTexts = (
  value: unknown,
  path: string[] = [],
  key?: string,
  out: ScrubInput["texts"] = [],
): ScrubInput["texts"] => {
  if (typeof value === "string") {
    const max = key === undefined ? undefined : TEXT_FIELDS[key];
    const characters = unwritableCharacters(value, max !== undefined);
    const written = max === undefined ? 0 : toX12Text(value).length;
    const tooLong = max !== undefined && written > max;
    if (characters.length > 0 || tooLong) {
      out.push({
        path: path.join(".").replaceAll(".[", "["),
        value,
        characters,
        ...(tooLong ? { length: { written, max } } : {}),
      });
    }
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(`[${i}]`);
      unwritableTexts(value[i], path, key, out);
      path.pop();
    }
  } else if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const k in record) {
      path.push(k);
      unwritableTexts(record[k], path, k, out);
      path.pop();
    }
  }
  return out;
};

/** The scrubber's view of a claim. `duplicates` come from the database (earlier live claims for the same session facts). */
export const toScrubInput = (
  d: ClaimDetails,
  duplicates: ScrubInput["duplicates"],
  today: string,
): ScrubInput => ({
  patientControlNumber: d.claim.patientControlNumber,
  totalCents: d.claim.totalCents,
  diagnosisCodes: d.claim.diagnosisCodes,
  lines: d.lines.map((l) => ({
    lineNumber: l.lineNumber,
    code: l.code,
    modifiers: l.modifiers,
    units: l.units,
    chargeCents: l.chargeCents,
    dateOfService: l.dateOfService,
    diagnosisPointers: l.diagnosisPointers,
  })),
  billingProvider: {
    npi: d.practice.billingNpi,
    taxId: d.practice.taxId,
    address: scrubAddress(d.practice.address),
    payToAddress: null,
  },
  renderingProvider: d.provider
    ? { npi: d.provider.npi, name: `${d.provider.firstName} ${d.provider.lastName}` }
    : null,
  referringProvider: null,
  subscriber: { memberId: d.policy.memberId },
  payer: {
    name: d.payer.name,
    payerId: d.payer.payerId,
    claimFilingIndicator: d.payer.claimFilingIndicator,
    timelyFilingDays: d.payer.timelyFilingDays,
  },
  texts: unwritableTexts(modelOf(d)),
  duplicates,
  today,
});

/**
 * The 837P model of a claim: billing provider = the practice (or, billing under the rendering provider's own NPI,
 * that person), subscriber from the policy, patient loop only for dependents; the rendering provider (2310B) and
 * the service facility (2310C) only when they differ from the billing provider (core decide-claim-loops). Its
 * names and addresses are spelled for X12 (José Muñoz → Jose Munoz); what cannot be written (王, a member id with
 * Ø, an address line longer than N301 once spelled) the scrubber reports from {@link claimModel}.
 */
export const toClaim837 = (d: ClaimDetails): Claim837P => asX12Text(modelOf(d));

/**
 * Each loaded claim's model, built once: the scrubber reads it, then the 837P writes the same claims (details are
 * loaded afresh for every run and never changed after).
 */
const models = new WeakMap<ClaimDetails, Claim837P>();
const modelOf = (d: ClaimDetails): Claim837P => {
  const known = models.get(d);
  if (known) return known;
  const model = claimModel(d);
  models.set(d, model);
  return model;
};

const claimModel = (d: ClaimDetails): Claim837P => {
  const { claim, client, policy, payer, practice, provider, location } = d;
  const self = policy.subscriberRelationship === "self" || !policy.subscriber;
  const sub = self
    ? {
        firstName: client.firstName,
        lastName: client.lastName,
        dateOfBirth: client.dateOfBirth,
        sex: client.sex,
        address: client.address ?? undefined,
      }
    : policy.subscriber!;
  const subscriberAddress = sub.address ?? client.address ?? undefined;
  const rendering = decideRenderingProvider({
    renderingNpi: provider?.npi ?? null,
    billingNpi: practice.billingNpi,
  });
  const facility =
    location !== null &&
    decideServiceFacility({
      placeOfServiceCode: location.placeOfServiceCode,
      facilityAddress: location.address,
      billingAddress: practice.address,
    });
  return {
    billingProvider: {
      name:
        provider && rendering === "billing-provider-is-rendering"
          ? {
              entityType: "1",
              lastName: provider.lastName,
              firstName: provider.firstName,
              idQualifier: "XX",
              id: practice.billingNpi,
            }
          : { entityType: "2", lastName: practice.name, idQualifier: "XX", id: practice.billingNpi },
      address: x12Address(practice.address),
      taxId: { qualifier: "EI", value: digits(practice.taxId) },
      taxonomy: practice.taxonomyCode,
    },
    subscriber: {
      payerResponsibility: responsibility[claim.payerRank],
      ...(policy.groupNumber ? { groupNumber: policy.groupNumber } : {}),
      claimFilingIndicator: payer.claimFilingIndicator as Claim837P["subscriber"]["claimFilingIndicator"],
      name: {
        entityType: "1",
        lastName: sub.lastName,
        firstName: sub.firstName,
        idQualifier: "MI",
        id: policy.memberId,
      },
      ...(subscriberAddress ? { address: x12Address(subscriberAddress) } : {}),
      demographics: { birthDate: sub.dateOfBirth, gender: sub.sex },
    },
    payer: { name: { entityType: "2", lastName: payer.name, idQualifier: "PI", id: payer.payerId } },
    ...(self
      ? {}
      : {
          patient: {
            relationship: relationship[policy.subscriberRelationship as "spouse" | "child" | "other"],
            name: { entityType: "1" as const, lastName: client.lastName, firstName: client.firstName },
            address: x12Address(client.address ?? practice.address),
            demographics: { birthDate: client.dateOfBirth, gender: client.sex },
          },
        }),
    patientControlNumber: claim.patientControlNumber,
    totalChargeCents: claim.totalCents,
    placeOfService: location?.placeOfServiceCode ?? "11",
    frequencyCode: claim.frequencyCode,
    // A replacement (7) or payer void (8) names the payer's number for the claim it replaces (REF*F8).
    ...(claim.replacesPayerClaimNumber && claim.frequencyCode !== "1"
      ? { payerClaimControlNumber: claim.replacesPayerClaimNumber }
      : {}),
    diagnosisCodes: claim.diagnosisCodes.map((c) => c.replace(".", "")),
    ...(provider && rendering === "separate"
      ? {
          renderingProvider: {
            name: {
              entityType: "1",
              lastName: provider.lastName,
              firstName: provider.firstName,
              idQualifier: "XX",
              id: provider.npi,
            },
            taxonomy: provider.taxonomyCode,
          },
        }
      : {}),
    ...(location && facility
      ? {
          serviceFacility: {
            name: { entityType: "2", lastName: location.name },
            address: x12Address(location.address),
          },
        }
      : {}),
    lines: d.lines.map((l) => ({
      procedure: { code: l.code, ...(l.modifiers.length ? { modifiers: l.modifiers } : {}) },
      chargeCents: l.chargeCents,
      quantity: l.units,
      diagnosisPointers: l.diagnosisPointers,
      serviceDate: { from: l.dateOfService },
      lineControlNumber: l.controlNumber,
    })),
  };
};
