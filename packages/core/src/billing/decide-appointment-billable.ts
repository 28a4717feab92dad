import type { AppointmentStatus } from "../appointments/appointment-status";
import {
  describeRule,
  type ExclusionRule,
  findExcludingRule,
  type RuleFacts,
} from "../rules/exclusion-rules";
import type { LocalDate } from "../time/local-date";
import type { SkipReason } from "./skip-reasons";

export type ServiceFact = {
  serviceId: string;
  code: string;
  description: string;
  billable: boolean;
  insuranceEligible: boolean;
  feeCents: number;
  units: number;
  modifiers: string[];
};

export type PolicyFact = { policyId: string; payerId: string; rank: "primary" | "secondary" | "tertiary" };

export type AppointmentBillingFacts = {
  appointmentId: string;
  clientId: string;
  providerId: string;
  locationId: string;
  status: AppointmentStatus;
  dateOfService: LocalDate;
  clientPaysBy: "insurance" | "self_pay";
  /** The session (or its client's case) is billed to an employer: employer batches invoice it, not the client. */
  billedToEmployer?: boolean | undefined;
  clientHasAddress: boolean;
  services: ServiceFact[];
  /** Policies in effect on the date of service. */
  activePolicies: PolicyFact[];
  /** ICD-10 codes, ranked. */
  diagnosisCodes: string[];
  note: { signed: boolean } | null;
  /** The invoice this appointment is already on, if any. */
  existingInvoiceNumber: string | null;
  /** Waived when its invoice was voided: never invoiced again (who, why, when as an ISO instant). */
  waiver?: { by: string; reason: string; at: string } | null;
  /** The appointment row's version when these facts were read: invoicing re-checks it under a lock. */
  version: number;
};

export type EligibilitySettings = {
  requireSignedNote: boolean;
  noShowFeeCents: number | null;
  lateCancelFeeCents: number | null;
  /** The automation bills dates of service on or after this date. */
  startDate: LocalDate | null;
  /** The practice-local date the run is for. */
  today: LocalDate;
  rules: readonly ExclusionRule[];
  /** Display names for ids in rule descriptions (payer, provider, location). */
  labels?: Record<string, string>;
};

export type DraftLine = {
  kind: "service" | "fee";
  serviceId: string | null;
  code: string;
  description: string;
  units: number;
  unitFeeCents: number;
  amountCents: number;
  modifiers: string[];
  diagnosisPointers: number[];
  insuranceEligible: boolean;
};

export type BillableDecision = {
  billable: true;
  lines: DraftLine[];
  totalCents: number;
  insuranceCents: number;
  clientCents: number;
  primaryPolicy: PolicyFact | null;
};
export type SkippedDecision = { billable: false; reasons: SkipReason[] };
export type BillingDecision = BillableDecision | SkippedDecision;

/** The facts exclusion rules see for an appointment about to be invoiced. */
export const appointmentRuleFacts = (f: AppointmentBillingFacts, amountCents: number): RuleFacts => ({
  primary_payer: f.activePolicies.find((p) => p.rank === "primary")?.payerId ?? null,
  provider: f.providerId,
  service_code: f.services.map((s) => s.code),
  client_pays_by: f.clientPaysBy,
  appointment_date: f.dateOfService,
  progress_note_signed: String(f.note?.signed === true),
  location: f.locationId,
  amount: amountCents,
  claim_level: "primary",
});

const feeLine = (code: string, description: string, cents: number): DraftLine => ({
  kind: "fee",
  serviceId: null,
  code,
  description,
  units: 1,
  unitFeeCents: cents,
  amountCents: cents,
  modifiers: [],
  diagnosisPointers: [],
  insuranceEligible: false,
});

/**
 * Decides whether one appointment is invoiced, and with which lines. Returns every reason that stands in the
 * way (most fundamental first), so "why wasn't this billed?" lists all there is to fix, not one at a time.
 */
