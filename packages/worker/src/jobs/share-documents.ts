import { shareDocumentsJob, shareDueDocuments } from "@billcycle/app";
import { defineJob } from "./define-job";

const SHARING_UNCONFIGURED_WAIT_MS = 15 * 60 * 1000;

export const shareDocumentsDefinition = defineJob(shareDocumentsJob, {
  handle: async ({ practiceId }, { database, ports, clock }) => {
    // A worker without mail (sharing not configured) leaves due shares to one that has it, or to later.
    if (!ports.sharing) return { retryAt: new Date(clock.now().getTime() + SHARING_UNCONFIGURED_WAIT_MS) };
    const result = await shareDueDocuments(database, practiceId, ports.sharing, clock);
    return result.retryAt ? { retryAt: result.retryAt } : undefined;
  },
});
