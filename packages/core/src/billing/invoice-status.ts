import type { TransitionTable } from "../state/state-machine";

/** An invoice's lifecycle. What has been paid on it is a separate column (invoice-payment-status.ts). */
export const invoiceStatuses = ["pended", "open", "processed", "void"] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];

/**
 * Pended (awaiting review, still a draft) → Open (issued) → Processed (claimed); a processed invoice goes back to
 * Open when its claim is withdrawn. Void ends any invoice that is not yet claimed.
 */
export const invoiceTransitions: TransitionTable<InvoiceStatus> = {
  pended: ["open", "void"],
  open: ["processed", "void"],
  processed: ["open", "void"],
  void: [],
};

export const invoiceStatusLabel: Record<InvoiceStatus, string> = {
  pended: "Pended",
  open: "Open",
  processed: "Processed",
  void: "Void",
};

/**
 * What a void says about the invoice's sessions: a correction bills them again (the next run, or by hand); a
 * waiver never bills them again ("pro bono", a courtesy).
 */
export const voidDispositions = ["correction", "waive"] as const;
export type VoidDisposition = (typeof voidDispositions)[number];
