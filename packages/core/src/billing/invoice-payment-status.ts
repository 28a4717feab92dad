import type { Cents } from "../money/money";
import type { TransitionTable } from "../state/state-machine";

/** What has been paid on an invoice, apart from its lifecycle (invoice-status.ts). */
export const invoicePaymentStatuses = ["unpaid", "partially_paid", "paid"] as const;
export type InvoicePaymentStatus = (typeof invoicePaymentStatuses)[number];

/** Any move is possible: a refund or an ERA reversal takes a paid invoice back to partially paid or unpaid. */
export const invoicePaymentTransitions: TransitionTable<InvoicePaymentStatus> = {
  unpaid: ["partially_paid", "paid"],
  partially_paid: ["unpaid", "paid"],
  paid: ["unpaid", "partially_paid"],
};

export const invoicePaymentStatusLabel: Record<InvoicePaymentStatus, string> = {
  unpaid: "Unpaid",
  partially_paid: "Partially Paid",
  paid: "Paid",
};

/** The running totals an invoice keeps, each moved in the same transaction as the ledger entry or posting. */
export type InvoicePaymentAmounts = {
  insuranceCents: Cents;
  insurancePaidCents: Cents;
  /** Payer write-offs (CO-45 …) from ERA posting. */
  adjustmentCents: Cents;
  clientCents: Cents;
  /** Client payments applied to the invoice, net of refunds taken back from it. */
  clientPaidCents: Cents;
  /** Client responsibility written off or adjusted away by the practice. */
  clientWrittenOffCents: Cents;
};

/** What the client still owes on the invoice; never negative (what is paid beyond it is credit on account). */
export const invoiceClientOpenCents = (a: InvoicePaymentAmounts): Cents =>
  Math.max(0, a.clientCents - a.clientPaidCents - a.clientWrittenOffCents);

/** What the payer still owes on the invoice (an overpayment by the payer counts as nothing due). */
export const invoiceInsuranceOpenCents = (a: InvoicePaymentAmounts): Cents =>
  Math.max(0, a.insuranceCents - a.insurancePaidCents - a.adjustmentCents);

/**
 * The one rule for an invoice's payment status: paid when neither the payer nor the client owes anything,
 * partially paid when something was paid or settled (by the payer, the client, or a write-off) and something is
 * still owed, unpaid otherwise. A zero invoice is paid: nothing is owed on it.
 */
export const decideInvoicePaymentStatus = (a: InvoicePaymentAmounts): InvoicePaymentStatus => {
  if (invoiceInsuranceOpenCents(a) === 0 && invoiceClientOpenCents(a) === 0) return "paid";
  const settled = a.insurancePaidCents + a.adjustmentCents + a.clientPaidCents + a.clientWrittenOffCents;
  return settled > 0 ? "partially_paid" : "unpaid";
};
