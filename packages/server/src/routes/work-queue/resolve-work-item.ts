import { resolveWorkItem, workItemResolutionSchema } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { body, json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

export const registerResolveWorkItemRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  const base = "/api/v1/practices/{practiceId}";
  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/work-queue/{id}/resolve`,
      tags: ["Claims"],
      summary: "Dismiss a work item, post it now, or match it to a claim and post",
      request: {
        params: practiceParams.extend({ id: z.string() }),
        body: body(
          z.discriminatedUnion("action", [
            z.strictObject({ action: z.literal("dismiss"), reason: z.string().trim().min(1).max(500) }),
            z.strictObject({ action: z.literal("post") }),
            z.strictObject({ action: z.literal("match"), claimId: z.uuid() }),
          ]),
        ),
      },
      responses: { 200: json(workItemResolutionSchema, "Resolved"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const id = recordId(c.req.valid("param").id, "Work item");
      return c.json(
        await resolveWorkItem(deps.database, {
          actor,
          itemId: id,
          input: c.req.valid("json"),
          now: deps.clock.now(),
        }),
        200,
      );
    },
  );
};
