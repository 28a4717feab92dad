import { clientStatementSchema, getClientStatement, localDate } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses } from "../shared";
import { clientParams, clientPath } from "./client-params";

export const registerGetClientStatementRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: `${clientPath}/statement`,
      tags: ["Client billing"],
      summary: "A client statement for a date range: balance forward, activity, ending balance, amount due",
      request: {
        params: clientParams,
        query: z.strictObject({
          from: localDate.optional().describe("practice-local date; the first of `to`'s month when omitted"),
          to: localDate.optional().describe("practice-local date; today when omitted"),
        }),
      },
      responses: { 200: json(clientStatementSchema, "Statement"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const clientId = recordId(c.req.valid("param").clientId, "Client");
      const { from, to } = c.req.valid("query");
      return c.json(
        await getClientStatement(deps.database, { actor, clientId, from, to, now: deps.clock.now() }),
        200,
      );
    },
  );
};
