import { bulkInsert, type Executor, everyRow, newId, runPrepared, tables } from "@billcycle/db";
import { type SQL, sql } from "drizzle-orm";

export type OutcomeInput = {
  subjectType: "appointment" | "invoice" | "claim" | "remittance" | "client";
  subjectId: string;
  outcome: "done" | "skipped" | "error";
  reasons: Array<{ code: string; message: string }>;
  message: string;
  relatedId?: string | null;
};

export type OutcomeContext = {
  practiceId: string;
  runId: string | null;
  automation: string;
  trigger: "schedule" | "manual" | "on_kept";
  at: Date;
};

/**
 * The INSERT that records `outcomes` (null when there are none), for callers that fold it into a larger
 * statement. (run, subject) is unique: a re-run of the same run records each item once.
 */
export const outcomesInsert = (context: OutcomeContext, outcomes: readonly OutcomeInput[]): SQL | null => {
  if (outcomes.length === 0) return null;
  const n = outcomes.length;
  const ids = new Array<string>(n);
  const subjectTypes = new Array<string>(n);
  const subjectIds = new Array<string>(n);
  const results = new Array<string>(n);
  const reasonCodes = new Array<string | null>(n);
  const reasons = new Array<OutcomeInput["reasons"] | null>(n);
  const messages = new Array<string>(n);
  const related = new Array<string | null>(n);
  outcomes.forEach((o, i) => {
    ids[i] = newId(context.at.getTime());
    subjectTypes[i] = o.subjectType;
    subjectIds[i] = o.subjectId;
    results[i] = o.outcome;
    reasonCodes[i] = o.reasons[0]?.code ?? null;
    reasons[i] = o.reasons.length ? o.reasons : null;
    messages[i] = o.message;
    related[i] = o.relatedId ?? null;
  });
  return bulkInsert(
    tables.automationOutcomes,
    {
      id: ids,
      practiceId: everyRow(context.practiceId),
      runId: everyRow(context.runId),
      automation: everyRow(context.automation),
      trigger: everyRow(context.trigger),
      subjectType: subjectTypes,
      subjectId: subjectIds,
      outcome: results,
      reasonCode: reasonCodes,
      reasons,
      message: messages,
      relatedId: related,
      at: everyRow(context.at),
    },
    sql`ON CONFLICT (run_id, subject_id) WHERE run_id IS NOT NULL DO NOTHING`,
  );
};

/**
 * Records what a run did with each item. A re-run of the same run (after a crash) records each item once:
 * (run, subject) is unique.
 */
export const recordOutcomes = async (
  tx: Executor,
  context: OutcomeContext,
  outcomes: readonly OutcomeInput[],
): Promise<void> => {
  const statement = outcomesInsert(context, outcomes);
  if (statement) await runPrepared(tx, statement);
};
