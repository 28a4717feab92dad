import { applyEmployerReceipt, applyReceiptBodySchema, employerReceiptSchema } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { body, json } from "../openapi-content";
import { errorResponses } from "../shared";
import { basePath, receiptParams, tags } from "./params";

export const registerApplyEmployerReceiptRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "post",
      path: `${basePath}/receipts/{receiptId}/applications`,
      tags,
      summary: "Apply more of a receipt to invoices or their encounters",
      request: { params: receiptParams, body: body(applyReceiptBodySchema) },
      responses: { 200: json(employerReceiptSchema, "Applied"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const receiptId = recordId(c.req.valid("param").receiptId, "Receipt");
      return c.json(
        await applyEmployerReceipt(deps.database, {
          actor,
          receiptId,
          apply: c.req.valid("json").apply,
          now: deps.clock.now(),
        }),
        200,
      );
    },
  );
};
