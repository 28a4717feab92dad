import { explainDocumentShare, shareExplanationSchema } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

export const registerExplainInvoiceShareRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/practices/{practiceId}/invoices/{id}/sharing",
      tags: ["Sharing"],
      summary: "Why wasn't this bill shared? Its share's state and reasons, and what would be decided now",
      request: { params: practiceParams.extend({ id: z.string() }) },
      responses: { 200: json(shareExplanationSchema, "The share's state and reasons"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const invoiceId = recordId(c.req.valid("param").id, "Invoice");
      return c.json(await explainDocumentShare(deps.database, { actor, invoiceId }), 200);
    },
  );
};
