import { employerReceiptListSchema, listEmployerReceipts } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses } from "../shared";
import { basePath, employerParams, tags } from "./params";

export const registerListEmployerReceiptsRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: `${basePath}/employers/{employerId}/receipts`,
      tags,
      summary: "An employer's receipts, newest first, with their applications and what is unapplied",
      request: { params: employerParams },
      responses: { 200: json(employerReceiptListSchema, "Receipts"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const employerId = recordId(c.req.valid("param").employerId, "Employer");
      return c.json(await listEmployerReceipts(deps.database.db, { actor, employerId }), 200);
    },
  );
};
