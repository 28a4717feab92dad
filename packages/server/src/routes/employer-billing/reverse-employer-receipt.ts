import { employerReceiptSchema, reverseEmployerReceipt, reverseReceiptBodySchema } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { body, json } from "../openapi-content";
import { errorResponses } from "../shared";
import { basePath, receiptParams, tags } from "./params";

export const registerReverseEmployerReceiptRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "post",
      path: `${basePath}/receipts/{receiptId}/reverse`,
      tags,
      summary: "Reverse a receipt: every application undone (appended negatives), statuses follow",
      request: { params: receiptParams, body: body(reverseReceiptBodySchema) },
      responses: { 200: json(employerReceiptSchema, "Reversed"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const receiptId = recordId(c.req.valid("param").receiptId, "Receipt");
      return c.json(
        await reverseEmployerReceipt(deps.database, {
          actor,
          receiptId,
          reason: c.req.valid("json").reason,
          now: deps.clock.now(),
        }),
        200,
      );
    },
  );
};
