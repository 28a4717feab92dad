import { describe, expect, it } from "vitest";
import { decidePayeeIsPractice } from "./decide-payee-is-practice";

const practice = { billingNpi: "1234567893", providerNpis: ["1245319599"], taxId: "12-3456789" };

describe("decidePayeeIsPractice", () => {
  it("accepts the practice's billing NPI, a provider's NPI, or its tax id in N1*PE or REF*TJ", () => {
    expect(
      decidePayeeIsPractice({ name: "A", idQualifier: "XX", id: "1234567893", references: [] }, practice),
    ).toEqual({ ours: true });
    expect(
      decidePayeeIsPractice({ name: "A", idQualifier: "XX", id: "1245319599", references: [] }, practice),
    ).toEqual({ ours: true });
    expect(
      decidePayeeIsPractice({ name: "A", idQualifier: "FI", id: "123456789", references: [] }, practice),
    ).toEqual({ ours: true });
    expect(
      decidePayeeIsPractice(
        {
          name: "A",
          idQualifier: "XX",
          id: "1111111112",
          references: [{ qualifier: "TJ", value: "12-3456789" }],
        },
        practice,
      ),
    ).toEqual({ ours: true });
  });

  it("refuses a payee whose every NPI and tax id is someone else's, naming them", () => {
    const d = decidePayeeIsPractice(
      {
        name: "OTHER CLINIC",
        idQualifier: "XX",
        id: "1111111112",
        references: [{ qualifier: "TJ", value: "987654321" }],
      },
      practice,
    );
    expect(d).toMatchObject({ ours: false, identifiedBy: "NPI 1111111112 and tax id 98-7654321" });
    expect(d.ours ? "" : d.reason).toContain("OTHER CLINIC");
  });

  it("does not refuse a payee named only by an id it cannot compare", () => {
    expect(
      decidePayeeIsPractice({ name: "A", idQualifier: "XV", id: "P123", references: [] }, practice),
    ).toEqual({ ours: true });
  });
});
