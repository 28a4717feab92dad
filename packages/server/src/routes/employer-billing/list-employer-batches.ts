import { employerBatchListSchema, listEmployerBatches } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";
import { basePath, tags } from "./params";

export const registerListEmployerBatchesRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: `${basePath}/batches`,
      tags,
      summary: "Batch history, newest first (optionally the batches with an employer's invoices)",
      request: {
        params: practiceParams,
        query: z.strictObject({
          employerId: z.string().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
        }),
      },
      responses: { 200: json(employerBatchListSchema, "Batches"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const q = c.req.valid("query");
      return c.json(
        await listEmployerBatches(deps.database.db, {
          actor,
          employerId: q.employerId === undefined ? undefined : recordId(q.employerId, "Employer"),
          limit: q.limit,
          before: q.cursor,
        }),
        200,
      );
    },
  );
};
