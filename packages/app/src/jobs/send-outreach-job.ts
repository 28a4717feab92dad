import { z } from "zod";
import { jobContract } from "./job-contract";

/** One practice's outreach minute: starts due invoice sets, settles stale sends, sends due messages. */
export const sendOutreachJob = jobContract({
  name: "send-outreach",
  version: 1,
  payload: z.object({ practiceId: z.uuid() }),
});