export const decideAppointmentBillable = (
  f: AppointmentBillingFacts,
  s: EligibilitySettings,
): BillingDecision => {
  const reasons: SkipReason[] = [];
  if (f.existingInvoiceNumber) {
    return {
      billable: false,
      reasons: [{ code: "ALREADY_INVOICED", message: `already on invoice ${f.existingInvoiceNumber}` }],
    };
  }
  if (f.billedToEmployer) {
    return {
      billable: false,
      reasons: [
        { code: "BILLED_TO_EMPLOYER", message: "billed to the client's employer (employer invoices)" },
      ],
    };
  }
  if (f.waiver) {
    return {
      billable: false,
      reasons: [
        {
          code: "WAIVED",
          message: `waived by ${f.waiver.by} when its invoice was voided: "${f.waiver.reason}"`,
        },
      ],
    };
  }
  let lines: DraftLine[] = [];
  if (f.status === "upcoming" || f.status === "canceled") {
    return {
      billable: false,
      reasons: [
        {
          code: "NOT_COMPLETED",
          message:
            f.status === "upcoming"
              ? "the session is still Upcoming (not marked Kept)"
              : "the session was Canceled",
        },
      ],
    };
  }
  if (f.status === "no_show") {
    if (s.noShowFeeCents === null)
      reasons.push({
        code: "NO_SHOW_NOT_CHARGED",
        message: "No Show sessions are not billed: the practice charges no No Show fee",
      });
    else lines = [feeLine("NOSHOW", "No Show fee", s.noShowFeeCents)];
  } else if (f.status === "late_cancel") {
    if (s.lateCancelFeeCents === null)
      reasons.push({
        code: "LATE_CANCEL_NOT_CHARGED",
        message: "Late Cancel sessions are not billed: the practice charges no Late Cancel fee",
      });
    else lines = [feeLine("LATECANCEL", "Late Cancel fee", s.lateCancelFeeCents)];
  }
  if (f.dateOfService > s.today) {
    reasons.push({
      code: "IN_THE_FUTURE",
      message: `the session is on ${f.dateOfService}, after today (${s.today})`,
    });
  }
  if (s.startDate && f.dateOfService < s.startDate) {
    reasons.push({
      code: "BEFORE_START_DATE",
      message: `the session (${f.dateOfService}) is before the automation's start date ${s.startDate}`,
    });
  }
  const insurance = f.clientPaysBy === "insurance";
  const primaryPolicy = f.activePolicies.find((p) => p.rank === "primary") ?? f.activePolicies[0] ?? null;
  if (f.status === "kept") {
    const billable = f.services.filter((x) => x.billable);
    if (billable.length === 0)
      reasons.push({ code: "NO_BILLABLE_SERVICE", message: "the session has no billable service" });
    if (!f.clientHasAddress)
      reasons.push({ code: "NO_ADDRESS", message: "the client has no address on file" });
    if (insurance && billable.some((x) => x.insuranceEligible)) {
      if (!primaryPolicy)
        reasons.push({
          code: "NO_ACTIVE_POLICY",
          message: `no active insurance policy on ${f.dateOfService}`,
        });
      if (f.diagnosisCodes.length === 0)
        reasons.push({ code: "NO_DIAGNOSIS", message: "the client has no diagnosis" });
    }
    if (s.requireSignedNote) {
      if (!f.note) reasons.push({ code: "NO_PROGRESS_NOTE", message: "no progress note for the session" });
      else if (!f.note.signed) reasons.push({ code: "NOTE_NOT_SIGNED", message: "progress note not signed" });
    }
    const pointers = f.diagnosisCodes.slice(0, 4).map((_, i) => i + 1);
    lines = billable.map((x) => ({
      kind: "service",
      serviceId: x.serviceId,
      code: x.code,
      description: x.description,
      units: x.units,
      unitFeeCents: x.feeCents,
      amountCents: x.feeCents * x.units,
      modifiers: x.modifiers,
      diagnosisPointers: x.insuranceEligible ? pointers : [],
      insuranceEligible: x.insuranceEligible,
    }));
  }
  const totalCents = lines.reduce((sum, l) => sum + l.amountCents, 0);
  const rule = findExcludingRule(s.rules, appointmentRuleFacts(f, totalCents));
  if (rule) {
    reasons.push({
      code: "EXCLUDED_BY_RULE",
      message: `excluded by rule '${rule.name}' (${describeRule(rule, s.labels)})`,
    });
  }
  if (reasons.length > 0) return { billable: false, reasons };
  const insuranceCents =
    insurance && primaryPolicy
      ? lines.filter((l) => l.insuranceEligible).reduce((a, l) => a + l.amountCents, 0)
      : 0;
  return {
    billable: true,
    lines,
    totalCents,
    insuranceCents,
    clientCents: totalCents - insuranceCents,
    primaryPolicy: insurance ? primaryPolicy : null,
  };
};
