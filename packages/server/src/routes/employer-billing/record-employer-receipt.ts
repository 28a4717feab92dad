import { employerReceiptSchema, recordEmployerReceipt, recordReceiptBodySchema } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { requirePermission } from "../../http/guards";
import { body, json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";
import { basePath, tags } from "./params";

export const registerRecordEmployerReceiptRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "post",
      path: `${basePath}/receipts`,
      tags,
      summary:
        "Record an employer's check or EFT as a receipt and apply it across invoices or encounters; the rest stays as the employer's credit",
      request: { params: practiceParams, body: body(recordReceiptBodySchema) },
      responses: { 201: json(employerReceiptSchema, "Recorded"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      return c.json(
        await recordEmployerReceipt(deps.database, { actor, ...c.req.valid("json"), now: deps.clock.now() }),
        201,
      );
    },
  );
};
