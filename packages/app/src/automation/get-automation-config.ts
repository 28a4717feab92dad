import { type AutomationConfig, defaultAutomationConfig, withDefaultAutomations } from "@billcycle/core";
import { type Executor, tables } from "@billcycle/db";
import { eq } from "drizzle-orm";

/** The practice's automation settings; a practice that never saved any gets the defaults (everything off). */
export const getAutomationConfig = async (
  tx: Executor,
  practiceId: string,
): Promise<{ config: AutomationConfig; version: number }> => {
  const [row] = await tx
    .select({ config: tables.automationConfigs.config, version: tables.automationConfigs.version })
    .from(tables.automationConfigs)
    .where(eq(tables.automationConfigs.practiceId, practiceId));
  return row
    ? { config: withDefaultAutomations(row.config), version: row.version }
    : { config: defaultAutomationConfig(), version: 0 };
};
