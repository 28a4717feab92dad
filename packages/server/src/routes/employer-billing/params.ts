import { z } from "zod";
import { practiceParams } from "../shared";

export const basePath = "/api/v1/practices/{practiceId}/employer-billing";
export const tags = ["Employer billing"];
export const batchParams = practiceParams.extend({
  batchNumber: z.coerce
    .number()
    .int()
    .min(1)
    .max(Number.MAX_SAFE_INTEGER)
    .describe("the batch number (stb 1042)"),
});
export const invoiceParams = practiceParams.extend({
  invoiceId: z.string().describe("the employer invoice"),
});
export const employerParams = practiceParams.extend({ employerId: z.string().describe("the employer") });
export const receiptParams = practiceParams.extend({ receiptId: z.string().describe("the receipt") });
