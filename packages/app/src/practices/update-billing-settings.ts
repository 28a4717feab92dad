import { decideSharingSettingsWarnings, type PracticeBillingSettings } from "@billcycle/core";
import { type Database, tables } from "@billcycle/db";
import { count, eq } from "drizzle-orm";
import { getAutomationConfig } from "../automation/get-automation-config";
import type { TenantActor } from "../resources/crud";
import { getPractice, updatePractice } from "./update-practice";

/** The settings that are only copied onto clients when they are created. */
const clientDefaults = [
  "defaultAutopay",
  "defaultAutoShareDocuments",
  "defaultShareDocumentKinds",
  "defaultAutoSuperbills",
] as const satisfies ReadonlyArray<keyof PracticeBillingSettings>;

/**
 * Changes billing settings and says what the change means. A default for new clients applies to clients created
 * afterwards only: the answer counts the existing clients that keep their own settings. A share delay under 60
 * minutes while autopay is on is allowed, with a warning (bills would be shared before autopay runs).
 */
export const updateBillingSettings = async (
  database: Database,
  input: {
    actor: TenantActor;
    version: number;
    billingSettings: Partial<PracticeBillingSettings>;
    now: Date;
  },
) => {
  const before = await getPractice(database, input.actor.practiceId);
  const row = await updatePractice(database, {
    actor: input.actor,
    patch: { version: input.version, billingSettings: input.billingSettings },
    now: input.now,
  });
  const settings = row.billingSettings;
  const changedDefaults = clientDefaults.filter(
    (k) => k in input.billingSettings && before.billingSettings[k] !== settings[k],
  );
  let existingClients: { unaffected: number; changedDefaults: string[]; message: string } | null = null;
  if (changedDefaults.length > 0) {
    const [counted] = await database.db
      .select({ n: count() })
      .from(tables.clients)
      .where(eq(tables.clients.practiceId, input.actor.practiceId));
    const unaffected = Number(counted?.n ?? 0);
    existingClients = {
      unaffected,
      changedDefaults: [...changedDefaults],
      message:
        `New clients get the new default${changedDefaults.length > 1 ? "s" : ""}; ` +
        `the ${unaffected} existing client${unaffected === 1 ? "" : "s"} keep${unaffected === 1 ? "s" : ""} ` +
        "their own settings (change them on each client's Billing › Settings)",
    };
  }
  // The practice uses autopay when its Autopay automation is on (the switch that schedules the 00:30 run).
  const { config } = await getAutomationConfig(database.db, input.actor.practiceId);
  const warnings = decideSharingSettingsWarnings({
    autopayOn: config.automations.autopay.enabled,
    shareDelayMinutes: settings.shareDelayMinutes,
  });
  return { ...row, warnings, existingClients };
};
