import {
  documentPageSchema,
  listClientDocuments,
  listClientDocumentsQuerySchema,
  toDocumentView,
} from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

export const registerListClientDocumentsRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/practices/{practiceId}/clients/{id}/documents",
      tags: ["Documents"],
      summary: "A client's bills, superbills and statements, every version, newest first",
      request: { params: practiceParams.extend({ id: z.string() }), query: listClientDocumentsQuerySchema },
      responses: { 200: json(documentPageSchema, "Documents"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const clientId = recordId(c.req.valid("param").id, "Client");
      const page = await listClientDocuments(deps.database, {
        actor,
        query: { clientId, ...c.req.valid("query") },
        now: deps.clock.now(),
      });
      return c.json({ data: page.data.map(toDocumentView), nextCursor: page.nextCursor }, 200);
    },
  );
};
