import { assertRuleSteps, DomainError, notFound } from "@billcycle/core";
import { type Database, type Executor, newId, tables } from "@billcycle/db";
import { and, asc, eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import { translateDbError } from "../db-errors";
import type { TenantActor } from "../resources/crud";
import type { RuleSetInput, RuleSetView } from "./outreach-schemas";

const view = (r: typeof tables.outreachRuleSets.$inferSelect): RuleSetView => ({
  id: r.id,
  name: r.name,
  isDefault: r.isDefault,
  version: r.version,
  steps: r.steps.map((s) => ({ ...s, subject: s.subject })),
});

/**
 * Creates a rule set, or replaces one's steps (`ruleSetId`). Steps are checked by core assertRuleSteps (no steps,
 * two on one day and channel, an unknown placeholder: coded errors, nothing written) and stored in send order. The
 * new default takes over from the old one in the same transaction.
 */
export const saveRuleSet = async (
  database: Database,
  input: { actor: TenantActor; ruleSetId?: string; body: RuleSetInput; now: Date },
): Promise<RuleSetView> => {
  const { actor, now, body } = input;
  const steps = assertRuleSteps(body.steps);
  try {
    return await database.db.transaction(async (tx) => {
      const t = tables.outreachRuleSets;
      if (body.isDefault) {
        await tx
          .update(t)
          .set({ isDefault: false, updatedAt: now })
          .where(and(eq(t.practiceId, actor.practiceId), eq(t.isDefault, true)));
      }
      let row: typeof t.$inferSelect | undefined;
      if (input.ruleSetId) {
        [row] = await tx
          .update(t)
          .set({
            name: body.name,
            isDefault: body.isDefault,
            steps,
            version: sql`${t.version} + 1`,
            updatedAt: now,
          })
          .where(and(eq(t.practiceId, actor.practiceId), eq(t.id, input.ruleSetId)))
          .returning();
        if (!row) throw notFound("Rule set");
      } else {
        [row] = await tx
          .insert(t)
          .values({
            id: newId(now.getTime()),
            practiceId: actor.practiceId,
            name: body.name,
            isDefault: body.isDefault,
            steps,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
      }
      await recordAudit(tx, actor, input.ruleSetId ? "update" : "create", "outreach_rule_set", row!.id, now);
      return view(row!);
    });
  } catch (e) {
    throw translateDbError(e);
  }
};

export const listRuleSets = async (database: Database, actor: TenantActor): Promise<RuleSetView[]> => {
  const t = tables.outreachRuleSets;
  const rows = await database.db
    .select()
    .from(t)
    .where(eq(t.practiceId, actor.practiceId))
    .orderBy(asc(t.name));
  return rows.map(view);
};

/** The rule set `id` of the practice, or its default; NOT_FOUND / CONFLICT (no default) otherwise. */
export const findRuleSet = async (
  tx: Executor,
  practiceId: string,
  id: string | undefined,
): Promise<typeof tables.outreachRuleSets.$inferSelect> => {
  const t = tables.outreachRuleSets;
  const [row] = await tx
    .select()
    .from(t)
    .where(and(eq(t.practiceId, practiceId), id ? eq(t.id, id) : eq(t.isDefault, true)));
  if (!row) {
    if (id) throw notFound("Rule set");
    throw new DomainError("CONFLICT", "The practice has no default rule set: create one first", {
      reason: "NO_DEFAULT_RULE_SET",
    });
  }
  return row;
};
