import { type Executor, newId, tables } from "@billcycle/db";
import { sql } from "drizzle-orm";

export type OutcomeInput = {
  subjectType: "appointment" | "invoice" | "claim" | "remittance";
  subjectId: string;
  outcome: "done" | "skipped" | "error";
  reasons: Array<{ code: string; message: string }>;
  message: string;
  relatedId?: string | null;
};

/**
 * Records what a run did with each item. A re-run of the same run (after a crash) records each item once:
 * (run, subject) is unique.
 */
export const recordOutcomes = async (
  tx: Executor,
  context: {
    practiceId: string;
    runId: string | null;
    automation: string;
    trigger: "schedule" | "manual" | "on_kept";
    at: Date;
  },
  outcomes: readonly OutcomeInput[],
): Promise<void> => {
  for (let i = 0; i < outcomes.length; i += 1000) {
    const chunk = outcomes.slice(i, i + 1000);
    await tx
      .insert(tables.automationOutcomes)
      .values(
        chunk.map((o) => ({
          id: newId(context.at.getTime()),
          practiceId: context.practiceId,
          runId: context.runId,
          automation: context.automation,
          trigger: context.trigger,
          subjectType: o.subjectType,
          subjectId: o.subjectId,
          outcome: o.outcome,
          reasonCode: o.reasons[0]?.code ?? null,
          reasons: o.reasons.length ? o.reasons : null,
          message: o.message,
          relatedId: o.relatedId ?? null,
          at: context.at,
        })),
      )
      .onConflictDoNothing({
        target: [tables.automationOutcomes.runId, tables.automationOutcomes.subjectId],
        where: sql`run_id is not null`,
      });
  }
};
