import type { ExclusionRule } from "../rules/exclusion-rules";
import type { LocalDate } from "../time/local-date";
import { type AutomationKind, automationInfo, type Cadence, type InvoiceCreationMode } from "./automations";

export type AutomationSetting = {
  enabled: boolean;
  /** Practice-local wall-clock time, "HH:MM". */
  runTime: string;
  /** Items dated before this are left alone (e.g. history from before billcycle). */
  startDate: LocalDate | null;
  /** Any matching rule excludes an item; conditions within a rule must all match. */
  rules: ExclusionRule[];
};

export type AutomationConfig = {
  cadence: Cadence;
  invoiceCreationMode: InvoiceCreationMode;
  automations: Record<AutomationKind, AutomationSetting>;
};

export const SELF_PAY_RULE: ExclusionRule = {
  id: "default-self-pay",
  name: "Self-pay",
  conditions: [{ field: "client_pays_by", operator: "equals", values: ["self_pay"] }],
};

const setting = (kind: AutomationKind, rules: ExclusionRule[] = []): AutomationSetting => ({
  enabled: false,
  runTime: automationInfo[kind].defaultRunTime,
  startDate: null,
  rules,
});

/** Everything off; Invoice Processing ships with the rule that leaves self-pay invoices alone. */
export const defaultAutomationConfig = (): AutomationConfig => ({
  cadence: "staggered",
  invoiceCreationMode: "nightly",
  automations: {
    claims_submission: setting("claims_submission"),
    invoice_processing: setting("invoice_processing", [SELF_PAY_RULE]),
    invoice_creation: setting("invoice_creation"),
    era_processing: setting("era_processing"),
    autopay: setting("autopay"),
    superbills: setting("superbills"),
  },
});

/** A configuration saved before an automation existed gets that automation's defaults (off). */
export const withDefaultAutomations = (config: AutomationConfig): AutomationConfig => {
  const defaults = defaultAutomationConfig().automations;
  return { ...config, automations: { ...defaults, ...config.automations } };
};

/**
 * With the same-night cadence a night runs creation, then processing, then submission; the run times must say so.
 * Returns a message for the first ordering problem, or null.
 */
export const sameNightOrderProblem = (config: AutomationConfig): string | null => {
  if (config.cadence !== "same_night") return null;
  const order: AutomationKind[] = ["invoice_creation", "invoice_processing", "claims_submission"];
  const enabled = order.filter((k) => config.automations[k].enabled);
  for (let i = 1; i < enabled.length; i++) {
    const prev = config.automations[enabled[i - 1]!];
    const cur = config.automations[enabled[i]!];
    if (cur.runTime <= prev.runTime) {
      return `With the same-night cadence, ${automationInfo[enabled[i]!].title} (${cur.runTime}) must run after ${automationInfo[enabled[i - 1]!].title} (${prev.runTime})`;
    }
  }
  return null;
};
