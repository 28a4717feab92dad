import {
  defaultDropRoot,
  defaultTransportResolver,
  practiceToday,
  submitClaims,
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
      summary: "Run Claims Submission now (dryRun: scrub and build the 837P without storing or sending)",
      request: { params: practiceParams, body: body(z.strictObject({ dryRun: z.boolean().default(false) })) },
      responses: { 200: json(submitResultSchema, "What was submitted"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const now = deps.clock.now();
      const { today } = await practiceToday(deps.database.db, actor.practiceId, now);
      const result = await submitClaims(
        deps.database,
        { practiceId: actor.practiceId, runId: null, trigger: "manual", today },
        now,
        transports(),
        { dryRun: c.req.valid("json").dryRun },
      );
      return c.json(result, 200);
    },
  );
};
