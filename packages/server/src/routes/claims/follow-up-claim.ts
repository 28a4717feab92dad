import { claimFollowUpBodySchema, claimFollowUpResultSchema, followUpDeniedClaim } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { body, json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

export const registerFollowUpClaimRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/practices/{practiceId}/claims/{id}/follow-up",
      tags: ["Claims"],
      summary:
        "Act on a denied or rejected claim: replace (7) or void at the payer (8) with REF*F8, resubmit unchanged, " +
        "write off, or bill the client (PAYER_CLAIM_NUMBER_MISSING for a 7/8 of a claim the payer never numbered)",
      request: { params: practiceParams.extend({ id: z.string() }), body: body(claimFollowUpBodySchema) },
      responses: { 200: json(claimFollowUpResultSchema, "Done"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const claimId = recordId(c.req.valid("param").id, "Claim");
      return c.json(
        await followUpDeniedClaim(deps.database, {
          actor,
          claimId,
          ...c.req.valid("json"),
          now: deps.clock.now(),
        }),
        200,
      );
    },
  );
};
