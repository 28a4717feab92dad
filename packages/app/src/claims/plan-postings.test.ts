import type { PlannedPosting } from "@billcycle/core";
import { describe, expect, it } from "vitest";
import {
  isEmptyPlan,
  type PostingApplication,
  type PostingClaimFacts,
  type PostingInvoiceFacts,
  PostingPlanner,
} from "./plan-postings";

const now = new Date("2026-12-06T12:00:00Z");

const planner = () => {
  let n = 0;
  return new PostingPlanner(now, () => `id-${++n}`);
};

const claim = (over: Partial<PostingClaimFacts["claim"]> = {}): PostingClaimFacts => ({
  claim: {
    id: "claim-1",
    payerId: "payer-1",
    invoiceId: "inv-1",
    patientControlNumber: "PCN1",
    status: "submitted",
    adjudication: "none",
    ...over,
  },
  lines: [
    {
      id: "line-1",
      lineNumber: 1,
      controlNumber: "L1",
      code: "90837",
      dateOfService: "2026-11-30",
      chargeCents: 20_000,
    },
  ],
  existing: [],
});

const invoice = (over: Partial<PostingInvoiceFacts> = {}): PostingInvoiceFacts => ({
  id: "inv-1",
  status: "processed",
  clientId: "client-1",
  number: "INV-7",
  paymentStatus: "unpaid",
  insuranceCents: 20_000,
  insurancePaidCents: 0,
  adjustmentCents: 0,
  clientCents: 0,
  clientPaidCents: 0,
  clientWrittenOffCents: 0,
  ...over,
});

const posting = (kind: PlannedPosting["kind"], amountCents: number, over: Partial<PlannedPosting> = {}) => ({
  kind,
  claimLineId: "line-1",
  groupCode: kind === "payment" ? null : kind === "write_off" ? "CO" : "PR",
  reasonCode: kind === "payment" ? null : kind === "write_off" ? "45" : "2",
  amountCents,
  reversesPostingId: null,
  ...over,
});

const application = (over: Partial<PostingApplication> = {}): PostingApplication => ({
  claimId: "claim-1",
  remittanceClaimId: "rc-1",
  postings: [posting("payment", 16_000), posting("write_off", 4_000)],
  claimOutcome: "paid",
  payerClaimNumber: "PAYER-9",
  cause: { kind: "remittance", remittanceClaimId: "rc-1" },
  actor: "era_posting",
  ...over,
});

