import { isValidNpi, isValidProcedureCode, type Permission } from "@billcycle/core";
import type { ReactNode } from "react";
import { api, unwrap } from "../../api/client";
import { fetchAllPages } from "../../api/directory";
import type { Location, Payer, Product, Provider, Service } from "../../api/models";
import type { paths } from "../../api/schema";
import { formatCents } from "../../lib/format";
import type { FieldSpec } from "./record-form";

type Body<P extends keyof paths, M extends "post" | "patch"> = paths[P][M] extends {
  requestBody?: { content: { "application/json": infer T } };
}
  ? T
  : never;

export type SetupRow = { id: string; version: number; active?: boolean };

/** A kind of practice record under Setup: its form, its table, and its calls to the API. */
export type SetupResource<R extends SetupRow> = {
  id: "payers" | "providers" | "locations" | "services" | "products";
  title: string;
  /** "payer": for buttons and dialogs. */
  singular: string;
  description: string;
  writePermission: Permission;
  fields: readonly FieldSpec[];
  columns: ReadonlyArray<{ header: string; cell: (row: R) => ReactNode; align?: "right" }>;
  name: (row: R) => string;
  list: (practiceId: string) => Promise<R[]>;
  create: (practiceId: string, body: Record<string, unknown>) => Promise<R>;
  update: (practiceId: string, id: string, body: Record<string, unknown>) => Promise<R>;
  /** Records without an active flag (payers) are removed instead, which the API refuses while in use. */
  remove?: (practiceId: string, id: string) => Promise<unknown>;
};

const page = { limit: 200 } as const;

/** Places of service a practice in outpatient behavioral and occupational health uses most (CMS codes). */
export const placesOfService = [
  { id: "11", label: "11 — Office" },
  { id: "02", label: "02 — Telehealth (not in the patient's home)" },
  { id: "10", label: "10 — Telehealth in the patient's home" },
  { id: "12", label: "12 — Home" },
  { id: "03", label: "03 — School" },
  { id: "22", label: "22 — Outpatient hospital" },
  { id: "49", label: "49 — Independent clinic" },
  { id: "53", label: "53 — Community mental health center" },
  { id: "57", label: "57 — Non-residential substance abuse facility" },
  { id: "71", label: "71 — Public health clinic" },
  { id: "99", label: "99 — Other" },
] as const;

/** SBR09 claim filing indicators, in words. */
export const claimFilingIndicators = [
  { id: "CI", label: "CI — Commercial insurance" },
  { id: "BL", label: "BL — Blue Cross/Blue Shield" },
  { id: "HM", label: "HM — HMO" },
  { id: "12", label: "12 — PPO" },
  { id: "13", label: "13 — POS" },
  { id: "14", label: "14 — EPO" },
  { id: "MB", label: "MB — Medicare Part B" },
  { id: "MA", label: "MA — Medicare Part A" },
  { id: "16", label: "16 — Medicare Advantage HMO" },
  { id: "MC", label: "MC — Medicaid" },
  { id: "CH", label: "CH — TRICARE (CHAMPUS)" },
  { id: "VA", label: "VA — Veterans Affairs" },
  { id: "WC", label: "WC — Workers' compensation" },
  { id: "11", label: "11 — Other non-federal program" },
  { id: "15", label: "15 — Indemnity" },
  { id: "17", label: "17 — Dental maintenance organization" },
  { id: "AM", label: "AM — Automobile medical" },
  { id: "DS", label: "DS — Disability" },
  { id: "FI", label: "FI — Federal Employees Program" },
  { id: "LM", label: "LM — Liability medical" },
  { id: "OF", label: "OF — Other federal program" },
  { id: "TV", label: "TV — Title V" },
  { id: "ZZ", label: "ZZ — Mutually defined" },
] as const;

const npiCheck = (v: string) =>
  isValidNpi(v) ? null : "An NPI is 10 digits whose last digit checks the others; copy it from NPPES";

