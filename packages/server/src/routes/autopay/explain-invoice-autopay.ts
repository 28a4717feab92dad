import { autopayExplanationSchema, explainAutopay } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

export const registerExplainInvoiceAutopayRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/practices/{practiceId}/invoices/{id}/autopay-explanation",
      tags: ["Autopay"],
      summary: "Why wasn't this invoice's bill charged by autopay, its attempts, and what happens next",
      request: { params: practiceParams.extend({ id: z.string() }) },
      responses: { 200: json(autopayExplanationSchema, "The explanation"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const invoiceId = recordId(c.req.valid("param").id, "Invoice");
      return c.json(
        await explainAutopay(deps.database, { actor, target: { invoiceId }, now: deps.clock.now() }),
        200,
      );
    },
  );
};
