import {
  createEmployerBatch,
  createEmployerBatchBodySchema,
  employerBatchDetailSchema,
} from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { requirePermission } from "../../http/guards";
import { body, json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";
import { basePath, tags } from "./params";

export const registerCreateEmployerBatchRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "post",
      path: `${basePath}/batches`,
      tags,
      summary:
        "Create On-Demand Batch: one invoice per employer (the employer, or each of the group's) with every encounter billed to it in the optional DOS and post-date ranges that is not invoiced yet (422 NOTHING_TO_INVOICE when none: nothing is created)",
      request: { params: practiceParams, body: body(createEmployerBatchBodySchema) },
      responses: { 201: json(employerBatchDetailSchema, "Created"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const detail = await createEmployerBatch(deps.database, {
        actor,
        ...c.req.valid("json"),
        now: deps.clock.now(),
      });
      return c.json(detail, 201);
    },
  );
};
