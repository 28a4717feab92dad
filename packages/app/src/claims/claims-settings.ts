import { DomainError } from "@billcycle/core";
import { type ClaimsSettings, type Database, type Executor, tables } from "@billcycle/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { TenantActor } from "../resources/crud";

export const defaultClaimsSettings = (): ClaimsSettings => ({
  disabledWarnings: [],
  unknownCodeAction: "block",
  connectionId: null,
});

export const getClaimsSettings = async (
  tx: Executor,
  practiceId: string,
): Promise<{ settings: ClaimsSettings; version: number }> => {
  const [row] = await tx
    .select({ settings: tables.claimsSettings.settings, version: tables.claimsSettings.version })
    .from(tables.claimsSettings)
    .where(eq(tables.claimsSettings.practiceId, practiceId));
  return row ?? { settings: defaultClaimsSettings(), version: 0 };
};

/** Saves claims settings (warnings switched off, unknown-code choice, connection) under optimistic concurrency, audited. */
export const updateClaimsSettings = async (
  database: Database,
  {
    actor,
    settings,
    expectedVersion,
    now,
  }: { actor: TenantActor; settings: ClaimsSettings; expectedVersion: number; now: Date },
): Promise<{ settings: ClaimsSettings; version: number }> =>
  database.db.transaction(async (tx) => {
    const current = await getClaimsSettings(tx, actor.practiceId);
    if (current.version !== expectedVersion) {
      throw new DomainError(
        "VERSION_CONFLICT",
        "Claims settings were changed by someone else; reload and retry",
        { currentVersion: current.version },
      );
    }
    if (settings.connectionId) {
      const [c] = await tx
        .select({ id: tables.clearinghouseConnections.id })
        .from(tables.clearinghouseConnections)
        .where(
          and(
            eq(tables.clearinghouseConnections.practiceId, actor.practiceId),
            eq(tables.clearinghouseConnections.id, settings.connectionId),
          ),
        );
      if (!c)
        throw new DomainError("REFERENCE_NOT_FOUND", "Clearinghouse connection not found in this practice");
    }
    const version = expectedVersion + 1;
    if (expectedVersion === 0)
      await tx
        .insert(tables.claimsSettings)
        .values({ practiceId: actor.practiceId, settings, version, updatedAt: now });
    else
      await tx
        .update(tables.claimsSettings)
        .set({ settings, version, updatedAt: now })
        .where(eq(tables.claimsSettings.practiceId, actor.practiceId));
    const fields = (Object.keys(settings) as Array<keyof ClaimsSettings>).filter(
      (k) => JSON.stringify(settings[k]) !== JSON.stringify(current.settings[k]),
    );
    await recordAudit(tx, actor, "update", "claims_settings", actor.practiceId, now, { fields });
    return { settings, version };
  });
