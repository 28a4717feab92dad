import { z } from "zod";
import { jobContract } from "./job-contract";

/** Runs one automation run (scheduled by the clock, or asked for by hand). */
export const runAutomationJob = jobContract({
  name: "run-automation",
  version: 1,
  payload: z.object({ runId: z.uuid() }),
});
