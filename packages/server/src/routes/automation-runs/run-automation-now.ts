import { automationRunSchema, runAutomationNow, runNowKinds } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

export const registerRunAutomationNowRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/practices/{practiceId}/automation/{automation}/run-now",
      tags: ["Automation"],
      summary:
        "Bill now: queue today's Invoice Creation or Invoice Processing run at once (recorded as a manual run; " +
        "runs even when the nightly automation is off)",
      request: { params: practiceParams.extend({ automation: z.enum(runNowKinds) }) },
      responses: { 202: json(automationRunSchema, "The queued run"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const run = await runAutomationNow(deps.database, {
        actor,
        automation: c.req.valid("param").automation,
        now: deps.clock.now(),
      });
      return c.json(run, 202);
    },
  );
};
