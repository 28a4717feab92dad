import { invoiceDeliveryResultSchema, markEmployerInvoicesPrinted } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { requirePermission } from "../../http/guards";
import { body, json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";
import { basePath, tags } from "./params";

export const registerMarkEmployerInvoicesPrintedRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "post",
      path: `${basePath}/invoices/printed`,
      tags,
      summary: "Mark invoices printed (delivered by post)",
      request: {
        params: practiceParams,
        body: body(z.strictObject({ invoiceIds: z.array(z.uuid()).min(1).max(500) })),
      },
      responses: { 200: json(z.array(invoiceDeliveryResultSchema), "Marked"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      return c.json(
        await markEmployerInvoicesPrinted(deps.database, {
          actor,
          invoiceIds: c.req.valid("json").invoiceIds,
          now: deps.clock.now(),
        }),
        200,
      );
    },
  );
};