export const payers: SetupResource<Payer> = {
  id: "payers",
  title: "Payers",
  singular: "payer",
  description: "Insurance companies claims go to, with the electronic payer id your clearinghouse lists.",
  writePermission: "billing:write",
  fields: [
    { kind: "text", key: "name", label: "Name", required: true },
    { kind: "text", key: "payerId", label: "Electronic payer id", required: true, placeholder: "60054" },
    {
      kind: "select",
      key: "claimFilingIndicator",
      label: "Claim filing indicator",
      options: claimFilingIndicators,
    },
    {
      kind: "integer",
      key: "timelyFilingDays",
      label: "Timely filing (days)",
      min: 1,
      max: 3650,
      description: "Blank: 365 days.",
    },
    { kind: "address", key: "address", label: "Claims address", optional: true },
  ],
  columns: [
    { header: "Name", cell: (p) => p.name },
    { header: "Payer id", cell: (p) => <span className="mono">{p.payerId}</span> },
    {
      header: "Filing indicator",
      cell: (p) =>
        claimFilingIndicators.find((c) => c.id === p.claimFilingIndicator)?.label ?? p.claimFilingIndicator,
    },
    { header: "Timely filing", cell: (p) => `${p.timelyFilingDays} days`, align: "right" },
  ],
  name: (p) => p.name,
  list: (practiceId) =>
    fetchAllPages((cursor) =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/payers", {
          params: { path: { practiceId }, query: { ...page, cursor } },
        }),
      ),
    ),
  create: (practiceId, body) =>
    unwrap(
      api.POST("/api/v1/practices/{practiceId}/payers", {
        params: { path: { practiceId } },
        body: body as Body<"/api/v1/practices/{practiceId}/payers", "post">,
      }),
    ),
  update: (practiceId, id, body) =>
    unwrap(
      api.PATCH("/api/v1/practices/{practiceId}/payers/{id}", {
        params: { path: { practiceId, id } },
        body: body as Body<"/api/v1/practices/{practiceId}/payers/{id}", "patch">,
      }),
    ),
  remove: (practiceId, id) =>
    unwrap(
      api.DELETE("/api/v1/practices/{practiceId}/payers/{id}", { params: { path: { practiceId, id } } }),
    ),
};

export const providers: SetupResource<Provider> = {
  id: "providers",
  title: "Providers",
  singular: "provider",
  description: "Clinicians who render sessions; their NPI and taxonomy go on every claim.",
  writePermission: "practice:write",
  fields: [
    { kind: "text", key: "firstName", label: "First name", required: true },
    { kind: "text", key: "lastName", label: "Last name", required: true },
    { kind: "text", key: "credentials", label: "Credentials", nullable: true, placeholder: "LPC" },
    { kind: "text", key: "npi", label: "NPI", required: true, check: npiCheck, placeholder: "10 digits" },
    {
      kind: "text",
      key: "taxonomyCode",
      label: "Taxonomy code",
      required: true,
      upperCase: true,
      placeholder: "101YM0800X",
    },
    { kind: "text", key: "email", label: "Email", nullable: true },
    {
      kind: "member",
      key: "userId",
      label: "User",
      description:
        "The practice member who is this provider: only they (or a supervisor) sign the provider's notes.",
    },
  ],
  columns: [
    {
      header: "Name",
      cell: (p) => `${p.firstName} ${p.lastName}${p.credentials ? `, ${p.credentials}` : ""}`,
    },
    { header: "NPI", cell: (p) => <span className="mono">{p.npi}</span> },
    { header: "Taxonomy", cell: (p) => <span className="mono">{p.taxonomyCode}</span> },
    { header: "Email", cell: (p) => p.email ?? "—" },
  ],
  name: (p) => `${p.firstName} ${p.lastName}`,
  list: (practiceId) =>
    fetchAllPages((cursor) =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/providers", {
          params: { path: { practiceId }, query: { ...page, cursor } },
        }),
      ),
    ),
  create: (practiceId, body) =>
    unwrap(
      api.POST("/api/v1/practices/{practiceId}/providers", {
        params: { path: { practiceId } },
        body: body as Body<"/api/v1/practices/{practiceId}/providers", "post">,
      }),
    ),
  update: (practiceId, id, body) =>
    unwrap(
      api.PATCH("/api/v1/practices/{practiceId}/providers/{id}", {
        params: { path: { practiceId, id } },
        body: body as Body<"/api/v1/practices/{practiceId}/providers/{id}", "patch">,
      }),
    ),
};

