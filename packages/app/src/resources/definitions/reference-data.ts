import { DomainError } from "@billcycle/core";
import { tables } from "@billcycle/db";
import { and, eq } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import {
  address,
  cents,
  modifiers as modifiersSchema,
  name,
  npi,
  optionalText,
  placeOfService,
  procedureCode,
  taxonomy,
} from "../../schemas/common";
import type { FilterDefinition, ResourceDefinition, WriteContext } from "../resource-definition";

const activeFilter = (column: PgColumn): FilterDefinition => ({
  column,
  op: "eq",
  schema: z.stringbool(),
  description: "only active (true) or inactive (false) records",
});

const locationFields = {
  name,
  placeOfServiceCode: placeOfService,
  address,
  active: z.boolean().optional(),
};
export const locationsResource: ResourceDefinition = {
  path: "locations",
  entity: "location",
  label: "Location",
  table: tables.locations,
  createSchema: z.strictObject(locationFields),
  updateSchema: z.strictObject(locationFields).partial(),
  readPermission: "practice:read",
  writePermission: "practice:write",
  phi: false,
  filters: { active: activeFilter(tables.locations.active) },
  deletable: true,
};

const providerFields = {
  firstName: name,
  lastName: name,
  npi,
  taxonomyCode: taxonomy,
  credentials: optionalText,
  email: z.email().nullable().optional(),
  active: z.boolean().optional(),
  userId: z
    .uuid()
    .nullable()
    .optional()
    .describe(
      "the practice member who is this provider: signs the provider's notes, sees their signature requests",
    ),
};

/** A provider's user must be a member of the practice (users are not tenant rows: no composite foreign key). */
const assertMember = async (input: Record<string, unknown>, { tx, actor }: WriteContext) => {
  if (input.userId === null || input.userId === undefined) return input;
  const [member] = await tx
    .select({ userId: tables.memberships.userId })
    .from(tables.memberships)
    .where(
      and(
        eq(tables.memberships.practiceId, actor.practiceId),
        eq(tables.memberships.userId, String(input.userId)),
      ),
    )
    .limit(1);
  if (!member)
    throw new DomainError("REFERENCE_NOT_FOUND", "User is not a member of this practice", {
      issues: [{ path: "userId", code: "REFERENCE_NOT_FOUND", message: "unknown user" }],
    });
  return input;
};

export const providersResource: ResourceDefinition = {
  path: "providers",
  entity: "provider",
  label: "Provider",
  table: tables.providers,
  createSchema: z.strictObject(providerFields),
  updateSchema: z.strictObject(providerFields).partial(),
  readPermission: "practice:read",
  writePermission: "practice:write",
  phi: false,
  filters: { active: activeFilter(tables.providers.active) },
  deletable: true,
  prepareCreate: assertMember,
  prepareUpdate: (patch, _existing, ctx) => assertMember(patch, ctx),
};

/** SBR09 claim filing indicator codes (005010X222A1). */
export const claimFilingIndicators = [
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
] as const;

const payerFields = {
  name,
  payerId: z.string().trim().min(2).max(80),
  claimFilingIndicator: z.enum(claimFilingIndicators),
  timelyFilingDays: z.int().min(1).max(3650).optional(),
  address: address.nullable().optional(),
};
export const payersResource: ResourceDefinition = {
  path: "payers",
  entity: "payer",
  label: "Payer",
  table: tables.payers,
  createSchema: z.strictObject(payerFields),
  updateSchema: z.strictObject(payerFields).partial(),
  readPermission: "billing:read",
  writePermission: "billing:write",
  phi: false,
  filters: {},
  deletable: true,
};

const serviceFields = {
  code: procedureCode,
  description: z.string().trim().min(1).max(200),
  feeCents: cents,
  defaultUnits: z.int().min(1).max(999).optional(),
  modifiers: modifiersSchema.optional(),
  insuranceEligible: z.boolean().optional(),
  billable: z.boolean().optional(),
  active: z.boolean().optional(),
};
export const servicesResource: ResourceDefinition = {
  path: "services",
  entity: "service",
  label: "Service",
  table: tables.services,
  createSchema: z.strictObject(serviceFields),
  updateSchema: z.strictObject(serviceFields).partial(),
  readPermission: "practice:read",
  writePermission: "billing:write",
  phi: false,
  filters: {
    active: activeFilter(tables.services.active),
    code: { column: tables.services.code, op: "eq", schema: z.string(), description: "CPT/HCPCS code" },
  },
  deletable: true,
};

const productFields = { name, priceCents: cents, active: z.boolean().optional() };
export const productsResource: ResourceDefinition = {
  path: "products",
  entity: "product",
  label: "Product",
  table: tables.products,
  createSchema: z.strictObject(productFields),
  updateSchema: z.strictObject(productFields).partial(),
  readPermission: "practice:read",
  writePermission: "billing:write",
  phi: false,
  filters: { active: activeFilter(tables.products.active) },
  deletable: true,
};

const employerGroupFields = { name };
export const employerGroupsResource: ResourceDefinition = {
  path: "employer-groups",
  entity: "employer_group",
  label: "Employer group",
  table: tables.employerGroups,
  createSchema: z.strictObject(employerGroupFields),
  updateSchema: z.strictObject(employerGroupFields).partial(),
  readPermission: "billing:read",
  writePermission: "billing:write",
  phi: false,
  filters: {},
  deletable: true,
};

const employerFields = {
  name,
  groupId: z.uuid().nullable().optional(),
  contactName: optionalText,
  contactEmail: z.email().nullable().optional(),
  address: address.nullable().optional(),
  /** Payment terms: invoices are due this many days after issue (net 30). */
  termsDays: z.int().min(0).max(365).optional(),
  contacts: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1).max(120),
        email: z.email().max(120),
        /** Invoices are emailed to the (first) billing contact. */
        billing: z.boolean().default(false),
      }),
    )
    .max(10)
    .optional(),
  /** The employer's own fee per service; others at the practice's fee. */
  feeSchedule: z
    .array(z.strictObject({ serviceId: z.uuid(), feeCents: cents }))
    .max(500)
    .refine((fees) => new Set(fees.map((f) => f.serviceId)).size === fees.length, {
      message: "a service appears once in a fee schedule",
    })
    .optional(),
};
export const employersResource: ResourceDefinition = {
  path: "employers",
  entity: "employer",
  label: "Employer",
  table: tables.employers,
  createSchema: z.strictObject(employerFields),
  updateSchema: z.strictObject(employerFields).partial(),
  readPermission: "billing:read",
  writePermission: "billing:write",
  phi: false,
  filters: {
    groupId: { column: tables.employers.groupId, op: "eq", schema: z.uuid(), description: "employer group" },
  },
  deletable: true,
};
