import {
  employerInvoiceDetailSchema,
  voidEmployerInvoice,
  voidEmployerInvoiceBodySchema,
} from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { body, json } from "../openapi-content";
import { errorResponses } from "../shared";
import { basePath, invoiceParams, tags } from "./params";

export const registerVoidEmployerInvoiceRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "post",
      path: `${basePath}/invoices/{invoiceId}/void`,
      tags,
      summary: "Void an Open invoice with nothing paid or credited; its encounters are released",
      request: { params: invoiceParams, body: body(voidEmployerInvoiceBodySchema) },
      responses: { 200: json(employerInvoiceDetailSchema, "Voided"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const invoiceId = recordId(c.req.valid("param").invoiceId, "Invoice");
      return c.json(
        await voidEmployerInvoice(deps.database, {
          actor,
          invoiceId,
          reason: c.req.valid("json").reason,
          now: deps.clock.now(),
        }),
        200,
      );
    },
  );
};
