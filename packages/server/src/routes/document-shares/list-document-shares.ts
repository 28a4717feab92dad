import { documentSharePageSchema, listDocumentShares, listDocumentSharesQuerySchema } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

export const registerListDocumentSharesRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/practices/{practiceId}/document-shares",
      tags: ["Sharing"],
      summary: "Automatic shares, newest first: scheduled, sent, skipped (with every reason) or failed",
      request: { params: practiceParams, query: listDocumentSharesQuerySchema },
      responses: { 200: json(documentSharePageSchema, "A page of shares"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      return c.json(await listDocumentShares(deps.database, { actor, query: c.req.valid("query") }), 200);
    },
  );
};
