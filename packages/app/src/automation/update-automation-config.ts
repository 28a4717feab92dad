import {
  type AutomationConfig,
  type AutomationKind,
  automationKinds,
  DomainError,
  sameNightOrderProblem,
} from "@billcycle/core";
import { type Database, tables } from "@billcycle/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import { loadClearinghouse, submitterContactMissing } from "../claims/clearinghouse-context";
import type { TenantActor } from "../resources/crud";
import { getAutomationConfig } from "./get-automation-config";

/** Dotted paths that differ between two configurations ("automations.invoice_creation.enabled"). */
const changedPaths = (a: unknown, b: unknown, prefix = ""): string[] => {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      changedPaths(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        prefix ? `${prefix}.${k}` : k,
      ),
    );
  }
  return [prefix];
};

/**
 * Saves the whole automation configuration under optimistic concurrency (version 0 = never saved).
 * Enabling an automation starts its clock now, so it never back-fills the time it was off; disabling stops it.
 * The audit row lists every changed setting.
 */
export const updateAutomationConfig = async (
  database: Database,
  {
    actor,
    next,
    expectedVersion,
    now,
  }: { actor: TenantActor; next: AutomationConfig; expectedVersion: number; now: Date },
): Promise<{ config: AutomationConfig; version: number }> => {
  const problem = sameNightOrderProblem(next);
  if (problem) throw new DomainError("VALIDATION_FAILED", problem);
  return database.db.transaction(async (tx) => {
    const current = await getAutomationConfig(tx, actor.practiceId);
    if (current.version !== expectedVersion) {
      throw new DomainError(
        "VERSION_CONFLICT",
        "Automation settings were changed by someone else; reload and retry",
        {
          currentVersion: current.version,
        },
      );
    }
    if (next.automations.claims_submission.enabled && !current.config.automations.claims_submission.enabled) {
      const { envelope } = await loadClearinghouse(tx, actor.practiceId);
      if (!envelope.contact) throw submitterContactMissing();
    }
    const version = expectedVersion + 1;
    if (expectedVersion === 0) {
      await tx
        .insert(tables.automationConfigs)
        .values({ practiceId: actor.practiceId, config: next, version, updatedAt: now });
    } else {
      const rows = await tx
        .update(tables.automationConfigs)
        .set({ config: next, version, updatedAt: now })
        .where(
          and(
            eq(tables.automationConfigs.practiceId, actor.practiceId),
            eq(tables.automationConfigs.version, expectedVersion),
          ),
        )
        .returning({ version: tables.automationConfigs.version });
      if (rows.length === 0)
        throw new DomainError("VERSION_CONFLICT", "Automation settings changed concurrently; retry");
    }
    for (const kind of automationKinds as readonly AutomationKind[]) {
      const was = current.config.automations[kind].enabled;
      const is = next.automations[kind].enabled;
      if (is && !was) {
        await tx
          .insert(tables.automationClock)
          .values({ practiceId: actor.practiceId, automation: kind, checkedThrough: now })
          .onConflictDoUpdate({
            target: [tables.automationClock.practiceId, tables.automationClock.automation],
            set: { checkedThrough: now },
          });
      } else if (!is && was) {
        await tx
          .delete(tables.automationClock)
          .where(
            and(
              eq(tables.automationClock.practiceId, actor.practiceId),
              eq(tables.automationClock.automation, kind),
            ),
          );
      }
    }
    await recordAudit(tx, actor, "update", "automation_config", actor.practiceId, now, {
      fields: changedPaths(current.config, next),
    });
    return { config: next, version };
  });
};
