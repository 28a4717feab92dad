import { ledgerPageSchema, listClientLedger } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses } from "../shared";
import { clientParams, clientPath, pageQuery } from "./client-params";

export const registerListClientLedgerRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: `${clientPath}/ledger`,
      tags: ["Client billing"],
      summary: "A client's ledger, newest first, each entry with the balance after it",
      request: { params: clientParams, query: pageQuery },
      responses: { 200: json(ledgerPageSchema, "Ledger entries"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const clientId = recordId(c.req.valid("param").clientId, "Client");
      const { limit, cursor } = c.req.valid("query");
      return c.json(
        await listClientLedger(deps.database, { actor, clientId, limit, cursor, now: deps.clock.now() }),
        200,
      );
    },
  );
};
