import { appointmentStatusLabel, appointmentTransitions } from "../appointments/appointment-status";
import { automationRunTransitions } from "../automation/automation-run-status";
import { documentTransitions } from "../billing/document-status";
import { invoicePaymentStatusLabel, invoicePaymentTransitions } from "../billing/invoice-payment-status";
import { invoiceTransitions } from "../billing/invoice-status";
import { claimFollowUpLabel, claimFollowUpTransitions } from "../claims/claim-follow-up";
import { claimAdjudicationTransitions, claimTransitions } from "../claims/claim-status";
import { inboundFileTransitions, outboundFileTransitions } from "../claims/clearinghouse-file-status";
import { postingStatusTransitions, remittanceTransitions } from "../claims/remittance-status";
import { workItemTransitions } from "../claims/work-item-status";
import {
  employerInvoiceStatusLabel,
  employerInvoiceTransitions,
} from "../employer-billing/employer-invoice-status";
import { jobTransitions } from "../jobs/job-status";
import { outreachMessageTransitions } from "../outreach/outreach-message-status";
import { outreachSetStatusLabel, outreachSetTransitions } from "../outreach/outreach-set-status";
import { autopayAttemptTransitions } from "../payments/autopay-attempt-status";
import { cardChargeTransitions, cardRefundTransitions } from "../payments/card-charge-status";
import { shareTransitions } from "../sharing/share-status";
import type { TransitionTable } from "./state-machine";

/**
 * Every status column of the schema, its one transition table, the states a row is created in, and the module that
 * writes it. The status-write test walks this list (every write of the column is in `writer`; every stored value is
 * a state of the table) and `npm run docs:status` renders it into docs/ARCHITECTURE.md.
 */
export type StatusColumn = {
  /** The machine's name, as errors and the docs say it. */
  name: string;
  table: string;
  column: string;
  /** SQL predicate on the table when one column holds two machines (inbound and outbound files). */
  rows?: string;
  transitions: TransitionTable<string>;
  /** The states a row is inserted in. */
  initial: readonly string[];
  /** The one module (repository path) that writes the column. */
  writer: string;
  /**
   * Modules that still write it besides the writer, each with why; the status-write test accepts them. Empty is
   * the rule.
   */
  alsoWrittenBy?: ReadonlyArray<{ path: string; why: string }>;
  /** Labels for the docs (none: the state's own name). */
  labels?: Readonly<Record<string, string>>;
};

const FIXTURE_WRITERS = [
  { path: "packages/cli/src/demo/seed-demo.ts", why: "demo data: history written as it was, not lived" },
  { path: "packages/worker/bench/generate.ts", why: "benchmark data generated in bulk SQL" },
  { path: "packages/worker/bench/claims-generate.ts", why: "benchmark claims generated in bulk SQL" },
  { path: "packages/worker/bench/billing.ts", why: "autopay benchmark data generated in bulk SQL" },
  { path: "packages/worker/bench/employer.ts", why: "employer billing benchmark data generated in bulk SQL" },
  { path: "packages/worker/bench/outreach.ts", why: "outreach benchmark data generated in bulk SQL" },
];

