import { clientBalanceSchema, getClientBalance } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses } from "../shared";
import { clientParams, clientPath } from "./client-params";

export const registerGetClientBalanceRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: `${clientPath}/balance`,
      tags: ["Client billing"],
      summary: "A client's balance, open client responsibility per invoice and credit on account",
      request: { params: clientParams },
      responses: { 200: json(clientBalanceSchema, "Balance"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const clientId = recordId(c.req.valid("param").clientId, "Client");
      return c.json(await getClientBalance(deps.database, { actor, clientId, now: deps.clock.now() }), 200);
    },
  );
};
