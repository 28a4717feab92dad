import { clearinghouseFilePageSchema, listClearinghouseFiles } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

export const registerListClearinghouseFilesRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  const base = "/api/v1/practices/{practiceId}";
  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/files`,
      tags: ["Claims"],
      summary: "Files sent (837P) and received (999, 277CA, 835), newest first",
      request: {
        params: practiceParams,
        query: z.strictObject({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.uuid().optional(),
          direction: z.enum(["outbound", "inbound"]).optional(),
        }),
      },
      responses: {
        200: json(clearinghouseFilePageSchema, "Files"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const { limit, cursor, direction } = c.req.valid("query");
      return c.json(
        await listClearinghouseFiles(deps.database.db, actor.practiceId, {
          limit,
          before: cursor,
          direction,
        }),
        200,
      );
    },
  );
};
