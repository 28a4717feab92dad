import { describe, expect, it } from "vitest";
import { canTransition } from "../state/state-machine";
import {
  decideInvoicePaymentStatus,
  type InvoicePaymentAmounts,
  invoiceClientOpenCents,
  invoicePaymentTransitions,
} from "./invoice-payment-status";

const amounts = (over: Partial<InvoicePaymentAmounts> = {}): InvoicePaymentAmounts => ({
  insuranceCents: 0,
  insurancePaidCents: 0,
  adjustmentCents: 0,
  clientCents: 15_000,
  clientPaidCents: 0,
  clientWrittenOffCents: 0,
  ...over,
});

describe("decideInvoicePaymentStatus", () => {
  it("is unpaid while nothing is paid or settled", () => {
    expect(decideInvoicePaymentStatus(amounts())).toBe("unpaid");
    expect(decideInvoicePaymentStatus(amounts({ insuranceCents: 12_000, clientCents: 3_000 }))).toBe(
      "unpaid",
    );
  });

  it("is partially paid when the client paid part", () => {
    expect(decideInvoicePaymentStatus(amounts({ clientPaidCents: 1 }))).toBe("partially_paid");
    expect(decideInvoicePaymentStatus(amounts({ clientPaidCents: 14_999 }))).toBe("partially_paid");
  });

  it("is paid when the client paid all, and stays paid for an overpayment (the rest is credit)", () => {
    expect(decideInvoicePaymentStatus(amounts({ clientPaidCents: 15_000 }))).toBe("paid");
    expect(decideInvoicePaymentStatus(amounts({ clientPaidCents: 20_000 }))).toBe("paid");
  });

  it("counts a write-off as settling the client's share", () => {
    expect(decideInvoicePaymentStatus(amounts({ clientWrittenOffCents: 5_000 }))).toBe("partially_paid");
    expect(
      decideInvoicePaymentStatus(amounts({ clientPaidCents: 10_000, clientWrittenOffCents: 5_000 })),
    ).toBe("paid");
  });

  it("waits for the payer: insurance owed keeps a client-paid invoice partially paid", () => {
    const a = amounts({ insuranceCents: 12_000, clientCents: 3_000, clientPaidCents: 3_000 });
    expect(decideInvoicePaymentStatus(a)).toBe("partially_paid");
    expect(decideInvoicePaymentStatus({ ...a, insurancePaidCents: 10_000, adjustmentCents: 2_000 })).toBe(
      "paid",
    );
  });

  it("payer paid with patient responsibility still owed is partially paid", () => {
    expect(
      decideInvoicePaymentStatus(
        amounts({ insuranceCents: 12_000, insurancePaidCents: 12_000, clientCents: 3_000 }),
      ),
    ).toBe("partially_paid");
  });

  it("a zero invoice is paid", () => {
    expect(decideInvoicePaymentStatus(amounts({ clientCents: 0 }))).toBe("paid");
  });

  it("open client amount is never negative", () => {
    expect(invoiceClientOpenCents(amounts({ clientPaidCents: 16_000 }))).toBe(0);
    expect(invoiceClientOpenCents(amounts({ clientPaidCents: 6_000, clientWrittenOffCents: 1_000 }))).toBe(
      8_000,
    );
  });

  it("the payment transition table allows every move but staying put", () => {
    expect(canTransition(invoicePaymentTransitions, "paid", "unpaid")).toBe(true);
    expect(canTransition(invoicePaymentTransitions, "paid", "paid")).toBe(false);
  });
});
