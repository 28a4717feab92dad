import { downloadDocumentPdf } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { errorResponses, practiceParams } from "../shared";

export const registerDownloadDocumentPdfRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/practices/{practiceId}/documents/{id}/pdf",
      tags: ["Documents"],
      summary: "The document's PDF exactly as issued (its SHA-256 is the document's pdfSha256)",
      request: { params: practiceParams.extend({ id: z.string() }) },
      responses: {
        200: {
          description: "The PDF",
          content: { "application/pdf": { schema: z.string().meta({ format: "binary" }) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const documentId = recordId(c.req.valid("param").id, "Document");
      const pdf = await downloadDocumentPdf(deps.database, { actor, documentId, now: deps.clock.now() });
      return c.body(pdf.bytes as Uint8Array<ArrayBuffer>, 200, {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${pdf.fileName}"`,
        "x-content-sha256": pdf.sha256,
      });
    },
  );
};
