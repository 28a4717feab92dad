import { type Database, type Executor, tables } from "@billcycle/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { TenantActor } from "../resources/crud";

export type OutreachSettings = { enabled: boolean; startAfterDays: number };

/** A practice without a settings row has outreach on, starting after 30 days (once it has a default rule set). */
export const DEFAULT_OUTREACH_SETTINGS: OutreachSettings = { enabled: true, startAfterDays: 30 };

export const loadOutreachSettings = async (tx: Executor, practiceId: string): Promise<OutreachSettings> => {
  const [row] = await tx
    .select({
      enabled: tables.outreachSettings.enabled,
      startAfterDays: tables.outreachSettings.startAfterDays,
    })
    .from(tables.outreachSettings)
    .where(eq(tables.outreachSettings.practiceId, practiceId));
  return row ?? DEFAULT_OUTREACH_SETTINGS;
};

export const updateOutreachSettings = async (
  database: Database,
  input: { actor: TenantActor; settings: OutreachSettings; now: Date },
): Promise<OutreachSettings> =>
  database.db.transaction(async (tx) => {
    const values = { ...input.settings, updatedAt: input.now };
    await tx
      .insert(tables.outreachSettings)
      .values({ practiceId: input.actor.practiceId, ...values })
      .onConflictDoUpdate({ target: tables.outreachSettings.practiceId, set: values });
    await recordAudit(tx, input.actor, "update", "outreach_settings", input.actor.practiceId, input.now, {
      fields: ["enabled", "startAfterDays"],
    });
    return input.settings;
  });
