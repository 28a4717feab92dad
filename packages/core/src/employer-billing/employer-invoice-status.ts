import type { TransitionTable } from "../state/state-machine";

/**
 * An employer invoice's status. Open, Partially Paid and Paid follow its balance (decideEmployerInvoiceStatus);
 * Void is final. A re-batch carries the status of the invoice it reprints; a credit memo is created Paid (it
 * settles, it is not owed).
 */
export const employerInvoiceStatuses = ["open", "partially_paid", "paid", "void"] as const;
export type EmployerInvoiceStatus = (typeof employerInvoiceStatuses)[number];

/** A receipt reversal takes a paid invoice back; a void only from Open (nothing applied to it). */
export const employerInvoiceTransitions: TransitionTable<EmployerInvoiceStatus> = {
  open: ["partially_paid", "paid", "void"],
  partially_paid: ["open", "paid"],
  paid: ["open", "partially_paid"],
  void: [],
};

export const employerInvoiceStatusLabel: Record<EmployerInvoiceStatus, string> = {
  open: "Open",
  partially_paid: "Partially Paid",
  paid: "Paid",
  void: "Void",
};

export type EmployerInvoiceAmounts = {
  /** The original invoice's total, in cents. */
  billedCents: number;
  /** Credit memos against it, as a positive amount. */
  creditedCents: number;
  /** Receipts applied to it, net of reversals. */
  paidCents: number;
};

/** What the employer still owes on the invoice; never negative. */
export const employerInvoiceOpenCents = (a: EmployerInvoiceAmounts): number =>
  Math.max(0, a.billedCents - a.creditedCents - a.paidCents);

/**
 * The one rule: Paid when nothing is owed, Partially Paid when something was paid or credited and something is
 * still owed, Open otherwise.
 */
export const decideEmployerInvoiceStatus = (
  a: EmployerInvoiceAmounts,
): Exclude<EmployerInvoiceStatus, "void"> => {
  if (employerInvoiceOpenCents(a) === 0) return "paid";
  return a.paidCents + a.creditedCents > 0 ? "partially_paid" : "open";
};
