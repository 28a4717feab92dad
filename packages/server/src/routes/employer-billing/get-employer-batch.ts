import { employerBatchDetailSchema, getEmployerBatch } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses } from "../shared";
import { basePath, batchParams, tags } from "./params";

export const registerGetEmployerBatchRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: `${basePath}/batches/{batchNumber}`,
      tags,
      summary: "A batch by its number (the navigation search's `stb 1042`) with its invoices",
      request: { params: batchParams },
      responses: { 200: json(employerBatchDetailSchema, "The batch"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      return c.json(
        await getEmployerBatch(deps.database.db, actor.practiceId, {
          number: c.req.valid("param").batchNumber,
        }),
        200,
      );
    },
  );
};
