import { emailEmployerInvoice, invoiceDeliveryResultSchema } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses } from "../shared";
import { basePath, invoiceParams, tags } from "./params";

export const registerEmailEmployerInvoiceRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "post",
      path: `${basePath}/invoices/{invoiceId}/email`,
      tags,
      summary: "Email the invoice's PDF to the employer's billing contact",
      request: { params: invoiceParams },
      responses: { 200: json(invoiceDeliveryResultSchema, "Sent"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const invoiceId = recordId(c.req.valid("param").invoiceId, "Invoice");
      return c.json(
        await emailEmployerInvoice(deps.database, {
          actor,
          invoiceId,
          mailer: deps.employerInvoiceMailer,
          now: deps.clock.now(),
        }),
        200,
      );
    },
  );
};
