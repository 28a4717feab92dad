import { rescrubClaim, scrubResultSchema } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

export const registerRescrubClaimRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  const base = "/api/v1/practices/{practiceId}";
  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/claims/{id}/rescrub`,
      tags: ["Claims"],
      summary:
        "Scrub a claim again after fixing its data; a claim that now passes goes back to Awaiting Submission",
      request: { params: practiceParams.extend({ id: z.string() }) },
      responses: { 200: json(scrubResultSchema, "The scrub result"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const id = recordId(c.req.valid("param").id, "Claim");
      return c.json(await rescrubClaim(deps.database, { actor, claimId: id, now: deps.clock.now() }), 200);
    },
  );
};
