import { npiWithCheckDigit } from "@billcycle/core";

/** Ids of one practice's records, used to fill references in request bodies. */
export type Refs = Record<string, string>;
export type Json = Record<string, unknown>;

export const refsOf = (practice: { records: Record<string, { id: string }> }): Refs =>
  Object.fromEntries(Object.entries(practice.records).map(([k, v]) => [k, v.id]));

export const address = { line1: "100 Main St", city: "Springfield", state: "IL", zip: "62701" };
export const validNpi = npiWithCheckDigit("123456789");

/**
 * A valid create body for every resource, in an order where each one's references already exist. A new
 * resource without an entry here fails the harness (and so every API test) until one is added.
 */
export const seedOrder = [
  "locations",
  "providers",
  "payers",
  "services",
  "products",
  "employer-groups",
  "employers",
  "clients",
  "insurance-policies",
  "diagnoses",
  "appointments",
  "progress-notes",
  "clearinghouse-connections",
  "posting-rules",
] as const;

const need = (refs: Refs, key: string): string => {
  const id = refs[key];
  if (!id) throw new Error(`fixture needs a ${key} record first`);
  return id;
};

let connectionCount = 0;
let postingRuleCount = 0;

export const createBody = (resource: string, refs: Refs): Json => {
  switch (resource) {
    case "locations":
      return { name: "Main office", placeOfServiceCode: "11", address };
    case "providers":
      return {
        firstName: "Ada",
        lastName: "Counselor",
        npi: validNpi,
        taxonomyCode: "101YM0800X",
        credentials: "LPC",
      };
    case "payers":
      return { name: "Acme Health", payerId: "ACME1", claimFilingIndicator: "CI" };
    case "services":
      return { code: "90837", description: "Psychotherapy, 60 minutes", feeCents: 15000, modifiers: ["HO"] };
    case "products":
      return { name: "Workbook", priceCents: 2500 };
    case "employer-groups":
      return { name: "Regional employers" };
    case "employers":
      return { name: "Widget Works", groupId: need(refs, "employer-groups") };
    case "clients":
      return {
        firstName: "Casey",
        lastName: "Client",
        dateOfBirth: "1990-05-06",
        sex: "U",
        paysBy: "insurance",
        email: "casey.client@example.com",
        address,
        employerId: need(refs, "employers"),
      };
    case "insurance-policies":
      return {
        clientId: need(refs, "clients"),
        payerId: need(refs, "payers"),
        rank: "primary",
        memberId: "MEM123",
        subscriberRelationship: "self",
        effectiveFrom: "2026-01-01",
      };
    case "diagnoses":
      return { clientId: need(refs, "clients"), code: "F41.1", rank: 1 };
    case "appointments":
      return {
        clientId: need(refs, "clients"),
        providerId: need(refs, "providers"),
        locationId: need(refs, "locations"),
        startsAt: "2026-03-02T15:00:00Z",
        endsAt: "2026-03-02T16:00:00Z",
        services: [{ serviceId: need(refs, "services") }],
      };
    case "progress-notes":
      return {
        appointmentId: need(refs, "appointments"),
        signed: true,
        signedByProviderId: need(refs, "providers"),
      };
    case "clearinghouse-connections":
      // Names are unique per practice, and the walks create more than one.
      return {
        name: `Test clearinghouse drop ${++connectionCount}`,
        kind: "directory",
        submitterId: "SUBMITTER01",
        submitterName: "Springfield Counseling",
        receiverId: "CLEARINGHOUSE",
        receiverName: "Acme Clearinghouse",
      };
    case "posting-rules":
      // (payer, group, reason) is unique per practice, and the walks create more than one.
      return {
        payerId: need(refs, "payers"),
        groupCode: "CO",
        reasonCode: `W${++postingRuleCount}`,
        action: "block",
      };
    default:
      throw new Error(`no create body for resource "${resource}": add one to test/support/bodies.ts`);
  }
};

/** A valid PATCH for every resource that changes one field (so a write that should not happen is visible). */
export const patchBody = (resource: string, version: number): Json => {
  const change: Record<string, Json> = {
    locations: { name: "Annex" },
    providers: { credentials: "LCSW" },
    payers: { timelyFilingDays: 90 },
    services: { feeCents: 16000 },
    products: { priceCents: 3000 },
    "employer-groups": { name: "Renamed group" },
    employers: { contactName: "Pat Payroll" },
    clients: { phone: "512-555-0100" },
    "insurance-policies": { memberId: "CHANGED" },
    diagnoses: { rank: 2 },
    appointments: { endsAt: "2026-03-02T16:30:00Z" },
    "progress-notes": { signed: false },
    "clearinghouse-connections": { receiverName: "Renamed Clearinghouse" },
    "posting-rules": { action: "denial" },
  };
  const fields = change[resource];
  if (!fields) throw new Error(`no patch body for resource "${resource}": add one to test/support/bodies.ts`);
  return { ...fields, version };
};
