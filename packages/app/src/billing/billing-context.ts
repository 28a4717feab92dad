import {
  type AutomationConfig,
  DomainError,
  defaultAutomationConfig,
  type EligibilitySettings,
  type LocalDate,
  type PracticeBillingSettings,
  withDefaultAutomations,
} from "@billcycle/core";
import { type Executor, runPrepared } from "@billcycle/db";
import { sql } from "drizzle-orm";

export type BillingContext = {
  practiceId: string;
  timeZone: string;
  config: AutomationConfig;
  eligibility: EligibilitySettings;
};

type ContextRow = {
  time_zone: string;
  billing_settings: PracticeBillingSettings | string;
  config: AutomationConfig | string | null;
  labels: Array<[string, string]> | string | null;
};

/**
 * The practice settings, automation settings (or their defaults) and the payer, provider and location names rule
 * descriptions use, loaded once per run in one statement: the on-Kept job loads it for every session it invoices,
 * where each round trip is latency.
 */
export const loadBillingContext = async (
  tx: Executor,
  practiceId: string,
  today: LocalDate,
): Promise<BillingContext> => {
  const [row] = await runPrepared<ContextRow>(
    tx,
    sql`SELECT p.time_zone, p.billing_settings, c.config,
      (SELECT json_agg(l.entry) FROM (
        SELECT json_build_array(x.id, x.name) AS entry FROM payers x WHERE x.practice_id = p.id
        UNION ALL
        SELECT json_build_array(x.id, x.first_name || ' ' || x.last_name) FROM providers x WHERE x.practice_id = p.id
        UNION ALL
        SELECT json_build_array(x.id, x.name) FROM locations x WHERE x.practice_id = p.id
      ) l) AS labels
      FROM practices p LEFT JOIN automation_configs c ON c.practice_id = p.id
      WHERE p.id = ${practiceId}::uuid`,
  );
  if (!row) throw new DomainError("NOT_FOUND", "Practice not found");
  const parse = <T>(v: T | string): T => (typeof v === "string" ? (JSON.parse(v) as T) : v);
  // The same defaults getAutomationConfig gives: automations added since the practice last saved its settings.
  const config = row.config === null ? defaultAutomationConfig() : withDefaultAutomations(parse(row.config));
  const billing = parse(row.billing_settings);
  const labels: Record<string, string> = {};
  for (const [id, name] of row.labels === null ? [] : parse(row.labels)) labels[id] = name;
  const creation = config.automations.invoice_creation;
  return {
    practiceId,
    timeZone: row.time_zone,
    config,
    eligibility: {
      requireSignedNote: billing.requireSignedNote,
      noShowFeeCents: billing.noShowFeeCents,
      lateCancelFeeCents: billing.lateCancelFeeCents,
      startDate: creation.startDate,
      today,
      rules: creation.rules,
      labels,
    },
  };
};
