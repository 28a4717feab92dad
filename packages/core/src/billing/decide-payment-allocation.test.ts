import { describe, expect, it } from "vitest";
import { DomainError } from "../errors/domain-error";
import {
  decideCreditConsumption,
  decidePaymentAllocation,
  type OpenInvoice,
} from "./decide-payment-allocation";

const inv = (invoiceId: string, invoiceDate: string, numberSeq: number, openCents: number): OpenInvoice => ({
  invoiceId,
  invoiceDate,
  numberSeq,
  openCents,
});
// Given out of order on purpose: the planner sorts by date, then number.
const open = [
  inv("c", "2026-11-10", 1003, 5_000),
  inv("b", "2026-11-02", 1002, 3_000),
  inv("a", "2026-11-02", 1001, 2_000),
];

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? e.code : "not a DomainError";
  }
  return undefined;
};

describe("decidePaymentAllocation", () => {
  it("oldest first: by invoice date, then number; the rest is credit", () => {
    expect(
      decidePaymentAllocation({ amountCents: 4_000, openInvoices: open, apply: { kind: "oldest_first" } }),
    ).toEqual({
      allocations: [
        { invoiceId: "a", amountCents: 2_000 },
        { invoiceId: "b", amountCents: 2_000 },
      ],
      creditCents: 0,
    });
    expect(
      decidePaymentAllocation({ amountCents: 12_500, openInvoices: open, apply: { kind: "oldest_first" } }),
    ).toEqual({
      allocations: [
        { invoiceId: "a", amountCents: 2_000 },
        { invoiceId: "b", amountCents: 3_000 },
        { invoiceId: "c", amountCents: 5_000 },
      ],
      creditCents: 2_500,
    });
  });

  it("skips invoices with nothing open and is all credit when nothing is open", () => {
    const plan = decidePaymentAllocation({
      amountCents: 1_000,
      openInvoices: [inv("z", "2026-01-01", 1, 0)],
      apply: { kind: "oldest_first" },
    });
    expect(plan).toEqual({ allocations: [], creditCents: 1_000 });
  });

  it("chosen invoices in the order chosen, up to their open amount, the rest is credit", () => {
    const plan = decidePaymentAllocation({
      amountCents: 6_000,
      openInvoices: open,
      apply: { kind: "chosen", invoices: [{ invoiceId: "c" }, { invoiceId: "a", amountCents: 500 }] },
    });
    expect(plan).toEqual({
      allocations: [
        { invoiceId: "c", amountCents: 5_000 },
        { invoiceId: "a", amountCents: 500 },
      ],
      creditCents: 500,
    });
  });

  it("refuses zero, negative and fractional payments", () => {
    for (const amountCents of [0, -1, 10.5]) {
      expect(
        codeOf(() =>
          decidePaymentAllocation({ amountCents, openInvoices: open, apply: { kind: "oldest_first" } }),
        ),
      ).toBe("INVALID_AMOUNT");
    }
  });

  it("refuses more than an invoice's open amount, an unknown invoice, a twice-chosen one, amounts above the payment", () => {
    const chosen =
      (invoices: Array<{ invoiceId: string; amountCents?: number }>, amountCents = 10_000) =>
      () =>
        decidePaymentAllocation({ amountCents, openInvoices: open, apply: { kind: "chosen", invoices } });
    expect(codeOf(chosen([{ invoiceId: "a", amountCents: 2_001 }]))).toBe("EXCEEDS_OPEN_AMOUNT");
    expect(codeOf(chosen([{ invoiceId: "a", amountCents: 2_000 }]))).toBeUndefined();
    expect(codeOf(chosen([{ invoiceId: "elsewhere" }]))).toBe("NOT_FOUND");
    expect(codeOf(chosen([{ invoiceId: "a" }, { invoiceId: "a" }]))).toBe("VALIDATION_FAILED");
    expect(codeOf(chosen([{ invoiceId: "c", amountCents: 5_000 }], 4_000))).toBe("INVALID_AMOUNT");
    expect(codeOf(chosen([{ invoiceId: "a", amountCents: 0 }]))).toBe("INVALID_AMOUNT");
  });
});

describe("decideCreditConsumption", () => {
  it("the next invoices take the oldest credit first, up to their open amount", () => {
    expect(
      decideCreditConsumption({
        credits: [
          { paymentId: "p1", unappliedCents: 1_000 },
          { paymentId: "p2", unappliedCents: 4_000 },
        ],
        invoices: [inv("new2", "2026-12-02", 1005, 3_000), inv("new1", "2026-12-01", 1004, 1_500)],
      }),
    ).toEqual([
      { paymentId: "p1", invoiceId: "new1", amountCents: 1_000 },
      { paymentId: "p2", invoiceId: "new1", amountCents: 500 },
      { paymentId: "p2", invoiceId: "new2", amountCents: 3_000 },
    ]);
  });

  it("takes nothing without credit, and leaves credit beyond what is owed", () => {
    expect(decideCreditConsumption({ credits: [], invoices: [inv("n", "2026-12-01", 1, 100)] })).toEqual([]);
    expect(
      decideCreditConsumption({
        credits: [{ paymentId: "p", unappliedCents: 900 }],
        invoices: [inv("n", "2026-12-01", 1, 100)],
      }),
    ).toEqual([{ paymentId: "p", invoiceId: "n", amountCents: 100 }]);
  });
});
