import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { CLIENT, PID } from "../../test/fixtures";
import { at, renderApp } from "../../test/render";

const denied = {
  claimId: "ffffffff-ffff-7fff-8fff-000000000009",
  patientControlNumber: "BC100009",
  stage: "denied",
  clientId: CLIENT,
  clientName: "Ana Client",
  payerName: "Blue Prairie",
  invoiceId: "cccccccc-cccc-7ccc-8ccc-000000000001",
  invoiceNumber: "INV-1001",
  dateOfService: "2025-03-03",
  totalCents: 17500,
  insuranceOpenCents: 17500,
  payerClaimNumber: "PAYER9",
  deniedAt: "2025-03-08T15:00:00Z",
  adjustmentCodes: [{ code: "CO-50", description: "Not deemed a medical necessity by the payer" }],
  remarkCodes: [
    { code: "N290", description: "Missing, incomplete or invalid rendering provider primary identifier" },
  ],
  rejection: [],
  actions: ["replace", "void_at_payer", "resubmit", "write_off", "bill_client"],
};

describe("denials queue", () => {
  it("lists denied claims with their codes in words and sends a replacement with corrected diagnoses", async () => {
    const { user, server } = renderApp(at("claims/denials"), {
      [`GET /api/v1/practices/:pid/denials`]: () => ({ data: [denied], nextCursor: null }),
      [`POST /api/v1/practices/:pid/claims/:id/follow-up`]: () => ({
        claimId: denied.claimId,
        action: "replace",
        newClaimId: "ffffffff-ffff-7fff-8fff-000000000010",
        newPatientControlNumber: "BC100010",
        amountCents: null,
      }),
    });
    const table = await screen.findByRole("table", { name: "Denied and rejected claims" });
    expect(table.textContent).toContain("CO-50 Not deemed a medical necessity by the payer");
    expect(table.textContent).toContain("N290");
    expect(table.textContent).toContain("Ana Client");
    await user.click(within(table).getByRole("button", { name: /Correct and resubmit as a replacement/ }));
    const dialog = await screen.findByRole("dialog");
    await user.type(within(dialog).getByRole("textbox", { name: /Corrected diagnoses/ }), "f41.1");
    await user.type(within(dialog).getByRole("textbox", { name: "Reason" }), "wrong diagnosis");
    await user.click(within(dialog).getByRole("button", { name: "Correct and resubmit as a replacement" }));
    await expect
      .poll(() => server.callsTo("POST", "/api/v1/practices/:pid/claims/:id/follow-up").length)
      .toBe(1);
    expect(server.callsTo("POST", "/api/v1/practices/:pid/claims/:id/follow-up")[0]?.body).toEqual({
      action: "replace",
      reason: "wrong diagnosis",
      corrections: { diagnosisCodes: ["F41.1"] },
    });
    expect(PID).toBeTruthy();
  });
});
