import {
  type AppointmentBillingFacts,
  type BillableDecision,
  decideAppointmentBillable,
  type EligibilitySettings,
  type InvoiceCreationMode,
} from "@billcycle/core";
import type { OutcomeInput } from "../automation/record-outcomes";

/** A session decided billable, with the facts it was decided on. */
export type BillableSession = { facts: AppointmentBillingFacts; decision: BillableDecision };

const skipped = (appointmentId: string, code: string, message: string): OutcomeInput => ({
  subjectType: "appointment",
  subjectId: appointmentId,
  outcome: "skipped",
  reasons: [{ code, message }],
  message,
});

/** Each session decided: the billable ones, and an outcome with its reasons for every other. */
export const decideSessions = (
  facts: readonly AppointmentBillingFacts[],
  eligibility: EligibilitySettings,
): { billable: BillableSession[]; outcomes: OutcomeInput[] } => {
  const billable: BillableSession[] = [];
  const outcomes: OutcomeInput[] = [];
  for (const f of facts) {
    const decision = decideAppointmentBillable(f, eligibility);
    if (decision.billable) billable.push({ facts: f, decision });
    else {
      outcomes.push({
        subjectType: "appointment",
        subjectId: f.appointmentId,
        outcome: "skipped",
        reasons: decision.reasons,
        message: decision.reasons.map((r) => r.message).join("; "),
      });
    }
  }
  return { billable, outcomes };
};

/**
 * The sessions still as they were read (`unchanged`: their row's version when locked), and a skipped outcome for
 * each other: one reopened, canceled or edited in between is left for the next run, which sees it as it is.
 */
export const keepUnchanged = (
  billable: readonly BillableSession[],
  unchanged: ReadonlySet<string>,
): { billable: BillableSession[]; outcomes: OutcomeInput[] } => {
  const kept: BillableSession[] = [];
  const outcomes: OutcomeInput[] = [];
  for (const b of billable) {
    if (unchanged.has(b.facts.appointmentId)) kept.push(b);
    else {
      outcomes.push(
        skipped(
          b.facts.appointmentId,
          "CHANGED_DURING_RUN",
          "changed while it was being invoiced; the next run takes it as it is now",
        ),
      );
    }
  }
  return { billable: kept, outcomes };
};

/**
 * Which invoice each session goes on: one per session, or on a monthly run one per client and primary policy
 * (sessions of one month can fall on both sides of a change of insurance, and an invoice — and the claim made from
 * it — goes to one payer). Returns the invoice id per session, in the sessions' order.
 */
export const assignInvoices = (
  billable: readonly BillableSession[],
  monthly: boolean,
  newId: () => string,
): string[] => {
  const idByKey = new Map<string, string>();
  return billable.map((b) => {
    const key = monthly
      ? `${b.facts.clientId}:${b.decision.primaryPolicy?.policyId ?? "none"}`
      : b.facts.appointmentId;
    let id = idByKey.get(key);
    if (!id) {
      id = newId();
      idByKey.set(key, id);
    }
    return id;
  });
};

export type PlannedInvoice = {
  id: string;
  number: string;
  clientId: string;
  paysBy: string;
  totalCents: number;
  insuranceCents: number;
  clientCents: number;
  primaryPolicyId: string | null;
  /** How many sessions it bills (the audit row says so). */
  appointments: number;
};

export type PlannedInvoiceLine = {
  id: string;
  invoiceId: string;
  position: number;
  kind: string;
  appointmentId: string;
  serviceId: string | null;
  code: string;
  description: string;
  dateOfService: string;
  units: number;
  unitFeeCents: number;
  amountCents: number;
  modifiers: string[];
  diagnosisPointers: number[];
  diagnosisCodes: string[];
  insuranceEligible: boolean;
};

/** What a creation batch writes: invoices in one status, their lines, and an outcome per session. */
export type InvoicePlan = {
  status: "pended" | "open";
  /** Who the histories and audit rows name. */
  actor: string;
  /** What made the invoices (`invoices.source`). */
  source: string;
  invoices: PlannedInvoice[];
  lines: PlannedInvoiceLine[];
  outcomes: OutcomeInput[];
};

/**
 * The invoices of a batch once its sessions are claimed: sessions another run claimed first are skipped
 * (ALREADY_INVOICED); the others go on their invoice with one line per decided line, the invoices numbered
 * consecutively from `firstNumber` (reserved for exactly as many invoices as got a session), Pended on a manual
 * run and Open otherwise.
 */
export const planInvoices = (input: {
  billable: readonly BillableSession[];
  /** The invoice id per billable session (assignInvoices). */
  invoiceIds: readonly string[];
  claimed: ReadonlySet<string>;
  firstNumber: number;
  mode: InvoiceCreationMode;
  trigger: "schedule" | "manual" | "on_kept";
  byUser?: { label: string };
  newId: () => string;
}): InvoicePlan => {
  const outcomes: OutcomeInput[] = [];
  const groups = new Map<string, BillableSession[]>();
  input.billable.forEach((b, i) => {
    if (!input.claimed.has(b.facts.appointmentId)) {
      outcomes.push(
        skipped(b.facts.appointmentId, "ALREADY_INVOICED", "already invoiced by a concurrent run"),
      );
      return;
    }
    const id = input.invoiceIds[i]!;
    const list = groups.get(id);
    if (list) list.push(b);
    else groups.set(id, [b]);
  });
  const status = input.mode === "manual" ? "pended" : "open";
  const source = input.byUser
    ? "user"
    : input.trigger === "on_kept"
      ? "on_kept"
      : input.mode === "on_kept"
        ? "nightly"
        : input.mode;
  const actor =
    input.byUser?.label ?? (input.trigger === "on_kept" ? "system:on_kept" : "system:invoice_creation");
  const invoices: PlannedInvoice[] = [];
  const lines: PlannedInvoiceLine[] = [];
  let n = input.firstNumber;
  for (const [invoiceId, members] of groups) {
    const number = `INV-${n++}`;
    let total = 0;
    let insurance = 0;
    let position = 0;
    for (const m of members) {
      total += m.decision.totalCents;
      insurance += m.decision.insuranceCents;
      for (const l of m.decision.lines) {
        lines.push({
          id: input.newId(),
          invoiceId,
          position: position++,
          kind: l.kind,
          appointmentId: m.facts.appointmentId,
          serviceId: l.serviceId,
          code: l.code,
          description: l.description,
          dateOfService: m.facts.dateOfService,
          units: l.units,
          unitFeeCents: l.unitFeeCents,
          amountCents: l.amountCents,
          modifiers: l.modifiers,
          diagnosisPointers: l.diagnosisPointers,
          diagnosisCodes: l.diagnosisPointers.length ? m.facts.diagnosisCodes.slice(0, 4) : [],
          insuranceEligible: l.insuranceEligible,
        });
      }
      outcomes.push({
        subjectType: "appointment",
        subjectId: m.facts.appointmentId,
        outcome: "done",
        reasons: [],
        message: `invoiced on ${number}`,
        relatedId: invoiceId,
      });
    }
    const head = members[0]!.facts;
    invoices.push({
      id: invoiceId,
      number,
      clientId: head.clientId,
      paysBy: head.clientPaysBy,
      totalCents: total,
      insuranceCents: insurance,
      clientCents: total - insurance,
      primaryPolicyId:
        members.find((m) => m.decision.primaryPolicy)?.decision.primaryPolicy?.policyId ?? null,
      appointments: members.length,
    });
  }
  return { status, actor, source, invoices, lines, outcomes };
};
