import {
  type AutomationKind,
  type ExclusionRule,
  type RuleCondition,
  type RuleField,
  type RuleOperator,
  valuesExpected,
} from "@billcycle/core";
import { dollarsToCents } from "../../lib/format";

/** The facts each automation's rules are matched against (see the decide* functions and the claims pipeline). */
export const fieldsByAutomation: Record<AutomationKind, readonly RuleField[]> = {
  invoice_creation: [
    "client_pays_by",
    "primary_payer",
    "provider",
    "location",
    "service_code",
    "amount",
    "appointment_date",
    "progress_note_signed",
  ],
  invoice_processing: [
    "client_pays_by",
    "primary_payer",
    "provider",
    "location",
    "service_code",
    "amount",
    "appointment_date",
    "invoice_date",
    "claim_level",
  ],
  claims_submission: ["primary_payer", "amount", "claim_level"],
  era_processing: ["primary_payer", "amount", "claim_level"],
  // Autopay has no exclusion rules: client-level autopay and the default card decide.
  autopay: [],
  // Superbills take every eligible service of a client who asked for them: no exclusion rules.
  superbills: [],
};

export const fieldLabel: Record<RuleField, string> = {
  primary_payer: "Primary payer",
  provider: "Provider",
  service_code: "Service code",
  client_pays_by: "Client pays by",
  appointment_date: "Appointment date",
  progress_note_signed: "Progress note signed",
  location: "Location",
  amount: "Amount",
  claim_level: "Claim level",
  invoice_date: "Invoice date",
};

export const operatorLabel: Record<RuleOperator, string> = {
  equals: "is",
  not_equals: "is not",
  in: "is one of",
  not_in: "is none of",
  between: "is between",
  is_empty: "is empty",
};

/** Operators that make sense for each field (the API accepts any; these are the ones worth offering). */
export const operatorsFor = (field: RuleField): readonly RuleOperator[] => {
  switch (field) {
    case "primary_payer":
      return ["equals", "not_equals", "in", "not_in", "is_empty"];
    case "provider":
    case "location":
    case "service_code":
    case "claim_level":
      return ["equals", "not_equals", "in", "not_in"];
    case "client_pays_by":
      return ["equals", "not_equals"];
    case "progress_note_signed":
      return ["equals"];
    case "amount":
    case "appointment_date":
    case "invoice_date":
      return ["equals", "between"];
  }
};

export type ValueKind = "entity" | "choice" | "code" | "money" | "date";

export const valueKind = (field: RuleField): ValueKind => {
  switch (field) {
    case "primary_payer":
    case "provider":
    case "location":
      return "entity";
    case "client_pays_by":
    case "progress_note_signed":
    case "claim_level":
      return "choice";
    case "service_code":
      return "code";
    case "amount":
      return "money";
    case "appointment_date":
    case "invoice_date":
      return "date";
  }
};

export const fixedChoices: Partial<Record<RuleField, Array<{ id: string; label: string }>>> = {
  client_pays_by: [
    { id: "insurance", label: "Insurance" },
    { id: "self_pay", label: "Self-pay" },
  ],
  progress_note_signed: [
    { id: "true", label: "Yes" },
    { id: "false", label: "No" },
  ],
  claim_level: [
    { id: "primary", label: "Primary" },
    { id: "secondary", label: "Secondary" },
    { id: "tertiary", label: "Tertiary" },
  ],
};

export const newCondition = (field: RuleField): RuleCondition => {
  const operator = operatorsFor(field)[0]!;
  const choices = fixedChoices[field];
  return {
    field,
    operator,
    values: choices ? [field === "client_pays_by" ? "self_pay" : choices[0]!.id] : [],
  };
};

let counter = 0;
export const newRuleId = (): string =>
  `rule-${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export const newRule = (kind: AutomationKind, position: number): ExclusionRule => ({
  id: newRuleId(),
  name: `Rule ${position}`,
  conditions: [newCondition(fieldsByAutomation[kind][0]!)],
});

/** Values kept when the operator changes, trimmed to what the new operator takes. */
export const valuesForOperator = (values: string[], operator: RuleOperator): string[] => {
  const { max } = valuesExpected(operator);
  return values.slice(0, max);
};

/** Problems that would make the API refuse the rules, in words, or [] when they can be saved. */
export const ruleProblems = (rules: readonly ExclusionRule[]): string[] => {
  const problems: string[] = [];
  rules.forEach((rule, r) => {
    const name = rule.name.trim() || `Rule ${r + 1}`;
    if (!rule.name.trim()) problems.push(`Rule ${r + 1} needs a name.`);
    if (rule.conditions.length === 0) problems.push(`${name} needs at least one condition.`);
    rule.conditions.forEach((c, i) => {
      const { min, max } = valuesExpected(c.operator);
      const filled = c.values.filter((v) => v.trim() !== "");
      if (filled.length < min || filled.length > max || filled.length !== c.values.length) {
        problems.push(
          `${name}, condition ${i + 1}: ${fieldLabel[c.field].toLowerCase()} ${operatorLabel[c.operator]} needs ${
            min === max ? min : `at least ${min}`
          } value${max === 1 ? "" : "s"}.`,
        );
      }
    });
  });
  return problems;
};

/** Parses a dollar amount typed into a money condition to the cents string the rules store. */
export const centsValue = (dollars: string): string => {
  const cents = dollarsToCents(dollars);
  return cents === null || Number.isNaN(cents) ? "" : String(cents);
};
