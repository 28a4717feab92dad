import type { Clock } from "@billcycle/core";
import type { Database } from "@billcycle/db";
import { practiceToday } from "../automation/practice-today";
import { runAutomation } from "../automation/run-automation";
import { insertManualRun } from "../automation/run-automation-now";
import type { TenantActor } from "../resources/crud";
import { type SubmitResult, submitClaims } from "./submit-claims";
import type { TransportResolverDeps } from "./transport-deps";
import { submitCounts, x12ClaimsPipeline } from "./x12-claims-pipeline";

export type SubmitNowResult = SubmitResult & { runId: string | null; fileContent?: string };

/**
 * Submit now. A dry run scrubs and writes the 837P in memory and says which claims are held and why; a real one
 * is recorded in Automation runs as a manual Claims Submission run, run at once through the engine (so its
 * counts, outcomes and timings are kept like a night's). `sendHeld` sends the claims resting their day and those
 * an exclusion rule holds as well.
 */
export const submitClaimsNow = async (
  database: Database,
  {
    actor,
    clock,
    deps,
    dryRun,
    sendHeld,
  }: { actor: TenantActor; clock: Clock; deps: TransportResolverDeps; dryRun: boolean; sendHeld: boolean },
): Promise<SubmitNowResult> => {
  const now = clock.now();
  const { today } = await practiceToday(database.db, actor.practiceId, now);
  if (dryRun) {
    const preview = await submitClaims(
      database,
      { practiceId: actor.practiceId, runId: null, trigger: "manual", today },
      now,
      deps,
      { dryRun: true, sendHeld },
    );
    return { ...preview, runId: null };
  }
  const run = await database.db.transaction((tx) =>
    insertManualRun(tx, { actor, automation: "claims_submission", today, now }),
  );
  let result: SubmitResult | null = null;
  const pipeline = x12ClaimsPipeline(deps);
  await runAutomation(
    database,
    run.id,
    {
      claims: {
        ...pipeline,
        submitClaims: async (db, input, at) => {
          const { fileContent: _, ...submitted } = await submitClaims(db, input, at, deps, { sendHeld });
          result = submitted;
          return submitCounts(submitted);
        },
      },
    },
    clock,
  );
  if (!result) throw new Error("the manual Claims Submission run did not submit");
  return { ...(result as SubmitResult), runId: run.id };
};