describe("PostingPlanner", () => {
  it("plans a paid claim: its postings, amounts, state move with history, the invoice's amounts and payment status", () => {
    const p = planner();
    p.know([claim()], [invoice()]);
    p.apply(application());
    const plan = p.take();
    expect(plan.postings.map((r) => [r.id, r.kind, r.amountCents, r.invoiceId, r.remittanceClaimId])).toEqual(
      [
        ["id-1", "payment", 16_000, "inv-1", "rc-1"],
        ["id-2", "write_off", 4_000, "inv-1", "rc-1"],
      ],
    );
    expect(plan.claims).toEqual([
      {
        id: "claim-1",
        paidDelta: 16_000,
        patientDelta: 0,
        payerClaimNumber: "PAYER-9",
        versionDelta: 1,
        from: { status: "submitted", adjudication: "none" },
        to: { status: "adjudicated", adjudication: "paid" },
      },
    ]);
    expect(plan.claimHistory).toMatchObject([
      { claimId: "claim-1", fromStatus: "submitted", toStatus: "adjudicated", toAdjudication: "paid" },
    ]);
    expect(plan.invoices).toEqual([
      {
        invoiceId: "inv-1",
        insurancePaidDelta: 16_000,
        adjustmentDelta: 4_000,
        toClientDelta: 0,
        versionDelta: 1,
      },
    ]);
    expect(plan.paymentStatusChanges).toMatchObject([{ invoiceId: "inv-1", from: "unpaid", to: "paid" }]);
    expect(plan.ledger).toEqual([]);
    expect(plan.audit).toEqual([{ claimId: "claim-1", details: { postings: 2, remittanceClaimId: "rc-1" } }]);
  });

  it("lets a later plan see an earlier one: a reversal and its correction make one claim row, from the state read", () => {
    const p = planner();
    p.know(
      [claim({ status: "adjudicated", adjudication: "paid" })],
      [invoice({ paymentStatus: "paid", insurancePaidCents: 16_000, adjustmentCents: 4_000 })],
    );
    const original = { ...posting("payment", 16_000), id: "old-1" };
    p.get("claim-1")?.existing.push(original);
    p.apply(
      application({
        postings: [posting("payment", -16_000, { reversesPostingId: "old-1" })],
        claimOutcome: "reversed",
      }),
    );
    expect(p.get("claim-1")?.existing.map((e) => e.id)).toEqual(["old-1", "id-1"]);
    expect(p.get("claim-1")?.claim.status).toBe("accepted");
    p.apply(application({ postings: [posting("payment", 12_000)], claimOutcome: "partially_paid" }));
    const plan = p.take();
    expect(plan.claims).toHaveLength(1);
    expect(plan.claims[0]).toMatchObject({
      paidDelta: -4_000,
      versionDelta: 2,
      from: { status: "adjudicated", adjudication: "paid" },
      to: { status: "adjudicated", adjudication: "partially_paid" },
    });
    expect(
      plan.claimHistory.map((h) => `${h.fromStatus}/${h.fromAdjudication}→${h.toStatus}/${h.toAdjudication}`),
    ).toEqual(["adjudicated/paid→accepted/none", "accepted/none→adjudicated/partially_paid"]);
    expect(plan.invoices).toEqual([
      {
        invoiceId: "inv-1",
        insurancePaidDelta: -4_000,
        adjustmentDelta: 0,
        toClientDelta: 0,
        versionDelta: 2,
      },
    ]);
    // 12,000 of the 16,000 paid again: 4,000 still owed by the payer.
    expect(plan.paymentStatusChanges.map((c) => `${c.from}→${c.to}`)).toEqual(["paid→partially_paid"]);
  });

  it("hands each row over once: after take() the next plan starts from the state taken", () => {
    const p = planner();
    p.know([claim()], [invoice()]);
    p.apply(application({ postings: [posting("payment", 5_000)], claimOutcome: "partially_paid" }));
    expect(isEmptyPlan(p.take())).toBe(false);
    expect(isEmptyPlan(p.take())).toBe(true);
    p.apply(application({ postings: [posting("payment", 15_000)], claimOutcome: "paid" }));
    const plan = p.take();
    expect(plan.claims[0]).toMatchObject({
      paidDelta: 15_000,
      from: { status: "adjudicated", adjudication: "partially_paid" },
      to: { status: "adjudicated", adjudication: "paid" },
    });
  });

  it("writes a client ledger entry when an issued invoice's client share changes, none for a pended one", () => {
    const pr = application({
      postings: [posting("payment", 15_000), posting("patient_responsibility", 5_000)],
      claimOutcome: "paid",
    });
    const issued = planner();
    issued.know([claim()], [invoice({ status: "open" })]);
    issued.apply(pr);
    const plan = issued.take();
    expect(plan.ledger).toEqual([
      {
        id: "id-4",
        clientId: "client-1",
        kind: "charge",
        amountCents: 5_000,
        description: "Insurance: your share of INV-7 rose",
        invoiceId: "inv-1",
        postingId: "id-2",
        actor: "era_posting",
      },
    ]);
    expect(plan.invoices[0]).toMatchObject({ toClientDelta: 5_000 });
    // The client now owes 5,000 of it: partially paid, not paid.
    expect(plan.paymentStatusChanges).toMatchObject([{ to: "partially_paid" }]);

    const pended = planner();
    pended.know([claim()], [invoice({ status: "pended" })]);
    pended.apply(pr);
    expect(pended.take().ledger).toEqual([]);
  });

  it("leaves a void invoice's payment status alone, and refuses a move the claim table forbids", () => {
    const p = planner();
    p.know([claim({ status: "void" })], [invoice({ status: "void" })]);
    p.apply(application());
    const plan = p.take();
    expect(plan.paymentStatusChanges).toEqual([]);
    expect(plan.claimHistory).toEqual([]);
    expect(plan.claims[0]).toMatchObject({ versionDelta: 0, to: { status: "void" } });
  });

  it("plans nothing for a claim it does not know", () => {
    const p = planner();
    p.know([claim()], [invoice()]);
    p.apply(application({ claimId: "claim-of-another-practice" }));
    expect(isEmptyPlan(p.take())).toBe(true);
  });

  it("keeps what it planned when the same claims are read again", () => {
    const p = planner();
    p.know([claim()], [invoice()]);
    p.apply(application());
    p.know([claim()], [invoice()]);
    expect(p.get("claim-1")?.claim.status).toBe("adjudicated");
    expect(p.get("claim-1")?.existing).toHaveLength(2);
  });
});
