import { type AutomationKind, automationInfo, automationKinds, describeRules } from "@billcycle/core";
import type { Executor } from "@billcycle/db";
import { loadBillingContext } from "../billing/billing-context";
import { getAutomationConfig } from "./get-automation-config";
import { nextRun } from "./next-run";
import { practiceToday } from "./practice-today";
import { superbillDayOf } from "./run-automation";

/** Settings with, for each automation, what enabling it does, when it next runs (local time) and its rules in words. */
export const describeAutomationSettings = async (tx: Executor, practiceId: string, now: Date) => {
  const { timeZone, today } = await practiceToday(tx, practiceId, now);
  const { config, version } = await getAutomationConfig(tx, practiceId);
  const ctx = await loadBillingContext(tx, practiceId, today);
  const superbillDay = await superbillDayOf(tx, practiceId);
  const describe = (k: AutomationKind) => ({
    title: automationInfo[k].title,
    explanation: automationInfo[k].explanation,
    schedule:
      k === "superbills"
        ? `on day ${superbillDay} of each month (the last day when shorter) at ${config.automations[k].runTime} (${timeZone})`
        : `every night at ${config.automations[k].runTime} (${timeZone})`,
    nextRunAt: nextRun(config, k, timeZone, now, superbillDay)?.scheduledAt.toISOString() ?? null,
    rulesText: describeRules(config.automations[k].rules, ctx.eligibility.labels),
  });
  const automations = Object.fromEntries(automationKinds.map((k) => [k, describe(k)])) as Record<
    AutomationKind,
    ReturnType<typeof describe>
  >;
  return { config, version, timeZone, automations };
};
