import { z } from "zod";
import { jobContract } from "./job-contract";

/** Retries the delivery of a stored outbound file. */
export const deliverFileJob = jobContract({
  name: "deliver-file",
  version: 1,
  payload: z.object({ fileId: z.uuid() }),
});
