import { type AutomationKind, notFound } from "@billcycle/core";
import { type Database, tables } from "@billcycle/db";
import { and, asc, desc, eq, gt, lt, type SQL } from "drizzle-orm";

export type RunRow = typeof tables.automationRuns.$inferSelect;

/** Run history, newest first, with counts, duration and lateness. */
export const listAutomationRuns = async (
  database: Database,
  practiceId: string,
  query: { limit: number; before?: string | undefined; automation?: AutomationKind | undefined },
): Promise<{ data: RunRow[]; nextCursor: string | null }> => {
  const where: SQL[] = [eq(tables.automationRuns.practiceId, practiceId)];
  if (query.before) where.push(lt(tables.automationRuns.id, query.before));
  if (query.automation) where.push(eq(tables.automationRuns.automation, query.automation));
  const rows = await database.db
    .select()
    .from(tables.automationRuns)
    .where(and(...where))
    .orderBy(desc(tables.automationRuns.id))
    .limit(query.limit + 1);
  const data = rows.slice(0, query.limit);
  return { data, nextCursor: rows.length > query.limit ? (data.at(-1)?.id ?? null) : null };
};

/** One run's per-item outcomes, filterable by reason code. */
export const listRunOutcomes = async (
  database: Database,
  {
    practiceId,
    runId,
    query,
  }: {
    practiceId: string;
    runId: string;
    query: { limit: number; after?: string | undefined; reason?: string | undefined };
  },
) => {
  // Another practice's run, or none: 404 like every other record, not an empty page.
  const [run] = await database.db
    .select({ id: tables.automationRuns.id })
    .from(tables.automationRuns)
    .where(and(eq(tables.automationRuns.practiceId, practiceId), eq(tables.automationRuns.id, runId)));
  if (!run) throw notFound("Run");
  const where: SQL[] = [
    eq(tables.automationOutcomes.practiceId, practiceId),
    eq(tables.automationOutcomes.runId, runId),
  ];
  if (query.after) where.push(gt(tables.automationOutcomes.id, query.after));
  if (query.reason) where.push(eq(tables.automationOutcomes.reasonCode, query.reason));
  const rows = await database.db
    .select()
    .from(tables.automationOutcomes)
    .where(and(...where))
    .orderBy(asc(tables.automationOutcomes.id))
    .limit(query.limit + 1);
  const data = rows.slice(0, query.limit);
  return { data, nextCursor: rows.length > query.limit ? (data.at(-1)?.id ?? null) : null };
};
