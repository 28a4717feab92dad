import {
  type AutomationConfig,
  type AutomationKind,
  dueOccurrences,
  isFirstOfMonth,
  type Occurrence,
} from "@billcycle/core";

/** The next scheduled occurrence of an automation after `now`, or null when it is off. */
export const nextRun = (
  config: AutomationConfig,
  kind: AutomationKind,
  zone: string,
  now: Date,
): Occurrence | null => {
  const setting = config.automations[kind];
  if (!setting.enabled) return null;
  const monthly = kind === "invoice_creation" && config.invoiceCreationMode === "monthly";
  const [next] = dueOccurrences({
    zone,
    runTime: setting.runTime,
    after: now,
    upTo: new Date(now.getTime() + 40 * 24 * 3600 * 1000),
    isRunDay: monthly ? isFirstOfMonth : undefined,
  });
  return next ?? null;
};
