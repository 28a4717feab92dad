import { issueBillDocument, issuedBillSchema, toDocumentView } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

export const registerIssueBillDocumentRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/practices/{practiceId}/invoices/{id}/bill",
      tags: ["Documents"],
      summary:
        "The invoice's bill as it stands now: the latest version when nothing changed, else a new version naming it",
      request: { params: practiceParams.extend({ id: z.string() }) },
      responses: { 200: json(issuedBillSchema, "The bill"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const invoiceId = recordId(c.req.valid("param").id, "Invoice");
      const issued = await issueBillDocument(deps.database, {
        practiceId: actor.practiceId,
        invoiceId,
        now: deps.clock.now(),
        source: "user",
        actor,
      });
      return c.json({ document: toDocumentView(issued.document), reused: issued.reused }, 200);
    },
  );
};
