import { employerBatchDetailSchema, rebatchEmployerBatch } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { requirePermission } from "../../http/guards";
import { body, json } from "../openapi-content";
import { errorResponses } from "../shared";
import { basePath, batchParams, tags } from "./params";

export const registerRebatchEmployerBatchRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "post",
      path: `${basePath}/batches/{batchNumber}/rebatch`,
      tags,
      summary:
        "Re-batch: each invoice again as INV-1042-2, -3…, the same encounters, its amount due net of payments and credits since (listed)",
      request: {
        params: batchParams,
        body: body(z.strictObject({ note: z.string().trim().max(500).optional() })),
      },
      responses: { 201: json(employerBatchDetailSchema, "Created"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const { note } = c.req.valid("json");
      return c.json(
        await rebatchEmployerBatch(deps.database, {
          actor,
          batchNumber: c.req.valid("param").batchNumber,
          note,
          now: deps.clock.now(),
        }),
        201,
      );
    },
  );
};
