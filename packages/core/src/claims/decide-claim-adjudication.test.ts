import { describe, expect, it } from "vitest";
import { decideClaimAdjudication, nextClaimState } from "./decide-claim-adjudication";

describe("decideClaimAdjudication", () => {
  it("is Denied when CLP02 is 4, whatever was paid", () => {
    expect(decideClaimAdjudication({ statusCode: "4", paidCents: 0, deniedCents: 0 })).toBe("denied");
    expect(decideClaimAdjudication({ statusCode: "4", paidCents: 500, deniedCents: 0 })).toBe("denied");
  });

  it("is Denied when nothing was paid and something denied", () => {
    expect(decideClaimAdjudication({ statusCode: "1", paidCents: 0, deniedCents: 12_000 })).toBe("denied");
  });

  it("is Partially Paid when part was paid and part denied", () => {
    expect(decideClaimAdjudication({ statusCode: "1", paidCents: 5_000, deniedCents: 7_000 })).toBe(
      "partially_paid",
    );
  });

  it("is Paid when nothing was denied, even with nothing paid (all to the patient)", () => {
    expect(decideClaimAdjudication({ statusCode: "1", paidCents: 15_000, deniedCents: 0 })).toBe("paid");
    expect(decideClaimAdjudication({ statusCode: "2", paidCents: 0, deniedCents: 0 })).toBe("paid");
  });
});

describe("nextClaimState", () => {
  it("adjudicates a submitted or accepted claim with the payer's decision", () => {
    expect(nextClaimState({ status: "submitted", adjudication: "none" }, "paid")).toEqual({
      status: "adjudicated",
      adjudication: "paid",
    });
    expect(nextClaimState({ status: "accepted", adjudication: "none" }, "denied")).toEqual({
      status: "adjudicated",
      adjudication: "denied",
    });
  });

  it("changes the decision of an adjudicated claim (a corrected remittance)", () => {
    expect(nextClaimState({ status: "adjudicated", adjudication: "denied" }, "paid")).toEqual({
      status: "adjudicated",
      adjudication: "paid",
    });
  });

  it("takes a reversed claim back to Accepted with no decision", () => {
    expect(nextClaimState({ status: "adjudicated", adjudication: "paid" }, "reversed")).toEqual({
      status: "accepted",
      adjudication: "none",
    });
  });

  it("is null when nothing changes or a table refuses the move", () => {
    expect(nextClaimState({ status: "adjudicated", adjudication: "paid" }, "paid")).toBeNull();
    expect(nextClaimState({ status: "accepted", adjudication: "none" }, "reversed")).toBeNull();
    expect(nextClaimState({ status: "void", adjudication: "none" }, "paid")).toBeNull();
    expect(nextClaimState({ status: "rejected", adjudication: "none" }, "paid")).toBeNull();
    expect(nextClaimState({ status: "awaiting_submission", adjudication: "none" }, "paid")).toBeNull();
  });
});
