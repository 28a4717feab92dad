import { describe, expect, it } from "vitest";
import { type DeniedClaimFacts, decideClaimFollowUp } from "./claim-follow-up";

const denied: DeniedClaimFacts = {
  patientControlNumber: "BC100000",
  status: "adjudicated",
  adjudication: "denied",
  followUp: "none",
  payerClaimNumber: "PAYER-1",
  insuranceOpenCents: 17_500,
};

describe("decideClaimFollowUp", () => {
  it("replaces (7) and voids at the payer (8) a denied claim the payer numbered", () => {
    expect(decideClaimFollowUp(denied, "replace")).toMatchObject({
      allowed: true,
      followUp: "replaced",
      newClaimFrequency: "7",
    });
    expect(decideClaimFollowUp(denied, "void_at_payer")).toMatchObject({
      allowed: true,
      followUp: "voided_at_payer",
      newClaimFrequency: "8",
    });
  });

  it("refuses a replacement or payer void of a claim the payer never numbered", () => {
    const rejected = {
      ...denied,
      status: "rejected" as const,
      adjudication: "none" as const,
      payerClaimNumber: null,
    };
    expect(decideClaimFollowUp(rejected, "replace")).toMatchObject({
      allowed: false,
      code: "PAYER_CLAIM_NUMBER_MISSING",
    });
    expect(decideClaimFollowUp(rejected, "void_at_payer")).toMatchObject({
      code: "PAYER_CLAIM_NUMBER_MISSING",
    });
    expect(decideClaimFollowUp(rejected, "resubmit")).toMatchObject({
      allowed: true,
      status: "awaiting_submission",
    });
  });

  it("writes off or bills the client what insurance still owes, and nothing when it owes nothing", () => {
    expect(decideClaimFollowUp(denied, "write_off")).toMatchObject({
      followUp: "written_off",
      amountCents: 17_500,
    });
    expect(decideClaimFollowUp(denied, "bill_client")).toMatchObject({
      followUp: "billed_to_client",
      amountCents: 17_500,
    });
    expect(decideClaimFollowUp({ ...denied, insuranceOpenCents: 0 }, "write_off")).toMatchObject({
      code: "INVALID_AMOUNT",
    });
  });

  it("acts only on a denied or rejected claim, once", () => {
    expect(decideClaimFollowUp({ ...denied, adjudication: "paid" }, "write_off")).toMatchObject({
      code: "CLAIM_NOT_DENIED",
    });
    expect(decideClaimFollowUp({ ...denied, followUp: "written_off" }, "bill_client")).toMatchObject({
      code: "CLAIM_NOT_DENIED",
    });
  });
});
