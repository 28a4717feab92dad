import { DomainError } from "../errors/domain-error";
import type { Cents } from "../money/money";
import { assertPositiveAmount } from "./decide-payment-allocation";

/** A payment as a refund sees it: what it was, what was refunded, what is unapplied and where the rest went. */
export type RefundablePayment = {
  amountCents: Cents;
  refundedCents: Cents;
  /** Credit on account left of it. */
  unappliedCents: Cents;
  /** Net amount on each invoice, in the order they were applied (oldest first). */
  allocations: ReadonlyArray<{ invoiceId: string; amountCents: Cents }>;
};

/** Where a refund's money comes from: unapplied credit first, then the invoices it paid, last applied first. */
export type RefundPlan = {
  fromCreditCents: Cents;
  fromInvoices: Array<{ invoiceId: string; amountCents: Cents }>;
};

/**
 * A refund reverses a payment in part or whole and never more than what remains of it (amount − refunded so
 * far). It takes unapplied credit first, so invoices the payment settled stay settled as long as possible.
 */
export const decideRefund = (payment: RefundablePayment, amountCents: Cents): RefundPlan => {
  assertPositiveAmount(amountCents, "A refund");
  const remaining = payment.amountCents - payment.refundedCents;
  if (amountCents > remaining) {
    throw new DomainError(
      "REFUND_EXCEEDS_PAYMENT",
      `The refund is more than the ${remaining} cents that remain of the payment`,
      { remainingCents: remaining, amountCents },
    );
  }
  const fromCreditCents = Math.min(amountCents, payment.unappliedCents);
  let left = amountCents - fromCreditCents;
  const fromInvoices: RefundPlan["fromInvoices"] = [];
  for (const a of [...payment.allocations].reverse()) {
    if (left === 0) break;
    const take = Math.min(left, a.amountCents);
    if (take > 0) fromInvoices.push({ invoiceId: a.invoiceId, amountCents: take });
    left -= take;
  }
  // Applied + unapplied + refunded always equals the payment, so this holds unless the rows disagree.
  if (left > 0) throw new DomainError("INTERNAL", "A payment's allocations do not add up to its amount");
  return { fromCreditCents, fromInvoices };
};
