import {
  markStaleOutreachMessages,
  sendDueOutreach,
  sendOutreachJob,
  startDueOutreachSets,
} from "@billcycle/app";
import { defineJob } from "./define-job";

export const sendOutreachDefinition = defineJob(sendOutreachJob, {
  handle: async ({ practiceId }, { database, ports, clock }) => {
    await startDueOutreachSets(database, practiceId, clock.now());
    await markStaleOutreachMessages(database, practiceId, clock.now());
    // Without mail and SMS ports the due messages wait (rescheduled) for a worker that has them.
    if (ports.outreach) await sendDueOutreach(database, practiceId, ports.outreach, clock);
    return undefined;
  },
});
