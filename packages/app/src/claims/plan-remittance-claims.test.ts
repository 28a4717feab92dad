import type { EraClaim } from "@billcycle/core";
import type { Claim835 } from "@billcycle/x12";
import { describe, expect, it } from "vitest";
import { planRemittanceClaim, type RemittanceClaimFate } from "./plan-remittance-claims";

const clp = {
  index: 4,
  segmentNumber: 120,
  patientControlNumber: "PCN-1",
  status: { code: "1" },
  chargeCents: 20_000,
  paidCents: 16_000,
  patientResponsibilityCents: undefined,
  payerClaimControlNumber: "PAYER-9",
  balance: { balanced: true, imbalances: [] },
  patient: { firstName: "Ada", lastName: "Lovelace" },
  outpatient: { remarkCodes: ["N290"] },
  services: [{ remarks: [{ qualifier: "HE", code: "M15" }] }],
} as unknown as Claim835;
const era = { patientControlNumber: "PCN-1", crossoverPayer: null } as unknown as EraClaim;

const plan = (fate: RemittanceClaimFate) =>
  planRemittanceClaim({ id: "rc-1", claim: clp, era, claimId: "claim-1", fate, newId: () => "wi-1" });

describe("planRemittanceClaim", () => {
  it("a posted claim: its row Posted, no work item, no ERA kept", () => {
    const { row, workItem } = plan({ kind: "posted" });
    expect(row).toMatchObject({
      id: "rc-1",
      position: 4,
      claimId: "claim-1",
      statusCode: "1",
      patientResponsibilityCents: 0,
      payerClaimNumber: "PAYER-9",
      postingStatus: "posted",
      data: {},
    });
    expect(workItem).toBeNull();
  });

  it("a queued claim keeps its ERA for the person who acts on it, with a work item saying why", () => {
    const queue = { kind: "blocked_code", reason: "CO-999 has no rule", details: { code: "CO-999" } };
    const { row, workItem } = plan({ kind: "queued", queue });
    expect(row).toMatchObject({
      postingStatus: "queued",
      remarkCodes: ["N290", "M15"],
      data: { era, balance: clp.balance, patientName: "Ada Lovelace" },
    });
    expect(workItem).toEqual({ id: "wi-1", remittanceClaimId: "rc-1", ...queue });
  });

  it("a claim held with its remittance is queued without a work item of its own", () => {
    const { row, workItem } = plan({ kind: "held" });
    expect(row.postingStatus).toBe("queued");
    expect(workItem).toBeNull();
  });

  it("a malformed claim's work item lists the reader's problems and counts the rest", () => {
    const problems = { kept: [{ code: "BAD_AMOUNT", message: "CLP04 is not an amount" }], more: 3 };
    const { workItem } = plan({ kind: "malformed", problems } as unknown as RemittanceClaimFate);
    expect(workItem).toMatchObject({
      kind: "malformed_claim",
      reason:
        "Claim PCN-1 (segment 120) is not written correctly in the file: CLP04 is not an amount; and 3 more",
      details: { problems: [{ code: "BAD_AMOUNT", message: "CLP04 is not an amount" }], moreProblems: 3 },
    });
  });
});
