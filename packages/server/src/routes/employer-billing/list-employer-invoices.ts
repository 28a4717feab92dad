import { invoiceHistoryQuerySchema, invoiceHistorySchema, listEmployerInvoices } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";
import { basePath, tags } from "./params";

export const registerListEmployerInvoicesRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: `${basePath}/invoices`,
      tags,
      summary:
        "Invoice History: invoices, re-batches and credit memos, newest first; status Open (default), Paid or All; search contains any part of the invoice id (%, _ match literally)",
      request: { params: practiceParams, query: invoiceHistoryQuerySchema },
      responses: { 200: json(invoiceHistorySchema, "Invoices"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      return c.json(await listEmployerInvoices(deps.database.db, { actor, ...c.req.valid("query") }), 200);
    },
  );
};
