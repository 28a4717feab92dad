import { listWorkQueueItems, workQueueItemPageSchema } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

export const registerListWorkQueueItemsRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  const base = "/api/v1/practices/{practiceId}";
  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/work-queue`,
      tags: ["Claims"],
      summary: "Remittances and claims that need a person: unbalanced, unmatched, blocked codes",
      request: {
        params: practiceParams,
        query: z.strictObject({
          status: z.enum(["open", "resolved", "dismissed"]).default("open"),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.uuid().optional(),
        }),
      },
      responses: {
        200: json(workQueueItemPageSchema, "Items"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const { status, limit, cursor } = c.req.valid("query");
      return c.json(
        await listWorkQueueItems(deps.database.db, actor.practiceId, { status, limit, before: cursor }),
        200,
      );
    },
  );
};
