import { formatCents } from "../money/money";

export const ruleFields = [
  "primary_payer",
  "provider",
  "service_code",
  "client_pays_by",
  "appointment_date",
  "progress_note_signed",
  "location",
  "amount",
  "claim_level",
  "invoice_date",
] as const;
export type RuleField = (typeof ruleFields)[number];

export const ruleOperators = ["equals", "not_equals", "in", "not_in", "between", "is_empty"] as const;
export type RuleOperator = (typeof ruleOperators)[number];

export type RuleCondition = { field: RuleField; operator: RuleOperator; values: string[] };
/** Conditions within a rule are joined by AND; rules are joined by OR. */
export type ExclusionRule = { id: string; name: string; conditions: RuleCondition[] };

/** A fact may hold several values (an appointment's service codes) or none (no primary payer). */
export type RuleFacts = Partial<Record<RuleField, string | number | boolean | null | ReadonlyArray<string>>>;

const asList = (fact: RuleFacts[RuleField]): string[] => {
  if (fact === undefined || fact === null || fact === "") return [];
  if (Array.isArray(fact)) return fact.map(String);
  return [String(fact)];
};

/** Numbers and ISO dates compare as numbers and strings respectively; both order correctly that way. */
const compare = (a: string, b: string): number => {
  const na = Number(a);
  const nb = Number(b);
  if (a.trim() !== "" && b.trim() !== "" && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
};

export const conditionMatches = (condition: RuleCondition, facts: RuleFacts): boolean => {
  const actual = asList(facts[condition.field]);
  const { values } = condition;
  switch (condition.operator) {
    case "is_empty":
      return actual.length === 0;
    case "equals":
      return actual.some((a) => a === values[0]);
    case "not_equals":
      return !actual.some((a) => a === values[0]);
    case "in":
      return actual.some((a) => values.includes(a));
    case "not_in":
      return !actual.some((a) => values.includes(a));
    case "between": {
      const [low, high] = values;
      if (low === undefined || high === undefined) return false;
      return actual.some((a) => compare(a, low) >= 0 && compare(a, high) <= 0);
    }
  }
};

export const ruleMatches = (rule: ExclusionRule, facts: RuleFacts): boolean =>
  rule.conditions.length > 0 && rule.conditions.every((c) => conditionMatches(c, facts));

/** The first rule that excludes these facts, or null. */
export const findExcludingRule = (rules: readonly ExclusionRule[], facts: RuleFacts): ExclusionRule | null =>
  rules.find((r) => ruleMatches(r, facts)) ?? null;

const fieldWords: Record<RuleField, string> = {
  primary_payer: "primary payer",
  provider: "provider",
  service_code: "service code",
  client_pays_by: "client pays by",
  appointment_date: "appointment date",
  progress_note_signed: "progress note signed",
  location: "location",
  amount: "amount",
  claim_level: "claim level",
  invoice_date: "invoice date",
};

const valueWords = (field: RuleField, value: string, labels: Record<string, string>): string => {
  if (labels[value]) return labels[value]!;
  if (field === "amount" && /^-?\d+$/.test(value)) return formatCents(Number(value));
  if (field === "client_pays_by") return value === "self_pay" ? "self-pay" : value;
  if (field === "progress_note_signed") return value === "true" ? "yes" : value === "false" ? "no" : value;
  return value;
};

/** "client pays by = self-pay", "service code in 90791, 90837", "amount between $0.00 and $50.00". */
export const describeCondition = (c: RuleCondition, labels: Record<string, string> = {}): string => {
  const f = fieldWords[c.field];
  const v = c.values.map((x) => valueWords(c.field, x, labels));
  switch (c.operator) {
    case "equals":
      return `${f} = ${v[0] ?? ""}`;
    case "not_equals":
      return `${f} ≠ ${v[0] ?? ""}`;
    case "in":
      return `${f} is one of ${v.join(", ")}`;
    case "not_in":
      return `${f} is none of ${v.join(", ")}`;
    case "between":
      return `${f} between ${v[0] ?? "?"} and ${v[1] ?? "?"}`;
    case "is_empty":
      return `${f} is empty`;
  }
};

export const describeRule = (rule: ExclusionRule, labels: Record<string, string> = {}): string =>
  rule.conditions.map((c) => describeCondition(c, labels)).join(" and ");

/** "Excludes items where (client pays by = self-pay) or (provider = Dr. Bell and amount between …)." */
export const describeRules = (
  rules: readonly ExclusionRule[],
  labels: Record<string, string> = {},
): string =>
  rules.length === 0
    ? "Nothing is excluded."
    : `Excludes items where ${rules.map((r) => `(${describeRule(r, labels)})`).join(" or ")}.`;

/** Operators and their value counts: a condition with the wrong number of values is refused at the edge. */
export const valuesExpected = (op: RuleOperator): { min: number; max: number } =>
  op === "is_empty"
    ? { min: 0, max: 0 }
    : op === "between"
      ? { min: 2, max: 2 }
      : op === "in" || op === "not_in"
        ? { min: 1, max: 100 }
        : { min: 1, max: 1 };
