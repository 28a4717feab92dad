import { claimCountsSchema, countClaimsByStatus } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

export const registerCountClaimsByStatusRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  const base = "/api/v1/practices/{practiceId}";
  // Registered before the claims resource's GET …/claims/{id}, so "counts" is not taken for a claim id.
  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/claims/counts`,
      tags: ["Claims"],
      summary: "How many claims the practice has in each status (every status, zero included)",
      request: { params: practiceParams },
      responses: {
        200: json(claimCountsSchema, "Claims per status"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      return c.json(await countClaimsByStatus(deps.database.db, actor.practiceId), 200);
    },
  );
};
