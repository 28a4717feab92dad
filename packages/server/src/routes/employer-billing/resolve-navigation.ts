import { getEmployerBatch } from "@billcycle/app";
import { DomainError } from "@billcycle/core";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";
import { basePath, tags } from "./params";

const navigationSchema = z
  .strictObject({
    screen: z.enum(["batch_history", "batch"]),
    batchNumber: z.int().nullable(),
    batchId: z.uuid().nullable(),
  })
  .meta({ id: "EmployerBillingNavigation" });

export const registerResolveNavigationRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: `${basePath}/navigate`,
      tags,
      summary:
        "The navigation search: `stb` opens the batch history, `stb 1042` batch 1042 (404 when no such batch)",
      request: { params: practiceParams, query: z.strictObject({ q: z.string().max(40).default("stb") }) },
      responses: { 200: json(navigationSchema, "Where to go"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const match = /^\s*stb(?:\s+(\d{1,15}))?\s*$/i.exec(c.req.valid("query").q);
      if (!match) {
        throw new DomainError("VALIDATION_FAILED", "Type stb, or stb and a batch number", { field: "q" });
      }
      if (!match[1])
        return c.json({ screen: "batch_history" as const, batchNumber: null, batchId: null }, 200);
      const { batch } = await getEmployerBatch(deps.database.db, actor.practiceId, {
        number: Number(match[1]),
      });
      return c.json({ screen: "batch" as const, batchNumber: batch.number, batchId: batch.id }, 200);
    },
  );
};
