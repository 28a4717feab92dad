import { failRun, runAutomation, runAutomationJob } from "@billcycle/app";
import { defineJob } from "./define-job";

export const runAutomationDefinition = defineJob(runAutomationJob, {
  handle: async ({ runId }, { database, ports, clock }) => {
    const result = await runAutomation(database, runId, ports, clock);
    return result.status === "waiting" ? { retryAt: result.retryAt } : undefined;
  },
  // Out of attempts: the run says failed, with the last error, instead of staying "running".
  onFinalFailure: async ({ runId }, { database }, error) => {
    await failRun(database.db, runId, error);
  },
});