export const locations: SetupResource<Location> = {
  id: "locations",
  title: "Locations",
  singular: "location",
  description: "Where sessions happen; the place of service code goes on each claim line.",
  writePermission: "practice:write",
  fields: [
    { kind: "text", key: "name", label: "Name", required: true },
    { kind: "select", key: "placeOfServiceCode", label: "Place of service", options: placesOfService },
    { kind: "address", key: "address", label: "Address", optional: false },
  ],
  columns: [
    { header: "Name", cell: (l) => l.name },
    {
      header: "Place of service",
      cell: (l) => placesOfService.find((p) => p.id === l.placeOfServiceCode)?.label ?? l.placeOfServiceCode,
    },
    {
      header: "Address",
      cell: (l) => `${l.address.line1}, ${l.address.city}, ${l.address.state} ${l.address.zip}`,
    },
  ],
  name: (l) => l.name,
  list: (practiceId) =>
    fetchAllPages((cursor) =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/locations", {
          params: { path: { practiceId }, query: { ...page, cursor } },
        }),
      ),
    ),
  create: (practiceId, body) =>
    unwrap(
      api.POST("/api/v1/practices/{practiceId}/locations", {
        params: { path: { practiceId } },
        body: body as Body<"/api/v1/practices/{practiceId}/locations", "post">,
      }),
    ),
  update: (practiceId, id, body) =>
    unwrap(
      api.PATCH("/api/v1/practices/{practiceId}/locations/{id}", {
        params: { path: { practiceId, id } },
        body: body as Body<"/api/v1/practices/{practiceId}/locations/{id}", "patch">,
      }),
    ),
};

export const services: SetupResource<Service> = {
  id: "services",
  title: "Services and fees",
  singular: "service",
  description: "What sessions bill: the CPT or HCPCS code and the practice's fee.",
  writePermission: "billing:write",
  fields: [
    {
      kind: "text",
      key: "code",
      label: "CPT/HCPCS code",
      required: true,
      upperCase: true,
      placeholder: "90837",
      check: (v) => (isValidProcedureCode(v) ? null : "A CPT (90837) or HCPCS (H0031) code"),
    },
    { kind: "text", key: "description", label: "Description", required: true },
    { kind: "dollars", key: "feeCents", label: "Fee ($)", required: true },
    {
      kind: "integer",
      key: "defaultUnits",
      label: "Default units",
      min: 1,
      max: 999,
      description: "Blank: 1.",
    },
    { kind: "codes", key: "modifiers", label: "Modifiers", max: 4, description: "Up to 4, e.g. 95, HO." },
    { kind: "checkbox", key: "insuranceEligible", label: "Billed to insurance", initial: true },
    { kind: "checkbox", key: "billable", label: "Billable", initial: true },
  ],
  columns: [
    { header: "Code", cell: (s) => <span className="mono">{s.code}</span> },
    { header: "Description", cell: (s) => s.description },
    { header: "Fee", cell: (s) => formatCents(s.feeCents), align: "right" },
    { header: "Modifiers", cell: (s) => s.modifiers.join(", ") || "—" },
    { header: "Insurance", cell: (s) => (s.insuranceEligible ? "Yes" : "No") },
  ],
  name: (s) => `${s.code} ${s.description}`,
  list: (practiceId) =>
    fetchAllPages((cursor) =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/services", {
          params: { path: { practiceId }, query: { ...page, cursor } },
        }),
      ),
    ),
  create: (practiceId, body) =>
    unwrap(
      api.POST("/api/v1/practices/{practiceId}/services", {
        params: { path: { practiceId } },
        body: body as Body<"/api/v1/practices/{practiceId}/services", "post">,
      }),
    ),
  update: (practiceId, id, body) =>
    unwrap(
      api.PATCH("/api/v1/practices/{practiceId}/services/{id}", {
        params: { path: { practiceId, id } },
        body: body as Body<"/api/v1/practices/{practiceId}/services/{id}", "patch">,
      }),
    ),
};

export const products: SetupResource<Product> = {
  id: "products",
  title: "Products",
  singular: "product",
  description: "Things sold to clients besides sessions (workbooks, assessments), at a set price.",
  writePermission: "billing:write",
  fields: [
    { kind: "text", key: "name", label: "Name", required: true },
    { kind: "dollars", key: "priceCents", label: "Price ($)", required: true },
  ],
  columns: [
    { header: "Name", cell: (p) => p.name },
    { header: "Price", cell: (p) => formatCents(p.priceCents), align: "right" },
  ],
  name: (p) => p.name,
  list: (practiceId) =>
    fetchAllPages((cursor) =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/products", {
          params: { path: { practiceId }, query: { ...page, cursor } },
        }),
      ),
    ),
  create: (practiceId, body) =>
    unwrap(
      api.POST("/api/v1/practices/{practiceId}/products", {
        params: { path: { practiceId } },
        body: body as Body<"/api/v1/practices/{practiceId}/products", "post">,
      }),
    ),
  update: (practiceId, id, body) =>
    unwrap(
      api.PATCH("/api/v1/practices/{practiceId}/products/{id}", {
        params: { path: { practiceId, id } },
        body: body as Body<"/api/v1/practices/{practiceId}/products/{id}", "patch">,
      }),
    ),
};