export const statusColumns: readonly StatusColumn[] = [
  {
    name: "Employer invoice",
    table: "employer_invoices",
    column: "status",
    transitions: employerInvoiceTransitions,
    initial: ["open", "partially_paid", "paid"],
    writer: "packages/app/src/employer-billing/write-employer-invoice-status.ts",
    alsoWrittenBy: [
      {
        path: "packages/app/src/employer-billing/create-employer-batch.ts",
        why: "creates invoices Open, in bulk",
      },
      {
        path: "packages/app/src/employer-billing/rebatch-employer-batch.ts",
        why: "a re-batch is created with the status of the invoice it reprints",
      },
      {
        path: "packages/app/src/employer-billing/create-credit-memo.ts",
        why: "a credit memo is created Paid (it settles, nothing is owed on it)",
      },
      ...FIXTURE_WRITERS,
    ],
    labels: employerInvoiceStatusLabel,
  },
  {
    name: "Appointment",
    table: "appointments",
    column: "status",
    transitions: appointmentTransitions,
    initial: ["upcoming"],
    writer: "packages/app/src/appointments/change-appointment-status.ts",
    alsoWrittenBy: FIXTURE_WRITERS,
    labels: appointmentStatusLabel,
  },
  {
    name: "Invoice",
    table: "invoices",
    column: "status",
    transitions: invoiceTransitions,
    initial: ["pended", "open"],
    writer: "packages/app/src/invoices/transition-invoice.ts",
    alsoWrittenBy: [
      {
        path: "packages/app/src/billing/create-invoices.ts",
        why: "creates invoices Pended or Open, in bulk",
      },
      ...FIXTURE_WRITERS,
    ],
  },
  {
    name: "Invoice payment",
    table: "invoices",
    column: "payment_status",
    transitions: invoicePaymentTransitions,
    initial: ["unpaid"],
    writer: "packages/app/src/invoices/invoice-payment-status.ts",
    alsoWrittenBy: FIXTURE_WRITERS,
    labels: invoicePaymentStatusLabel,
  },
  {
    name: "Card charge",
    table: "card_charges",
    column: "status",
    transitions: cardChargeTransitions,
    initial: ["pending"],
    writer: "packages/app/src/payments/transition-card-charge.ts",
    alsoWrittenBy: [
      {
        path: "packages/app/src/payments/charge-card.ts",
        why: "creates the charge Pending before Stripe is asked (chargeCard and autopay, insertPendingCharge)",
      },
    ],
  },
  {
    name: "Autopay attempt",
    table: "autopay_attempts",
    column: "status",
    transitions: autopayAttemptTransitions,
    initial: ["pending"],
    writer: "packages/app/src/autopay/transition-autopay-attempt.ts",
  },
  {
    name: "Document share",
    table: "document_shares",
    column: "status",
    transitions: shareTransitions,
    initial: ["scheduled"],
    writer: "packages/app/src/sharing/write-share-status.ts",
    alsoWrittenBy: [
      {
        path: "packages/app/src/sharing/schedule-document-share.ts",
        why: "schedules shares, in bulk for a night",
      },
      { path: "packages/worker/bench/sharing.ts", why: "sharing benchmark data generated in bulk SQL" },
    ],
  },
  {
    name: "Card refund",
    table: "card_refunds",
    column: "status",
    transitions: cardRefundTransitions,
    initial: ["pending", "succeeded"],
    writer: "packages/app/src/payments/transition-card-refund.ts",
    alsoWrittenBy: [
      { path: "packages/app/src/payments/refund-card-charge.ts", why: "creates the refund Pending" },
      {
        path: "packages/app/src/payments/handle-stripe-webhook.ts",
        why: "records a refund made in Stripe's dashboard as Stripe reports it",
      },
    ],
  },
  {
    name: "Document",
    table: "documents",
    column: "status",
    transitions: documentTransitions,
    initial: ["issued"],
    writer: "packages/app/src/documents/",
    alsoWrittenBy: [
      { path: "packages/worker/bench/sharing.ts", why: "sharing benchmark documents generated in bulk SQL" },
    ],
  },
  {
    name: "Claim",
    table: "claims",
    column: "status",
    transitions: claimTransitions,
    initial: ["awaiting_submission"],
    writer: "packages/app/src/claims/transition-claims.ts",
    alsoWrittenBy: FIXTURE_WRITERS,
  },
  {
    name: "Claim adjudication",
    table: "claims",
    column: "adjudication",
    transitions: claimAdjudicationTransitions,
    initial: ["none"],
    writer: "packages/app/src/claims/transition-claims.ts",
    alsoWrittenBy: FIXTURE_WRITERS,
  },
  {
    name: "Claim follow-up",
    table: "claims",
    column: "follow_up",
    transitions: claimFollowUpTransitions,
    initial: ["none"],
    writer: "packages/app/src/claims/transition-claims.ts",
    labels: claimFollowUpLabel,
  },
  {
    name: "Automation run",
    table: "automation_runs",
    column: "status",
    transitions: automationRunTransitions,
    initial: ["queued"],
    writer: "packages/app/src/automation/automation-run-status-writer.ts",
    alsoWrittenBy: [
      {
        path: "packages/worker/bench/billing.ts",
        why: "the benchmark's finished creation runs, in bulk SQL",
      },
    ],
  },
  {
    name: "Job",
    table: "jobs",
    column: "status",
    transitions: jobTransitions,
    initial: ["queued"],
    writer: "packages/db/src/queue/job-queue.ts",
  },
  {
    name: "Outbound clearinghouse file",
    table: "clearinghouse_files",
    column: "status",
    rows: "direction = 'outbound'",
    transitions: outboundFileTransitions,
    initial: ["pending"],
    writer: "packages/app/src/claims/clearinghouse-file-status-writer.ts",
  },
  {
    name: "Inbound clearinghouse file",
    table: "clearinghouse_files",
    column: "status",
    rows: "direction = 'inbound'",
    transitions: inboundFileTransitions,
    initial: ["received", "rejected"],
    writer: "packages/app/src/claims/clearinghouse-file-status-writer.ts",
  },
  {
    name: "Remittance",
    table: "remittances",
    column: "status",
    transitions: remittanceTransitions,
    initial: ["posting"],
    writer: "packages/app/src/claims/remittance-status-writer.ts",
  },
  {
    name: "Remittance claim posting",
    table: "remittance_claims",
    column: "posting_status",
    transitions: postingStatusTransitions,
    initial: ["posted", "queued"],
    writer: "packages/app/src/claims/remittance-status-writer.ts",
  },
  {
    name: "Work-queue item",
    table: "work_queue_items",
    column: "status",
    transitions: workItemTransitions,
    initial: ["open"],
    writer: "packages/app/src/claims/work-item-status-writer.ts",
  },
  {
    name: "Outreach invoice set",
    table: "outreach_sets",
    column: "status",
    transitions: outreachSetTransitions,
    initial: ["active", "will_fail"],
    writer: "packages/app/src/outreach/write-outreach-status.ts",
    alsoWrittenBy: FIXTURE_WRITERS,
    labels: outreachSetStatusLabel,
  },
  {
    name: "Outreach message",
    table: "outreach_messages",
    column: "status",
    transitions: outreachMessageTransitions,
    initial: ["sending", "failed"],
    writer: "packages/app/src/outreach/write-outreach-status.ts",
    alsoWrittenBy: FIXTURE_WRITERS,
  },
];

/** Every state a column's table names (a state nothing leaves is still a state). */
export const statesOf = (c: StatusColumn): string[] => Object.keys(c.transitions);
