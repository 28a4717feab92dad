import { describe, expect, it } from "vitest";
import type { AppointmentBillingFacts, EligibilitySettings } from "./decide-appointment-billable";
import { decideAppointmentBillable } from "./decide-appointment-billable";

const facts = (o: Partial<AppointmentBillingFacts> = {}): AppointmentBillingFacts => ({
  appointmentId: "a1",
  clientId: "c1",
  providerId: "p1",
  locationId: "l1",
  status: "kept",
  dateOfService: "2026-03-04",
  clientPaysBy: "insurance",
  clientHasAddress: true,
  services: [
    {
      serviceId: "s1",
      code: "90837",
      description: "Therapy",
      billable: true,
      insuranceEligible: true,
      feeCents: 17500,
      units: 1,
      modifiers: ["95"],
    },
  ],
  activePolicies: [{ policyId: "pol", payerId: "payer", rank: "primary" }],
  diagnosisCodes: ["F41.1", "F32.1"],
  note: { signed: true },
  existingInvoiceNumber: null,
  version: 1,
  ...o,
});
const settings = (o: Partial<EligibilitySettings> = {}): EligibilitySettings => ({
  requireSignedNote: true,
  noShowFeeCents: null,
  lateCancelFeeCents: null,
  startDate: null,
  today: "2026-03-05",
  rules: [],
  ...o,
});
const codes = (f: AppointmentBillingFacts, s = settings()) => {
  const d = decideAppointmentBillable(f, s);
  return d.billable ? [] : d.reasons.map((r) => r.code);
};

describe("decideAppointmentBillable", () => {
  it("bills a kept, complete insurance session with lines, pointers and responsibility", () => {
    const d = decideAppointmentBillable(facts(), settings());
    expect(d.billable).toBe(true);
    if (!d.billable) return;
    expect(d.lines).toEqual([
      expect.objectContaining({
        code: "90837",
        amountCents: 17500,
        modifiers: ["95"],
        diagnosisPointers: [1, 2],
      }),
    ]);
    expect([d.totalCents, d.insuranceCents, d.clientCents]).toEqual([17500, 17500, 0]);
  });
  it("self-pay sessions are the client's responsibility", () => {
    const d = decideAppointmentBillable(
      facts({ clientPaysBy: "self_pay", activePolicies: [], diagnosisCodes: [] }),
      settings(),
    );
    expect(d.billable && [d.insuranceCents, d.clientCents]).toEqual([0, 17500]);
  });
  it.each([
    ["NOT_COMPLETED", facts({ status: "upcoming" })],
    ["NOT_COMPLETED", facts({ status: "canceled" })],
    ["NO_SHOW_NOT_CHARGED", facts({ status: "no_show" })],
    ["LATE_CANCEL_NOT_CHARGED", facts({ status: "late_cancel" })],
    ["IN_THE_FUTURE", facts({ dateOfService: "2026-03-06" })],
    ["NO_BILLABLE_SERVICE", facts({ services: [] })],
    ["NO_ACTIVE_POLICY", facts({ activePolicies: [] })],
    ["NO_DIAGNOSIS", facts({ diagnosisCodes: [] })],
    ["NO_ADDRESS", facts({ clientHasAddress: false })],
    ["NO_PROGRESS_NOTE", facts({ note: null })],
    ["NOTE_NOT_SIGNED", facts({ note: { signed: false } })],
    ["ALREADY_INVOICED", facts({ existingInvoiceNumber: "INV-1042" })],
  ] as const)("%s", (code, f) => {
    expect(codes(f)).toContain(code);
  });
  it("BEFORE_START_DATE and EXCLUDED_BY_RULE come from the automation's settings", () => {
    expect(codes(facts(), settings({ startDate: "2026-03-05" }))).toEqual(["BEFORE_START_DATE"]);
    const rule = {
      id: "r",
      name: "Self-pay",
      conditions: [{ field: "client_pays_by" as const, operator: "equals" as const, values: ["self_pay"] }],
    };
    const d = decideAppointmentBillable(facts({ clientPaysBy: "self_pay" }), settings({ rules: [rule] }));
    expect(!d.billable && d.reasons[0]).toEqual({
      code: "EXCLUDED_BY_RULE",
      message: "excluded by rule 'Self-pay' (client pays by = self-pay)",
    });
  });
  it("charges No Show and Late Cancel fees to the client when the practice sets them", () => {
    const d = decideAppointmentBillable(
      facts({ status: "no_show", note: null }),
      settings({ noShowFeeCents: 5000 }),
    );
    expect(d.billable && [d.lines[0]!.kind, d.totalCents, d.clientCents]).toEqual(["fee", 5000, 5000]);
    expect(codes(facts({ status: "late_cancel" }), settings({ lateCancelFeeCents: 2500 }))).toEqual([]);
  });
  it("unsigned notes do not block when the practice does not require them", () => {
    expect(codes(facts({ note: { signed: false } }), settings({ requireSignedNote: false }))).toEqual([]);
  });
  it("lists every reason, not just the first", () => {
    expect(codes(facts({ activePolicies: [], diagnosisCodes: [], note: { signed: false } }))).toEqual([
      "NO_ACTIVE_POLICY",
      "NO_DIAGNOSIS",
      "NOTE_NOT_SIGNED",
    ]);
  });
});
