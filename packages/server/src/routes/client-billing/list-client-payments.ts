import { listClientPayments, paymentListSchema } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses } from "../shared";
import { clientParams, clientPath, pageQuery } from "./client-params";

export const registerListClientPaymentsRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: `${clientPath}/payments`,
      tags: ["Client billing"],
      summary: "A client's payments, newest first, with what is applied, refunded and unapplied of each",
      request: { params: clientParams, query: pageQuery },
      responses: { 200: json(paymentListSchema, "Payments"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const clientId = recordId(c.req.valid("param").clientId, "Client");
      const { limit, cursor } = c.req.valid("query");
      return c.json(
        await listClientPayments(deps.database, { actor, clientId, limit, cursor, now: deps.clock.now() }),
        200,
      );
    },
  );
};
