import { loadEmployerInvoicePdf } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { errorResponses } from "../shared";
import { basePath, invoiceParams, tags } from "./params";

export const registerDownloadEmployerInvoicePdfRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: `${basePath}/invoices/{invoiceId}/pdf`,
      tags,
      summary: "The invoice's PDF exactly as issued",
      request: { params: invoiceParams },
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
      const invoiceId = recordId(c.req.valid("param").invoiceId, "Invoice");
      const { number, pdf } = await loadEmployerInvoicePdf(deps.database.db, { actor, invoiceId });
      return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${number.replace(/[^A-Za-z0-9-]/g, "_")}.pdf"`,
      });
    },
  );
};
