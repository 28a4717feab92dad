import { DomainError, notFound } from "../errors/domain-error";
import { type Cents, isValidCents } from "../money/money";
import type { LocalDate } from "../time/local-date";

/** An issued invoice of the client, with what the client still owes on it. */
export type OpenInvoice = {
  invoiceId: string;
  invoiceDate: LocalDate;
  /** The number's digits (INV-1042 → 1042): ties on a date go by number, as people read them. */
  numberSeq: number;
  openCents: Cents;
};

/** Which invoices a payment goes to: the oldest first, or the ones the biller chose (in the order chosen). */
export type PaymentApplication =
  | { kind: "oldest_first" }
  | { kind: "chosen"; invoices: ReadonlyArray<{ invoiceId: string; amountCents?: Cents | undefined }> };

export type Allocation = { invoiceId: string; amountCents: Cents };
export type AllocationPlan = { allocations: Allocation[]; creditCents: Cents };

/** Refuses zero, negative and non-integer amounts with INVALID_AMOUNT. */
export const assertPositiveAmount = (amountCents: Cents, what: string): void => {
  if (!isValidCents(amountCents) || amountCents <= 0) {
    throw new DomainError("INVALID_AMOUNT", `${what} must be a positive whole number of cents`, {
      amountCents,
    });
  }
};

/** Oldest first: by invoice date, then by number. */
export const byInvoiceAge = (a: OpenInvoice, b: OpenInvoice): number =>
  a.invoiceDate < b.invoiceDate ? -1 : a.invoiceDate > b.invoiceDate ? 1 : a.numberSeq - b.numberSeq;

/**
 * Splits a payment over the client's invoices. Oldest first fills each open invoice in age order; chosen invoices
 * take the amount named for each (at most its open amount) or, without one, as much as is left up to its open
 * amount. Whatever no invoice takes is credit on account. An invoice not among the client's is NOT_FOUND.
 */
export const decidePaymentAllocation = (input: {
  amountCents: Cents;
  openInvoices: readonly OpenInvoice[];
  apply: PaymentApplication;
}): AllocationPlan => {
  assertPositiveAmount(input.amountCents, "A payment");
  let left = input.amountCents;
  const allocations: Allocation[] = [];
  if (input.apply.kind === "oldest_first") {
    for (const invoice of [...input.openInvoices].sort(byInvoiceAge)) {
      if (left === 0) break;
      const take = Math.min(left, invoice.openCents);
      if (take > 0) allocations.push({ invoiceId: invoice.invoiceId, amountCents: take });
      left -= take;
    }
    return { allocations, creditCents: left };
  }
  const byId = new Map(input.openInvoices.map((i) => [i.invoiceId, i]));
  const seen = new Set<string>();
  for (const chosen of input.apply.invoices) {
    const invoice = byId.get(chosen.invoiceId);
    if (!invoice) throw notFound("Invoice");
    if (seen.has(chosen.invoiceId)) {
      throw new DomainError("VALIDATION_FAILED", "An invoice is chosen twice", {
        invoiceId: chosen.invoiceId,
      });
    }
    seen.add(chosen.invoiceId);
    let take: Cents;
    if (chosen.amountCents !== undefined) {
      assertPositiveAmount(chosen.amountCents, "The amount applied to an invoice");
      if (chosen.amountCents > invoice.openCents) {
        throw new DomainError(
          "EXCEEDS_OPEN_AMOUNT",
          `The amount applied to an invoice is more than the ${invoice.openCents} cents open on it`,
          { invoiceId: invoice.invoiceId, openCents: invoice.openCents, amountCents: chosen.amountCents },
        );
      }
      if (chosen.amountCents > left) {
        throw new DomainError(
          "INVALID_AMOUNT",
          "The amounts applied to invoices add up to more than the payment",
          {
            amountCents: input.amountCents,
          },
        );
      }
      take = chosen.amountCents;
    } else {
      take = Math.min(left, invoice.openCents);
    }
    if (take > 0) allocations.push({ invoiceId: invoice.invoiceId, amountCents: take });
    left -= take;
  }
  return { allocations, creditCents: left };
};

/** Money received and not yet applied to an invoice, oldest payment first. */
export type UnappliedCredit = { paymentId: string; unappliedCents: Cents };

/**
 * Credit on account is consumed by the invoices issued next: each new invoice (in the order given, oldest first)
 * takes from the oldest credit until its open amount or the credit runs out.
 */
export const decideCreditConsumption = (input: {
  credits: readonly UnappliedCredit[];
  invoices: readonly OpenInvoice[];
}): Array<Allocation & { paymentId: string }> => {
  const credits = input.credits.map((c) => ({ ...c }));
  const out: Array<Allocation & { paymentId: string }> = [];
  let ci = 0;
  for (const invoice of [...input.invoices].sort(byInvoiceAge)) {
    let open = invoice.openCents;
    while (open > 0 && ci < credits.length) {
      const credit = credits[ci]!;
      const take = Math.min(open, credit.unappliedCents);
      if (take > 0)
        out.push({ paymentId: credit.paymentId, invoiceId: invoice.invoiceId, amountCents: take });
      credit.unappliedCents -= take;
      open -= take;
      if (credit.unappliedCents === 0) ci++;
    }
  }
  return out;
};
