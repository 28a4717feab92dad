import {
  type AutomationConfig,
  type AutomationKind,
  dueOccurrences,
  isFirstOfMonth,
  isSuperbillDay,
  type Occurrence,
} from "@billcycle/core";

/**
 * The next scheduled occurrence of an automation after `now`, or null when it is off. Superbills run only on the
 * practice's superbill day (`superbillDayOfMonth`, from its billing settings).
 */
export const nextRun = (
  config: AutomationConfig,
  kind: AutomationKind,
  zone: string,
  now: Date,
  superbillDayOfMonth = 1,
): Occurrence | null => {
  const setting = config.automations[kind];
  if (!setting.enabled) return null;
  const monthly = kind === "invoice_creation" && config.invoiceCreationMode === "monthly";
  const [next] = dueOccurrences({
    zone,
    runTime: setting.runTime,
    after: now,
    upTo: new Date(now.getTime() + 40 * 24 * 3600 * 1000),
    isRunDay: monthly
      ? isFirstOfMonth
      : kind === "superbills"
        ? (d) => isSuperbillDay(d, superbillDayOfMonth)
        : undefined,
  });
  return next ?? null;
};
