import { z } from "zod";
import { practiceParams } from "../shared";

export const clientPath = "/api/v1/practices/{practiceId}/clients/{clientId}";
export const clientParams = practiceParams.extend({ clientId: z.string().describe("the client") });
export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.uuid().optional(),
});
