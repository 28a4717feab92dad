import { openSharedDocument } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { errorResponses } from "../shared";
import { sharedTokenParams } from "./get-shared-document";
import { shareLinkKeyOf } from "./share-link-key";

/** Public: the PDF behind a shared link, as a download. */
export const registerGetSharedDocumentPdfRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/shared-documents/{token}/pdf",
      tags: ["Sharing"],
      security: [],
      summary: "The PDF behind a shared link (no session), as a download; refused as the document route is",
      request: { params: sharedTokenParams },
      responses: {
        200: {
          description: "The PDF",
          content: { "application/pdf": { schema: z.string().meta({ format: "binary" }) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const shared = await openSharedDocument(deps.database, {
        token: c.req.valid("param").token,
        linkKey: shareLinkKeyOf(deps),
        now: deps.clock.now(),
        view: "pdf",
        withPdf: true,
      });
      return c.body(new Uint8Array(shared.pdf), 200, {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${shared.number.replace(/[^A-Za-z0-9._-]/g, "_")}.pdf"`,
      }) as never;
    },
  );
};
