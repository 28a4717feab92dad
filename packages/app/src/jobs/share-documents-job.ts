import { z } from "zod";
import { jobContract } from "./job-contract";

/** Sends a practice's document shares that are due. */
export const shareDocumentsJob = jobContract({
  name: "share-documents",
  version: 1,
  payload: z.object({ practiceId: z.uuid() }),
});
