import { describe, expect, it } from "vitest";
import { DomainError } from "../errors/domain-error";
import { decideRefund, type RefundablePayment } from "./decide-refund";

const payment: RefundablePayment = {
  amountCents: 10_000,
  refundedCents: 0,
  unappliedCents: 2_000,
  allocations: [
    { invoiceId: "older", amountCents: 5_000 },
    { invoiceId: "newer", amountCents: 3_000 },
  ],
};

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? e.code : "not a DomainError";
  }
  return undefined;
};

describe("decideRefund", () => {
  it("a partial refund comes out of unapplied credit first", () => {
    expect(decideRefund(payment, 1_500)).toEqual({ fromCreditCents: 1_500, fromInvoices: [] });
  });

  it("then from the invoices, the last applied first", () => {
    expect(decideRefund(payment, 6_000)).toEqual({
      fromCreditCents: 2_000,
      fromInvoices: [
        { invoiceId: "newer", amountCents: 3_000 },
        { invoiceId: "older", amountCents: 1_000 },
      ],
    });
  });

  it("a full refund reverses it whole", () => {
    expect(decideRefund(payment, 10_000)).toEqual({
      fromCreditCents: 2_000,
      fromInvoices: [
        { invoiceId: "newer", amountCents: 3_000 },
        { invoiceId: "older", amountCents: 5_000 },
      ],
    });
  });

  it("never more than what remains of the payment", () => {
    expect(codeOf(() => decideRefund(payment, 10_001))).toBe("REFUND_EXCEEDS_PAYMENT");
    const partlyRefunded = {
      ...payment,
      refundedCents: 4_000,
      unappliedCents: 0,
      allocations: [{ invoiceId: "x", amountCents: 6_000 }],
    };
    expect(codeOf(() => decideRefund(partlyRefunded, 6_001))).toBe("REFUND_EXCEEDS_PAYMENT");
    expect(decideRefund(partlyRefunded, 6_000).fromInvoices).toEqual([
      { invoiceId: "x", amountCents: 6_000 },
    ]);
  });

  it("refuses zero and negative refunds", () => {
    expect(codeOf(() => decideRefund(payment, 0))).toBe("INVALID_AMOUNT");
    expect(codeOf(() => decideRefund(payment, -5))).toBe("INVALID_AMOUNT");
  });
});
