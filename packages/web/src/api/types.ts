import type {
  AppointmentStatus,
  AutomationConfig,
  AutomationKind,
  ClaimStatus,
  InvoiceStatus,
  Role,
  SkipReasonCode,
} from "@billcycle/core";
import type { components, paths } from "./schema";

/**
 * Narrow types for what the screens read. Where the OpenAPI document describes a response fully they come
 * straight from the generated schema; where it is a loose object today (invoices, claims, automation, runs) they
 * name the fields the screens use, as the server returns them.
 */
type Json<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: { content: { "application/json": infer T } } };
}
  ? T
  : never;

/** The sort values a list route accepts (`key` or `-key`), from its OpenAPI query. */
type SortOf<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } }
  ? Q extends { sort?: infer S }
    ? NonNullable<S>
    : never
  : never;
export type InvoiceSort = SortOf<"/api/v1/practices/{practiceId}/invoices">;
export type ClaimSort = SortOf<"/api/v1/practices/{practiceId}/claims">;

export type Me = Json<"/api/v1/me", "get">;
export type Membership = Me["memberships"][number];
export type { Role };

export type Practice = components["schemas"]["practice"] & {
  billingSettings?: {
    requireSignedNote?: boolean;
    noShowFeeCents?: number | null;
    lateCancelFeeCents?: number | null;
  };
};

export type Page<T> = { data: T[]; nextCursor: string | null };

export type Client = components["schemas"]["client"];
export type Provider = components["schemas"]["provider"];
export type Location = components["schemas"]["location"];
export type Payer = components["schemas"]["payer"];
export type Service = components["schemas"]["service"];
export type Product = components["schemas"]["product"];
export type ProgressNote = components["schemas"]["progress_note"] & { signedAt?: string | null };

export type Appointment = {
  id: string;
  version: number;
  clientId: string;
  providerId: string;
  locationId: string;
  startsAt: string;
  endsAt: string;
  dateOfService: string;
  status: AppointmentStatus;
  statusChangedAt: string | null;
  services: Array<{ serviceId: string; units: number; modifiers: string[] }>;
};

export type InvoiceLine = {
  id: string;
  position: number;
  kind: "service" | "fee" | "product" | "adjustment";
  appointmentId: string | null;
  code: string;
  description: string;
  dateOfService: string | null;
  units: number;
  unitFeeCents: number;
  amountCents: number;
  modifiers: string[];
  diagnosisCodes: string[];
  insuranceEligible: boolean;
  adjustsLineId: string | null;
  createdAt: string;
  createdBy: string;
};

export type StatusChange = {
  id: string;
  fromStatus: string | null;
  toStatus: string;
  at: string;
  actor: string;
  cause: unknown;
};

export type Invoice = components["schemas"]["invoice"] & {
  number: string;
  clientId: string;
  status: InvoiceStatus;
  paysBy: "insurance" | "self_pay";
  invoiceDate: string;
  totalCents: number;
  insuranceCents: number;
  clientCents: number;
  insurancePaidCents: number;
  clientPaidCents: number;
  adjustmentCents: number;
  primaryPolicyId: string | null;
  source: "nightly" | "monthly" | "manual" | "on_kept" | "user";
  runId: string | null;
  voidedAt: string | null;
  voidReason: string | null;
  lines: InvoiceLine[];
  history: StatusChange[];
};

export type ClaimLine = {
  id: string;
  lineNumber: number;
  controlNumber: string;
  code: string;
  modifiers: string[];
  units: number;
  chargeCents: number;
  dateOfService: string;
  diagnosisPointers: number[];
};

/** Sections the claims pipeline adds to a claim; rendered as returned, "None" when absent. */
export type ClaimRecordList = Array<Record<string, unknown>>;

export type Claim = components["schemas"]["claim"] & {
  invoiceId: string;
  clientId: string;
  payerId: string;
  payerRank: "primary" | "secondary" | "tertiary";
  status: ClaimStatus;
  frequencyCode: string;
  patientControlNumber: string;
  payerClaimNumber: string | null;
  totalCents: number;
  paidCents: number;
  patientResponsibilityCents: number;
  diagnosisCodes: string[];
  submittedAt: string | null;
  lines: ClaimLine[];
  history: StatusChange[];
  /** Scrubber results, newest last: each with its edits (code, severity, message). */
  scrubs?: ClaimRecordList;
  /** The 837P files the claim went out in. */
  files?: ClaimRecordList;
  acknowledgments?: ClaimRecordList;
  postings?: ClaimRecordList;
};

export type AutomationDescription = {
  title: string;
  explanation: string;
  schedule: string;
  nextRunAt: string | null;
  rulesText: string;
};

export type AutomationSettings = {
  config: AutomationConfig;
  version: number;
  timeZone: string;
  automations: Record<AutomationKind, AutomationDescription>;
};

export type AutomationSettingsBody =
  paths["/api/v1/practices/{practiceId}/automation"]["put"]["requestBody"]["content"]["application/json"];

export type BillingExplanation = {
  appointmentId: string;
  status: AppointmentStatus;
  dateOfService: string;
  billed: { invoiceId: string; invoiceNumber: string } | null;
  reasons: Array<{ code: SkipReasonCode; message: string; fix: string | null }>;
  tonight: string;
  nextRunAt: string | null;
  history: Array<{
    at: string;
    automation: string;
    trigger: string;
    outcome: string;
    message: string;
    runId: string | null;
  }>;
};

export type AutomationRun = {
  id: string;
  automation: AutomationKind;
  trigger: "schedule" | "manual";
  localDate: string;
  scheduledAt: string;
  status: "queued" | "running" | "done" | "skipped" | "failed";
  late: boolean;
  latenessMs: number | null;
  attempts: number;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  counts: Record<string, number> | null;
  note: string | null;
};

export type RunOutcome = {
  id: string;
  automation: string;
  trigger: string;
  subjectType: "appointment" | "invoice" | "claim" | "remittance";
  subjectId: string;
  outcome: "done" | "skipped" | "error";
  reasonCode: string | null;
  message: string;
  reasons: Array<{ code: string; message: string }> | null;
  relatedId: string | null;
  at: string;
};
