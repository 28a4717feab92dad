import { describe, expect, it } from "vitest";
import type { ExclusionRule } from "../rules/exclusion-rules";
import { decideInvoiceClaimable, type InvoiceClaimFacts } from "./decide-invoice-claimable";

const serviceLine: InvoiceClaimFacts["lines"][number] = {
  code: "90837",
  kind: "service",
  insuranceEligible: true,
  providerId: "prov-1",
  locationId: "loc-1",
  dateOfService: "2026-11-02",
};

const facts = (over: Partial<InvoiceClaimFacts> = {}): InvoiceClaimFacts => ({
  paysBy: "insurance",
  totalCents: 15_000,
  insuranceCents: 12_000,
  invoiceDate: "2026-11-03",
  policy: { id: "pol-1", payerId: "payer-aetna", rank: "primary" },
  lines: [serviceLine],
  ...over,
});

const rule = (name: string, conditions: ExclusionRule["conditions"]): ExclusionRule => ({
  id: name,
  name,
  conditions,
});

describe("decideInvoiceClaimable", () => {
  it("claims an insurance invoice with an eligible service line and a primary policy", () => {
    expect(decideInvoiceClaimable(facts(), [])).toEqual({ claimable: true });
  });

  it("holds an invoice a rule excludes, naming the rule and its condition with the practice's labels", () => {
    const rules = [
      rule("No Aetna", [{ field: "primary_payer", operator: "equals", values: ["payer-aetna"] }]),
    ];
    const decision = decideInvoiceClaimable(facts(), rules, { "payer-aetna": "Aetna" });
    expect(decision.claimable).toBe(false);
    if (decision.claimable) return;
    expect(decision.reason.code).toBe("EXCLUDED_BY_RULE");
    expect(decision.reason.message).toContain("No Aetna");
    expect(decision.reason.message).toContain("Aetna");
  });

  it("checks rules before the insurance portion: an excluded self-pay invoice says excluded", () => {
    const rules = [rule("Self pay", [{ field: "client_pays_by", operator: "equals", values: ["self_pay"] }])];
    const decision = decideInvoiceClaimable(facts({ paysBy: "self_pay", policy: null }), rules);
    expect(decision).toMatchObject({ claimable: false, reason: { code: "EXCLUDED_BY_RULE" } });
  });

  it("gives rules every line's provider, location, code and date, and the policy's level", () => {
    const second = { ...serviceLine, code: "90791", providerId: "prov-2", dateOfService: "2026-11-09" };
    const twoLines = facts({
      lines: [serviceLine, second],
      policy: { id: "p", payerId: "x", rank: "secondary" },
    });
    const matching: ExclusionRule["conditions"][] = [
      [{ field: "provider", operator: "equals", values: ["prov-2"] }],
      [{ field: "service_code", operator: "in", values: ["90791"] }],
      [{ field: "appointment_date", operator: "between", values: ["2026-11-08", "2026-11-10"] }],
      [{ field: "location", operator: "equals", values: ["loc-1"] }],
      [{ field: "claim_level", operator: "equals", values: ["secondary"] }],
      [{ field: "amount", operator: "between", values: ["10000", "20000"] }],
      [{ field: "invoice_date", operator: "equals", values: ["2026-11-03"] }],
    ];
    for (const conditions of matching) {
      expect(
        decideInvoiceClaimable(twoLines, [rule("r", conditions)]).claimable,
        JSON.stringify(conditions),
      ).toBe(false);
    }
    const notMatching = rule("r", [{ field: "provider", operator: "equals", values: ["prov-3"] }]);
    expect(decideInvoiceClaimable(twoLines, [notMatching]).claimable).toBe(true);
  });

  it("counts a policy without a rank as primary for claim-level rules", () => {
    const primaryOnly = rule("primary", [{ field: "claim_level", operator: "equals", values: ["primary"] }]);
    expect(decideInvoiceClaimable(facts({ policy: null }), [primaryOnly])).toMatchObject({
      reason: { code: "EXCLUDED_BY_RULE" },
    });
  });

  it("has nothing to claim without a primary policy, without an eligible service line, or with no insurance cents", () => {
    const cases: InvoiceClaimFacts[] = [
      facts({ policy: null }),
      facts({ lines: [{ ...serviceLine, insuranceEligible: false }] }),
      facts({ lines: [{ ...serviceLine, kind: "fee" }] }),
      facts({ lines: [] }),
      facts({ insuranceCents: 0 }),
    ];
    for (const f of cases) {
      expect(decideInvoiceClaimable(f, [])).toMatchObject({
        claimable: false,
        reason: { code: "NO_INSURANCE_PORTION" },
      });
    }
  });

  it("claims when one of several lines is an eligible service", () => {
    const fee = { ...serviceLine, code: "LATE", kind: "fee", insuranceEligible: false };
    expect(decideInvoiceClaimable(facts({ lines: [fee, serviceLine] }), [])).toEqual({ claimable: true });
  });
});
