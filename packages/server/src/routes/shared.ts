import { z } from "zod";

export const practiceParams = z.object({ practiceId: z.string().describe("the practice (tenant) id") });

// The one open object: an error carries its code's own details (entity, currentVersion, fields, …) beside these.
export const errorSchema = z
  .object({
    error: z.looseObject({
      code: z.string().describe("machine-readable error code, e.g. INVALID_NPI"),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: "Error" });

const err = (description: string) => ({
  description,
  content: { "application/json": { schema: errorSchema } },
});

export const errorResponses = {
  400: err("Invalid input (code names the problem: VALIDATION_FAILED, UNKNOWN_FIELD, INVALID_NPI, …)"),
  401: err("Not signed in"),
  403: err("Your role may not do this"),
  404: err("No such record in this practice"),
  409: err("Conflict or illegal status transition"),
  412: err("Version conflict: reload and retry"),
  422: err("A referenced record does not exist in this practice"),
} as const;
