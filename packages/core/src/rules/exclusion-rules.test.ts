import { describe, expect, it } from "vitest";
import {
  conditionMatches,
  describeRules,
  type ExclusionRule,
  findExcludingRule,
  type RuleCondition,
  ruleMatches,
} from "./exclusion-rules";

const cond = (c: Partial<RuleCondition> & Pick<RuleCondition, "field" | "operator">): RuleCondition => ({
  values: [],
  ...c,
});

describe("rule operators", () => {
  const facts = {
    client_pays_by: "self_pay",
    service_code: ["90837", "90785"],
    amount: 17500,
    appointment_date: "2026-03-04",
    primary_payer: null,
  };
  it.each([
    ["equals", cond({ field: "client_pays_by", operator: "equals", values: ["self_pay"] }), true],
    ["equals (no)", cond({ field: "client_pays_by", operator: "equals", values: ["insurance"] }), false],
    ["not_equals", cond({ field: "client_pays_by", operator: "not_equals", values: ["insurance"] }), true],
    [
      "not_equals (no)",
      cond({ field: "client_pays_by", operator: "not_equals", values: ["self_pay"] }),
      false,
    ],
    [
      "in (any of a list fact)",
      cond({ field: "service_code", operator: "in", values: ["90785", "90791"] }),
      true,
    ],
    ["in (no)", cond({ field: "service_code", operator: "in", values: ["90791"] }), false],
    ["not_in", cond({ field: "service_code", operator: "not_in", values: ["90791"] }), true],
    [
      "not_in (no: one value is listed)",
      cond({ field: "service_code", operator: "not_in", values: ["90837"] }),
      false,
    ],
    ["between numbers", cond({ field: "amount", operator: "between", values: ["10000", "20000"] }), true],
    [
      "between numbers (no; 9 < 10 numerically)",
      cond({ field: "amount", operator: "between", values: ["20000", "90000"] }),
      false,
    ],
    [
      "between dates",
      cond({ field: "appointment_date", operator: "between", values: ["2026-03-01", "2026-03-31"] }),
      true,
    ],
    [
      "between dates (no)",
      cond({ field: "appointment_date", operator: "between", values: ["2026-04-01", "2026-04-30"] }),
      false,
    ],
    ["is_empty on null", cond({ field: "primary_payer", operator: "is_empty" }), true],
    ["is_empty on a value (no)", cond({ field: "client_pays_by", operator: "is_empty" }), false],
    ["is_empty on a missing fact", cond({ field: "location", operator: "is_empty" }), true],
  ] as const)("%s", (_name, c, expected) => {
    expect(conditionMatches(c, facts)).toBe(expected);
  });
});

describe("AND within a rule, OR between rules", () => {
  const selfPaySmall: ExclusionRule = {
    id: "a",
    name: "Small self-pay",
    conditions: [
      { field: "client_pays_by", operator: "equals", values: ["self_pay"] },
      { field: "amount", operator: "between", values: ["0", "5000"] },
    ],
  };
  const intake: ExclusionRule = {
    id: "b",
    name: "Intakes",
    conditions: [{ field: "service_code", operator: "equals", values: ["90791"] }],
  };

  it("a rule matches only when every condition matches", () => {
    expect(ruleMatches(selfPaySmall, { client_pays_by: "self_pay", amount: 4000 })).toBe(true);
    expect(ruleMatches(selfPaySmall, { client_pays_by: "self_pay", amount: 6000 })).toBe(false);
    expect(ruleMatches(selfPaySmall, { client_pays_by: "insurance", amount: 4000 })).toBe(false);
  });
  it("any matching rule excludes, and the first one is named", () => {
    expect(
      findExcludingRule([selfPaySmall, intake], {
        service_code: ["90791"],
        client_pays_by: "insurance",
        amount: 20000,
      })?.id,
    ).toBe("b");
    expect(
      findExcludingRule([selfPaySmall, intake], {
        service_code: ["90837"],
        client_pays_by: "self_pay",
        amount: 100,
      })?.id,
    ).toBe("a");
    expect(
      findExcludingRule([selfPaySmall, intake], {
        service_code: ["90837"],
        client_pays_by: "insurance",
        amount: 100,
      }),
    ).toBeNull();
  });
  it("a rule without conditions excludes nothing", () => {
    expect(ruleMatches({ id: "x", name: "empty", conditions: [] }, { client_pays_by: "self_pay" })).toBe(
      false,
    );
  });
  it("describes rules in words with labels and money", () => {
    const byPayer: ExclusionRule = {
      id: "c",
      name: "Payer",
      conditions: [{ field: "primary_payer", operator: "in", values: ["p1", "p2"] }],
    };
    expect(describeRules([selfPaySmall, byPayer], { p1: "Aetna", p2: "Cigna" })).toBe(
      "Excludes items where (client pays by = self-pay and amount between $0.00 and $50.00) or (primary payer is one of Aetna, Cigna).",
    );
    expect(describeRules([])).toBe("Nothing is excluded.");
  });
});
