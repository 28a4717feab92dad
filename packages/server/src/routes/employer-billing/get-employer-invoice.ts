import { employerInvoiceDetailSchema, getEmployerInvoice } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses } from "../shared";
import { basePath, invoiceParams, tags } from "./params";

export const registerGetEmployerInvoiceRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: `${basePath}/invoices/{invoiceId}`,
      tags,
      summary:
        "An invoice with its encounter lines (the batch items screen) and the payments and credits on it",
      request: { params: invoiceParams },
      responses: { 200: json(employerInvoiceDetailSchema, "The invoice"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const invoiceId = recordId(c.req.valid("param").invoiceId, "Invoice");
      return c.json(await getEmployerInvoice(deps.database.db, { actor, invoiceId }), 200);
    },
  );
};
