import { DomainError, notFound } from "@billcycle/core";
import { type Database, tables } from "@billcycle/db";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { TenantActor } from "../resources/crud";

type PracticeRow = typeof tables.practices.$inferSelect;

/**
 * Updates practice fields or billing settings under optimistic concurrency. Billing-setting changes apply to
 * clients created afterwards; existing clients keep their own copies.
 */
export type PracticeUpdate = {
  actor: TenantActor;
  patch: { version: number; billingSettings?: Partial<PracticeRow["billingSettings"]> } & Partial<
    Omit<PracticeRow, "billingSettings" | "version">
  >;
  now: Date;
};

export const updatePractice = async (
  database: Database,
  { actor, patch, now }: PracticeUpdate,
): Promise<PracticeRow> =>
  database.db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(tables.practices)
      .where(eq(tables.practices.id, actor.practiceId));
    if (!existing) throw notFound("Practice");
    if (existing.version !== patch.version) {
      throw new DomainError("VERSION_CONFLICT", "Practice was changed by someone else; reload and retry", {
        currentVersion: existing.version,
      });
    }
    const { version, billingSettings, ...fields } = patch;
    const set: Partial<PracticeRow> = { ...fields };
    if (billingSettings) set.billingSettings = { ...existing.billingSettings, ...billingSettings };
    const [row] = await tx
      .update(tables.practices)
      .set({ ...set, version: sql`${tables.practices.version} + 1`, updatedAt: now })
      .where(and(eq(tables.practices.id, actor.practiceId), eq(tables.practices.version, version)))
      .returning();
    if (!row)
      throw new DomainError("VERSION_CONFLICT", "Practice was changed concurrently; reload and retry");
    const changed = [
      ...Object.keys(fields),
      ...Object.keys(billingSettings ?? {}).map((k) => `billingSettings.${k}`),
    ];
    await recordAudit(tx, actor, "update", "practice", actor.practiceId, now, { fields: changed.sort() });
    return row;
  });

export const getPractice = async (database: Database, practiceId: string): Promise<PracticeRow> => {
  const [row] = await database.db.select().from(tables.practices).where(eq(tables.practices.id, practiceId));
  if (!row) throw notFound("Practice");
  return row;
};
