import { z } from "zod";
import { jobContract } from "./job-contract";

/** Invoices a session marked Kept, when the practice invoices on Kept. */
export const invoiceOnKeptJob = jobContract({
  name: "invoice-on-kept",
  version: 1,
  payload: z.object({ practiceId: z.uuid(), appointmentId: z.uuid() }),
});
