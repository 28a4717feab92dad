import { documentSchema, toDocumentView, voidDocument, voidDocumentInputSchema } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { body, json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

export const registerVoidDocumentRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/practices/{practiceId}/documents/{id}/void",
      tags: ["Documents"],
      summary:
        "Void a document (once): it stays as issued and is never shared; a voided superbill frees its services",
      request: { params: practiceParams.extend({ id: z.string() }), body: body(voidDocumentInputSchema) },
      responses: { 200: json(documentSchema, "The voided document"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const documentId = recordId(c.req.valid("param").id, "Document");
      const row = await voidDocument(deps.database, {
        actor,
        documentId,
        reason: c.req.valid("json").reason,
        now: deps.clock.now(),
      });
      return c.json(toDocumentView(row), 200);
    },
  );
};
