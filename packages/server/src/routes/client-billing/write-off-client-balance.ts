import { recordedWriteOffSchema, writeOffBodySchema, writeOffClientBalance } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { body, json } from "../openapi-content";
import { errorResponses } from "../shared";
import { clientParams, clientPath } from "./client-params";

export const registerWriteOffClientBalanceRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "post",
      path: `${clientPath}/write-offs`,
      tags: ["Client billing"],
      summary: "Write off or adjust client responsibility on one invoice, with a reason",
      request: { params: clientParams, body: body(writeOffBodySchema) },
      responses: { 201: json(recordedWriteOffSchema, "Written off"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const clientId = recordId(c.req.valid("param").clientId, "Client");
      return c.json(
        await writeOffClientBalance(deps.database, {
          actor,
          clientId,
          ...c.req.valid("json"),
          now: deps.clock.now(),
        }),
        201,
      );
    },
  );
};
