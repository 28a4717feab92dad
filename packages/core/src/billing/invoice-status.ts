import type { TransitionTable } from "../state/state-machine";

export const invoiceStatuses = ["pended", "open", "processed", "partially_paid", "paid", "void"] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];

/**
 * Pended (awaiting review, still a draft) → Open (issued) → Processed (claimed) → Partially Paid → Paid;
 * Void ends any unpaid invoice. A paid invoice goes back to Partially Paid/Processed only when a payment is reversed.
 */
export const invoiceTransitions: TransitionTable<InvoiceStatus> = {
  pended: ["open", "void"],
  open: ["processed", "partially_paid", "paid", "void"],
  processed: ["partially_paid", "paid", "open", "void"],
  partially_paid: ["paid", "processed", "void"],
  paid: ["partially_paid", "processed"],
  void: [],
};

export const invoiceStatusLabel: Record<InvoiceStatus, string> = {
  pended: "Pended",
  open: "Open",
  processed: "Processed",
  partially_paid: "Partially Paid",
  paid: "Paid",
  void: "Void",
};
