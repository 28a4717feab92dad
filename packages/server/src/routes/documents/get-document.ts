import { documentSchema, getDocument, toDocumentView } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

export const registerGetDocumentRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/practices/{practiceId}/documents/{id}",
      tags: ["Documents"],
      summary:
        "One document (bill, superbill or statement): what it is, its version and status, its PDF's hash",
      request: { params: practiceParams.extend({ id: z.string() }) },
      responses: { 200: json(documentSchema, "The document"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const documentId = recordId(c.req.valid("param").id, "Document");
      const row = await getDocument(deps.database, { actor, documentId, now: deps.clock.now() });
      return c.json(toDocumentView(row), 200);
    },
  );
};
