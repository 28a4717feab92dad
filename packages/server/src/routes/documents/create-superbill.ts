import { createSuperbill, dateRangeInputSchema, documentSchema, toDocumentView } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { body, json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

export const registerCreateSuperbillRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/practices/{practiceId}/clients/{id}/superbills",
      tags: ["Documents"],
      summary:
        "A superbill of the client's insurance-eligible services of kept sessions from `from` to `to` not yet on one " +
        "(409 CONFLICT with details.reason NOTHING_ELIGIBLE or ALREADY_ON_SUPERBILL when there are none)",
      request: { params: practiceParams.extend({ id: z.string() }), body: body(dateRangeInputSchema) },
      responses: { 201: json(documentSchema, "The superbill"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const clientId = recordId(c.req.valid("param").id, "Client");
      const { from, to } = c.req.valid("json");
      const row = await createSuperbill(deps.database, { actor, clientId, from, to, now: deps.clock.now() });
      return c.json(toDocumentView(row), 201);
    },
  );
};
