import { z } from "zod";
import { jobContract } from "./job-contract";

/** Renders and stores the PDFs of one practice's employer invoices that committed without one (the sweep). */
export const storeMissingInvoicePdfsJob = jobContract({
  name: "store-missing-invoice-pdfs",
  version: 1,
  payload: z.object({ practiceId: z.uuid() }),
});
