import { dateRangeInputSchema, documentSchema, issueStatementDocument, toDocumentView } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { body, json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

export const registerIssueStatementDocumentRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/practices/{practiceId}/clients/{id}/statements",
      tags: ["Documents"],
      summary: "A statement for the client: balance forward, activity from `from` to `to`, amount due",
      request: { params: practiceParams.extend({ id: z.string() }), body: body(dateRangeInputSchema) },
      responses: { 201: json(documentSchema, "The statement"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const clientId = recordId(c.req.valid("param").id, "Client");
      const { from, to } = c.req.valid("json");
      const row = await issueStatementDocument(deps.database, {
        actor,
        clientId,
        from,
        to,
        now: deps.clock.now(),
      });
      return c.json(toDocumentView(row), 201);
    },
  );
};
