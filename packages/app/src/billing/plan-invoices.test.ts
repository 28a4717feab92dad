import type { AppointmentBillingFacts, EligibilitySettings } from "@billcycle/core";
import { describe, expect, it } from "vitest";
import { assignInvoices, decideSessions, keepUnchanged, planInvoices } from "./plan-invoices";

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
      feeCents: 17_500,
      units: 1,
      modifiers: ["95"],
    },
  ],
  activePolicies: [{ policyId: "pol", payerId: "payer", rank: "primary" }],
  diagnosisCodes: ["F41.1", "F32.1", "F43.1", "F40.1", "F42.2"],
  note: { signed: true },
  existingInvoiceNumber: null,
  version: 1,
  ...o,
});

const settings: EligibilitySettings = {
  requireSignedNote: true,
  noShowFeeCents: null,
  lateCancelFeeCents: null,
  startDate: null,
  today: "2026-03-05",
  rules: [],
};

const ids = () => {
  let n = 0;
  return () => `id-${++n}`;
};

describe("invoice planning", () => {
  it("decides each session: the billable ones, and a skipped outcome with its reasons for the others", () => {
    const { billable, outcomes } = decideSessions(
      [facts(), facts({ appointmentId: "a2", note: { signed: false } })],
      settings,
    );
    expect(billable.map((b) => b.facts.appointmentId)).toEqual(["a1"]);
    expect(outcomes).toMatchObject([
      { subjectId: "a2", outcome: "skipped", reasons: [{ code: "NOTE_NOT_SIGNED" }] },
    ]);
  });

  it("leaves out a session changed since it was read, with CHANGED_DURING_RUN", () => {
    const { billable } = decideSessions([facts(), facts({ appointmentId: "a2" })], settings);
    const kept = keepUnchanged(billable, new Set(["a2"]));
    expect(kept.billable.map((b) => b.facts.appointmentId)).toEqual(["a2"]);
    expect(kept.outcomes).toMatchObject([{ subjectId: "a1", reasons: [{ code: "CHANGED_DURING_RUN" }] }]);
  });

  it("puts each session on its own invoice, or on a monthly run one per client and primary policy", () => {
    const { billable } = decideSessions(
      [
        facts({ appointmentId: "a1" }),
        facts({ appointmentId: "a2" }),
        facts({
          appointmentId: "a3",
          activePolicies: [{ policyId: "pol2", payerId: "payer2", rank: "primary" }],
        }),
        facts({ appointmentId: "a4", clientId: "c2" }),
      ],
      settings,
    );
    expect(assignInvoices(billable, false, ids())).toEqual(["id-1", "id-2", "id-3", "id-4"]);
    expect(assignInvoices(billable, true, ids())).toEqual(["id-1", "id-1", "id-2", "id-3"]);
  });

  it("plans numbered invoices with their lines and outcomes; a session claimed elsewhere is ALREADY_INVOICED", () => {
    const { billable } = decideSessions(
      [
        facts({ appointmentId: "a1" }),
        facts({ appointmentId: "a2", dateOfService: "2026-03-03" }),
        facts({ appointmentId: "a3", clientId: "c2" }),
      ],
      settings,
    );
    const invoiceIds = assignInvoices(billable, true, ids());
    const plan = planInvoices({
      billable,
      invoiceIds,
      claimed: new Set(["a1", "a2"]),
      firstNumber: 41,
      mode: "monthly",
      trigger: "schedule",
      newId: () => "line",
    });
    expect(plan).toMatchObject({ status: "open", source: "monthly", actor: "system:invoice_creation" });
    expect(plan.invoices).toEqual([
      {
        id: "id-1",
        number: "INV-41",
        clientId: "c1",
        paysBy: "insurance",
        totalCents: 35_000,
        insuranceCents: 35_000,
        clientCents: 0,
        primaryPolicyId: "pol",
        appointments: 2,
      },
    ]);
    expect(plan.lines.map((l) => [l.invoiceId, l.position, l.appointmentId, l.dateOfService])).toEqual([
      ["id-1", 0, "a1", "2026-03-04"],
      ["id-1", 1, "a2", "2026-03-03"],
    ]);
    // At most four diagnoses travel with a line that points at them.
    expect(plan.lines[0]?.diagnosisCodes).toEqual(["F41.1", "F32.1", "F43.1", "F40.1"]);
    expect(plan.outcomes.map((o) => [o.subjectId, o.outcome, o.reasons[0]?.code ?? o.message])).toEqual([
      ["a3", "skipped", "ALREADY_INVOICED"],
      ["a1", "done", "invoiced on INV-41"],
      ["a2", "done", "invoiced on INV-41"],
    ]);
  });

  it("creates Pended invoices on a manual run, and names the person who invoiced by hand", () => {
    const { billable } = decideSessions([facts()], settings);
    const plan = planInvoices({
      billable,
      invoiceIds: ["inv"],
      claimed: new Set(["a1"]),
      firstNumber: 1,
      mode: "manual",
      trigger: "manual",
      byUser: { label: "Dana Biller" },
      newId: ids(),
    });
    expect(plan).toMatchObject({ status: "pended", source: "user", actor: "Dana Biller" });
    expect(plan.invoices.map((i) => i.number)).toEqual(["INV-1"]);
  });

  it("calls an on-Kept invoice what made it", () => {
    const { billable } = decideSessions([facts()], settings);
    const base = { billable, invoiceIds: ["inv"], claimed: new Set(["a1"]), firstNumber: 1, newId: ids() };
    expect(planInvoices({ ...base, mode: "on_kept", trigger: "on_kept" })).toMatchObject({
      source: "on_kept",
      actor: "system:on_kept",
    });
    expect(planInvoices({ ...base, mode: "on_kept", trigger: "schedule" }).source).toBe("nightly");
  });
});
