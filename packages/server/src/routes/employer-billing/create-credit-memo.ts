import { createCreditMemo, creditMemoBodySchema, employerInvoiceDetailSchema } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { body, json } from "../openapi-content";
import { errorResponses } from "../shared";
import { basePath, invoiceParams, tags } from "./params";

export const registerCreateCreditMemoRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "post",
      path: `${basePath}/invoices/{invoiceId}/credit-memos`,
      tags,
      summary:
        "Credit memo: a negative invoice crediting the chosen encounters of this invoice (never edited); they become billable again, to rebillTo when given",
      request: { params: invoiceParams, body: body(creditMemoBodySchema) },
      responses: { 201: json(employerInvoiceDetailSchema, "The credit memo"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const invoiceId = recordId(c.req.valid("param").invoiceId, "Invoice");
      return c.json(
        await createCreditMemo(deps.database, {
          actor,
          invoiceId,
          ...c.req.valid("json"),
          now: deps.clock.now(),
        }),
        201,
      );
    },
  );
};
