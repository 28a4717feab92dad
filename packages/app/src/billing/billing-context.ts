import {
  type AutomationConfig,
  DomainError,
  type EligibilitySettings,
  type LocalDate,
} from "@billcycle/core";
import { type Executor, tables } from "@billcycle/db";
import { eq } from "drizzle-orm";
import { getAutomationConfig } from "../automation/get-automation-config";

export type BillingContext = {
  practiceId: string;
  timeZone: string;
  config: AutomationConfig;
  eligibility: EligibilitySettings;
};

/** The practice settings, automation settings and display labels a billing decision needs, loaded once per run. */
export const loadBillingContext = async (
  tx: Executor,
  practiceId: string,
  today: LocalDate,
): Promise<BillingContext> => {
  const [practice] = await tx.select().from(tables.practices).where(eq(tables.practices.id, practiceId));
  if (!practice) throw new DomainError("NOT_FOUND", "Practice not found");
  const { config } = await getAutomationConfig(tx, practiceId);
  const creation = config.automations.invoice_creation;
  const [payers, providers, locations] = await Promise.all([
    tx
      .select({ id: tables.payers.id, name: tables.payers.name })
      .from(tables.payers)
      .where(eq(tables.payers.practiceId, practiceId)),
    tx
      .select({ id: tables.providers.id, first: tables.providers.firstName, last: tables.providers.lastName })
      .from(tables.providers)
      .where(eq(tables.providers.practiceId, practiceId)),
    tx
      .select({ id: tables.locations.id, name: tables.locations.name })
      .from(tables.locations)
      .where(eq(tables.locations.practiceId, practiceId)),
  ]);
  const labels: Record<string, string> = {};
  for (const p of payers) labels[p.id] = p.name;
  for (const p of providers) labels[p.id] = `${p.first} ${p.last}`;
  for (const l of locations) labels[l.id] = l.name;
  return {
    practiceId,
    timeZone: practice.timeZone,
    config,
    eligibility: {
      requireSignedNote: practice.billingSettings.requireSignedNote,
      noShowFeeCents: practice.billingSettings.noShowFeeCents,
      lateCancelFeeCents: practice.billingSettings.lateCancelFeeCents,
      startDate: creation.startDate,
      today,
      rules: creation.rules,
      labels,
    },
  };
};
