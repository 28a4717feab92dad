import { z } from "zod";
import { jobContract } from "./job-contract";

/** Asks Stripe what became of one practice's charges whose outcome is not known; never charges again. */
export const resolveCardChargesJob = jobContract({
  name: "resolve-card-charges",
  version: 1,
  payload: z.object({ practiceId: z.uuid() }),
});
