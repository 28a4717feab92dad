import {
  defaultDropRoot,
  defaultTransportResolver,
  submitClaimsNow,
  submitResultSchema,
} from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { requirePermission } from "../../http/guards";
import { body, json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

export const registerSubmitClaimsRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  const base = "/api/v1/practices/{practiceId}";
  const transports = () => ({
    transportFor: deps.transportFor ?? defaultTransportResolver({ dropRoot: defaultDropRoot() }),
  });
  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/claims/submit`,
      tags: ["Claims"],
      summary:
        "Run Claims Submission now, recorded as a manual run (dryRun: scrub and build the 837P without storing " +
        "or sending, and list the claims held and why; sendHeld: send the claims resting their day and those an " +
        "exclusion rule holds too)",
      request: {
        params: practiceParams,
        body: body(
          z.strictObject({ dryRun: z.boolean().default(false), sendHeld: z.boolean().default(false) }),
        ),
      },
      responses: { 200: json(submitResultSchema, "What was submitted"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const { dryRun, sendHeld } = c.req.valid("json");
      const result = await submitClaimsNow(deps.database, {
        actor,
        clock: deps.clock,
        deps: transports(),
        dryRun,
        sendHeld,
      });
      return c.json(result, 200);
    },
  );
};
