import { documentShareSchema, retryDocumentShare } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

export const registerRetryDocumentShareRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/practices/{practiceId}/document-shares/{shareId}/retry",
      tags: ["Sharing"],
      summary: "Try a failed share again now (409 ILLEGAL_TRANSITION unless it is failed)",
      request: { params: practiceParams.extend({ shareId: z.string() }) },
      responses: { 200: json(documentShareSchema, "The share, scheduled again"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const shareId = recordId(c.req.valid("param").shareId, "Share");
      return c.json(await retryDocumentShare(deps.database, { actor, shareId, now: deps.clock.now() }), 200);
    },
  );
};
