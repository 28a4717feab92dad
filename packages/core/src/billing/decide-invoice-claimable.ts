import {
  describeRule,
  type ExclusionRule,
  findExcludingRule,
  type RuleFacts,
} from "../rules/exclusion-rules";
import type { SkipReason } from "./skip-reasons";

export type InvoiceClaimFacts = {
  paysBy: "insurance" | "self_pay";
  totalCents: number;
  insuranceCents: number;
  invoiceDate: string;
  policy: { id: string; payerId: string; rank: "primary" | "secondary" | "tertiary" } | null;
  lines: Array<{
    code: string;
    kind: string;
    insuranceEligible: boolean;
    providerId: string | null;
    locationId: string | null;
    dateOfService: string | null;
  }>;
};

export type ClaimDecision =
  | { claimable: true }
  | { claimable: false; reason: { code: "EXCLUDED_BY_RULE" | "NO_INSURANCE_PORTION"; message: string } };

const distinct = (values: Array<string | null>): string[] => [
  ...new Set(values.filter((v): v is string => !!v)),
];

/** Invoice Processing's decision for one open invoice: excluded by a rule, nothing to claim, or claimable. */
export const decideInvoiceClaimable = (
  f: InvoiceClaimFacts,
  rules: readonly ExclusionRule[],
  labels: Record<string, string> = {},
): ClaimDecision => {
  const facts: RuleFacts = {
    primary_payer: f.policy?.payerId ?? null,
    provider: distinct(f.lines.map((l) => l.providerId)),
    location: distinct(f.lines.map((l) => l.locationId)),
    service_code: f.lines.map((l) => l.code),
    client_pays_by: f.paysBy,
    amount: f.totalCents,
    invoice_date: f.invoiceDate,
    appointment_date: distinct(f.lines.map((l) => l.dateOfService)),
    claim_level: f.policy?.rank ?? "primary",
  };
  const rule = findExcludingRule(rules, facts);
  if (rule) {
    return {
      claimable: false,
      reason: {
        code: "EXCLUDED_BY_RULE",
        message: `excluded by rule '${rule.name}' (${describeRule(rule, labels)})`,
      },
    };
  }
  const eligible = f.lines.some((l) => l.insuranceEligible && l.kind === "service");
  if (!f.policy || !eligible || f.insuranceCents === 0) {
    return {
      claimable: false,
      reason: {
        code: "NO_INSURANCE_PORTION",
        message: "nothing to claim: no insurance-eligible lines or no primary policy on the invoice",
      },
    };
  }
  return { claimable: true };
};

export type { SkipReason };
