import { shareDocumentKindChoices } from "@billcycle/core";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { cents, instant, tenantColumns } from "./columns";
import { type Address, practices, users } from "./practice";

/**
 * Every tenant table carries practice_id and a UNIQUE (practice_id, id); references between tenant rows are
 * composite foreign keys on (practice_id, id), so the database itself refuses a link across practices.
 */
const tenantKey = (name: string, t: { practiceId: unknown; id: unknown }) =>
  // biome-ignore lint/suspicious/noExplicitAny: drizzle's column generics are not expressible here
  unique(`${name}_practice_id_id_key`).on(t.practiceId as any, t.id as any);

export const locations = pgTable(
  "locations",
  {
    ...tenantColumns(),
    name: text("name").notNull(),
    placeOfServiceCode: text("place_of_service_code").notNull(),
    address: jsonb("address").$type<Address>().notNull(),
    active: boolean("active").notNull().default(true),
  },
  (t) => [
    tenantKey("locations", t),
    foreignKey({ columns: [t.practiceId], foreignColumns: [practices.id] }).onDelete("cascade"),
  ],
);

export const providers = pgTable(
  "providers",
  {
    ...tenantColumns(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    npi: text("npi").notNull(),
    taxonomyCode: text("taxonomy_code").notNull(),
    credentials: text("credentials"),
    /** State license ("TX LPC 12345"), printed on superbills. */
    license: text("license"),
    email: text("email"),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    active: boolean("active").notNull().default(true),
  },
  (t) => [
    tenantKey("providers", t),
    foreignKey({ columns: [t.practiceId], foreignColumns: [practices.id] }).onDelete("cascade"),
  ],
);

export type Guarantor = {
  firstName: string;
  lastName: string;
  relationship: "self" | "parent" | "spouse" | "guardian" | "other";
  email?: string | undefined;
  phone?: string | undefined;
  address?: Address | undefined;
};

export const clients = pgTable(
  "clients",
  {
    ...tenantColumns(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    dateOfBirth: date("date_of_birth", { mode: "string" }).notNull(),
    sex: text("sex", { enum: ["F", "M", "U"] }).notNull(),
    email: text("email"),
    phone: text("phone"),
    address: jsonb("address").$type<Address>(),
    emailOptIn: boolean("email_opt_in").notNull().default(true),
    smsOptIn: boolean("sms_opt_in").notNull().default(false),
    guarantor: jsonb("guarantor").$type<Guarantor>(),
    paysBy: text("pays_by", { enum: ["insurance", "self_pay"] }).notNull(),
    autopay: boolean("autopay").notNull(),
    autoShareDocuments: boolean("auto_share_documents").notNull(),
    /** What is shared with this client: bills (and statements), superbills, or both. */
    shareDocumentKinds: text("share_document_kinds", { enum: shareDocumentKindChoices })
      .notNull()
      .default("both"),
    autoSuperbills: boolean("auto_superbills").notNull(),
    employerId: uuid("employer_id"),
    /** Who the client's case is billed to (employer, insurance, client); null: as the client pays. */
    billTo: text("bill_to", { enum: ["employer", "insurance", "client"] }),
    active: boolean("active").notNull().default(true),
    /** The patient's own IANA zone for outreach quiet hours (else from the address state). */
    timeZone: text("time_zone"),
    /** When an email to the patient was last refused (outreach predicts the next email fails). */
    emailBouncedAt: instant("email_bounced_at"),
  },
  (t) => [
    tenantKey("clients", t),
    foreignKey({ columns: [t.practiceId], foreignColumns: [practices.id] }).onDelete("cascade"),
    index("clients_practice_name_idx").on(t.practiceId, t.lastName, t.firstName),
    // An employer of the same practice only (the database refuses a link to another practice's employer).
    foreignKey({
      columns: [t.practiceId, t.employerId],
      foreignColumns: [employers.practiceId, employers.id],
    }),
    check("clients_sex_check", sql`${t.sex} in ('F','M','U')`),
    check("clients_pays_by_check", sql`${t.paysBy} in ('insurance','self_pay')`),
  ],
);

export const payers = pgTable(
  "payers",
  {
    ...tenantColumns(),
    name: text("name").notNull(),
    payerId: text("payer_id").notNull(),
    claimFilingIndicator: text("claim_filing_indicator").notNull(),
    timelyFilingDays: integer("timely_filing_days").notNull().default(365),
    address: jsonb("address").$type<Address>(),
  },
  (t) => [
    tenantKey("payers", t),
    foreignKey({ columns: [t.practiceId], foreignColumns: [practices.id] }).onDelete("cascade"),
  ],
);

export type Subscriber = {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  sex: "F" | "M" | "U";
  address?: Address | undefined;
};

export const insurancePolicies = pgTable(
  "insurance_policies",
  {
    ...tenantColumns(),
    clientId: uuid("client_id").notNull(),
    payerId: uuid("payer_id").notNull(),
    rank: text("rank", { enum: ["primary", "secondary", "tertiary"] }).notNull(),
    memberId: text("member_id").notNull(),
    groupNumber: text("group_number"),
    subscriberRelationship: text("subscriber_relationship", {
      enum: ["self", "spouse", "child", "other"],
    }).notNull(),
    subscriber: jsonb("subscriber").$type<Subscriber>(),
    effectiveFrom: date("effective_from", { mode: "string" }).notNull(),
    effectiveTo: date("effective_to", { mode: "string" }),
  },
  (t) => [
    tenantKey("insurance_policies", t),
    foreignKey({
      columns: [t.practiceId, t.clientId],
      foreignColumns: [clients.practiceId, clients.id],
    }).onDelete("cascade"),
    foreignKey({ columns: [t.practiceId, t.payerId], foreignColumns: [payers.practiceId, payers.id] }),
    index("insurance_policies_client_idx").on(t.practiceId, t.clientId),
    check(
      "insurance_policies_dates_check",
      sql`${t.effectiveTo} is null or ${t.effectiveTo} >= ${t.effectiveFrom}`,
    ),
  ],
);

export const diagnoses = pgTable(
  "diagnoses",
  {
    ...tenantColumns(),
    clientId: uuid("client_id").notNull(),
    code: text("code").notNull(),
    description: text("description"),
    rank: integer("rank").notNull(),
    active: boolean("active").notNull().default(true),
  },
  (t) => [
    tenantKey("diagnoses", t),
    foreignKey({
      columns: [t.practiceId, t.clientId],
      foreignColumns: [clients.practiceId, clients.id],
    }).onDelete("cascade"),
    index("diagnoses_client_idx").on(t.practiceId, t.clientId, t.rank),
    check("diagnoses_rank_check", sql`${t.rank} between 1 and 12`),
  ],
);

export const services = pgTable(
  "services",
  {
    ...tenantColumns(),
    code: text("code").notNull(),
    description: text("description").notNull(),
    feeCents: cents("fee_cents").notNull(),
    defaultUnits: integer("default_units").notNull().default(1),
    modifiers: jsonb("modifiers").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    insuranceEligible: boolean("insurance_eligible").notNull().default(true),
    billable: boolean("billable").notNull().default(true),
    active: boolean("active").notNull().default(true),
  },
  (t) => [
    tenantKey("services", t),
    foreignKey({ columns: [t.practiceId], foreignColumns: [practices.id] }).onDelete("cascade"),
    check("services_fee_check", sql`${t.feeCents} >= 0`),
    check("services_units_check", sql`${t.defaultUnits} > 0`),
  ],
);

export const products = pgTable(
  "products",
  {
    ...tenantColumns(),
    name: text("name").notNull(),
    priceCents: cents("price_cents").notNull(),
    active: boolean("active").notNull().default(true),
  },
  (t) => [
    tenantKey("products", t),
    foreignKey({ columns: [t.practiceId], foreignColumns: [practices.id] }).onDelete("cascade"),
    check("products_price_check", sql`${t.priceCents} >= 0`),
  ],
);

export const employerGroups = pgTable(
  "employer_groups",
  {
    ...tenantColumns(),
    name: text("name").notNull(),
  },
  (t) => [
    tenantKey("employer_groups", t),
    foreignKey({ columns: [t.practiceId], foreignColumns: [practices.id] }).onDelete("cascade"),
  ],
);

export type EmployerContact = { name: string; email: string; billing: boolean };
export type EmployerFee = { serviceId: string; feeCents: number };

export const employers = pgTable(
  "employers",
  {
    ...tenantColumns(),
    name: text("name").notNull(),
    groupId: uuid("group_id"),
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
    address: jsonb("address").$type<Address>(),
    /** Payment terms: an invoice is due this many days after it is issued (net 30). */
    termsDays: integer("terms_days").notNull().default(30),
    contacts: jsonb("contacts").$type<EmployerContact[]>().notNull().default(sql`'[]'::jsonb`),
    /** The employer's own fees, per service; a service not listed is billed at the practice's fee. */
    feeSchedule: jsonb("fee_schedule").$type<EmployerFee[]>().notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [
    tenantKey("employers", t),
    foreignKey({
      columns: [t.practiceId, t.groupId],
      foreignColumns: [employerGroups.practiceId, employerGroups.id],
    }),
  ],
);

export type AppointmentServiceLine = {
  serviceId: string;
  units: number;
  modifiers?: string[] | undefined;
};

export const appointments = pgTable(
  "appointments",
  {
    ...tenantColumns(),
    clientId: uuid("client_id").notNull(),
    providerId: uuid("provider_id").notNull(),
    locationId: uuid("location_id").notNull(),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
    /** The practice-local calendar date of service, fixed when the appointment is scheduled. */
    dateOfService: date("date_of_service", { mode: "string" }).notNull(),
    status: text("status", { enum: ["upcoming", "kept", "no_show", "late_cancel", "canceled"] })
      .notNull()
      .default("upcoming"),
    statusChangedAt: instant("status_changed_at"),
    /** The encounter's own bill-to, over its client's case. */
    billTo: text("bill_to", { enum: ["employer", "insurance", "client"] }),
    /** The employer billed when not the client's own (a credit memo re-bills it to the right one). */
    billToEmployerId: uuid("bill_to_employer_id"),
    /** The employer's authorization or PO number, printed on its invoice. */
    authorizationNumber: text("authorization_number"),
  },
  (t) => [
    tenantKey("appointments", t),
    foreignKey({ columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }),
    foreignKey({
      columns: [t.practiceId, t.providerId],
      foreignColumns: [providers.practiceId, providers.id],
    }),
    foreignKey({
      columns: [t.practiceId, t.locationId],
      foreignColumns: [locations.practiceId, locations.id],
    }),
    index("appointments_practice_dos_idx").on(t.practiceId, t.dateOfService),
    index("appointments_client_idx").on(t.practiceId, t.clientId),
    index("appointments_practice_status_idx").on(t.practiceId, t.status, t.dateOfService),
    check("appointments_time_check", sql`${t.endsAt} > ${t.startsAt}`),
    check(
      "appointments_status_check",
      sql`${t.status} in ('upcoming','kept','no_show','late_cancel','canceled')`,
    ),
  ],
);

export const appointmentServices = pgTable(
  "appointment_services",
  {
    practiceId: uuid("practice_id").notNull(),
    appointmentId: uuid("appointment_id").notNull(),
    position: integer("position").notNull(),
    serviceId: uuid("service_id").notNull(),
    units: integer("units").notNull(),
    modifiers: jsonb("modifiers").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [
    primaryKey({ columns: [t.appointmentId, t.position] }),
    foreignKey({
      columns: [t.practiceId, t.appointmentId],
      foreignColumns: [appointments.practiceId, appointments.id],
    }).onDelete("cascade"),
    foreignKey({ columns: [t.practiceId, t.serviceId], foreignColumns: [services.practiceId, services.id] }),
    check("appointment_services_units_check", sql`${t.units} > 0`),
  ],
);

export const appointmentStatusHistory = pgTable(
  "appointment_status_history",
  {
    id: uuid("id").primaryKey(),
    practiceId: uuid("practice_id").notNull(),
    appointmentId: uuid("appointment_id").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    at: instant("at").notNull(),
    byUserId: uuid("by_user_id"),
  },
  (t) => [
    foreignKey({
      columns: [t.practiceId, t.appointmentId],
      foreignColumns: [appointments.practiceId, appointments.id],
    }).onDelete("cascade"),
    index("appointment_status_history_appt_idx").on(t.appointmentId, t.at),
  ],
);

export const progressNotes = pgTable(
  "progress_notes",
  {
    ...tenantColumns(),
    appointmentId: uuid("appointment_id").notNull(),
    signed: boolean("signed").notNull().default(false),
    signedAt: instant("signed_at"),
    signedByProviderId: uuid("signed_by_provider_id"),
    /** Who signed (migration 0036): the provider's own user, or a supervisor signing for them. */
    signedByUserId: uuid("signed_by_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    tenantKey("progress_notes", t),
    // Per practice, so a note naming another practice's appointment fails its foreign key (422), revealing nothing.
    unique("progress_notes_appointment_key").on(t.practiceId, t.appointmentId),
    foreignKey({
      columns: [t.practiceId, t.appointmentId],
      foreignColumns: [appointments.practiceId, appointments.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.practiceId, t.signedByProviderId],
      foreignColumns: [providers.practiceId, providers.id],
    }),
    check(
      "progress_notes_signed_check",
      sql`(${t.signed} and ${t.signedAt} is not null) or (not ${t.signed} and ${t.signedAt} is null)`,
    ),
  ],
);

/**
 * A biller's request that the session's clinician sign its note (migration 0036). Open while the note is unsigned;
 * one per session (asking again keeps the first).
 */
export const noteSignatureRequests = pgTable(
  "note_signature_requests",
  {
    id: uuid("id").primaryKey(),
    practiceId: uuid("practice_id").notNull(),
    appointmentId: uuid("appointment_id").notNull(),
    providerId: uuid("provider_id").notNull(),
    requestedByUserId: uuid("requested_by_user_id").references(() => users.id, { onDelete: "set null" }),
    requestedBy: text("requested_by").notNull(),
    message: text("message"),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    tenantKey("note_signature_requests", t),
    unique("note_signature_requests_appointment_key").on(t.practiceId, t.appointmentId),
    foreignKey({
      name: "note_signature_requests_appointment_fk",
      columns: [t.practiceId, t.appointmentId],
      foreignColumns: [appointments.practiceId, appointments.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "note_signature_requests_provider_fk",
      columns: [t.practiceId, t.providerId],
      foreignColumns: [providers.practiceId, providers.id],
    }),
    index("note_signature_requests_provider_idx").on(t.practiceId, t.providerId, t.createdAt),
  ],
);
