import { describe, expect, it } from "vitest";
import { canTransition } from "../state/state-machine";
import { decideEmployerInvoiceStatus, employerInvoiceTransitions } from "./employer-invoice-status";

describe("decideEmployerInvoiceStatus", () => {
  it("is Open with nothing paid or credited", () => {
    expect(decideEmployerInvoiceStatus({ billedCents: 1000, creditedCents: 0, paidCents: 0 })).toBe("open");
  });
  it("is Partially Paid with something paid and something owed", () => {
    expect(decideEmployerInvoiceStatus({ billedCents: 1000, creditedCents: 0, paidCents: 1 })).toBe(
      "partially_paid",
    );
    expect(decideEmployerInvoiceStatus({ billedCents: 1000, creditedCents: 400, paidCents: 0 })).toBe(
      "partially_paid",
    );
  });
  it("is Paid when nothing is owed", () => {
    expect(decideEmployerInvoiceStatus({ billedCents: 1000, creditedCents: 400, paidCents: 600 })).toBe(
      "paid",
    );
  });
  it("never leaves Void", () => {
    expect(canTransition(employerInvoiceTransitions, "void", "open")).toBe(false);
    expect(canTransition(employerInvoiceTransitions, "partially_paid", "void")).toBe(false);
  });
});
