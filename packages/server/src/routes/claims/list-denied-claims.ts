import { deniedClaimListSchema, listDeniedClaims } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

export const registerListDeniedClaimsRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/practices/{practiceId}/denials",
      tags: ["Claims"],
      summary: "The denials queue: denied or rejected claims not yet acted on, with CARC/RARC codes in words",
      request: {
        params: practiceParams,
        query: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.uuid().optional(),
        }),
      },
      responses: { 200: json(deniedClaimListSchema, "Denied and rejected claims"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const q = c.req.valid("query");
      return c.json(
        await listDeniedClaims(deps.database, {
          actor,
          limit: q.limit,
          cursor: q.cursor,
          now: deps.clock.now(),
        }),
        200,
      );
    },
  );
};
